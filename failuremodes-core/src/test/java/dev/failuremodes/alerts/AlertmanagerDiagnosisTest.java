package dev.failuremodes.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Alertmanager webhook payloads, each a plausible incident, with the failure modes of which at least one must rank
 * in the top three. The expectations were written from what each alert means before the engine was run on them.
 */
class AlertmanagerDiagnosisTest {
  static Path sample(String name) {
    try {
      return Path.of(AlertmanagerDiagnosisTest.class.getResource("/reports/alertmanager/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      feature-psi-drift.json   | data-drift
      null-rate-spike.json     | missing-data upstream-data-change
      serving-skew.json        | training-serving-skew
      latency-budget.json      | ignored-constraints
      stale-features.json      | upstream-data-change
      calibration.json         | miscalibration
      prediction-shift.json    | data-drift label-shift
      fairness.json            | unfair-outcomes
      new-categories.json      | upstream-data-change
      class-prevalence.json    | label-shift
      slice-gap.json           | hidden-stratification
      mixed-with-resolved.json | data-drift
      truncated.json           | data-drift
      gradient-explosion.json  | exploding-gradients
      """)
  void diagnose_alertPayload_ranksAnExpectedCauseInTheTopThree(String file, String expected) {
    Diagnosis d = FailureModes.forReports(Report.read(sample(file))).diagnose();

    List<String> top3 = d.candidates().stream().limit(3).map(Candidate::id).toList();
    assertThat(top3).as("top three for %s:%n%s", file, d).containsAnyElementsOf(Arrays.asList(expected.split(" ")));
  }

  @Test
  void diagnose_keepsTheToolTheCheckTheFeatureAndTheNumbers() {
    Diagnosis d = FailureModes.forReports(Report.read(sample("feature-psi-drift.json"))).diagnose();

    assertThat(d.findings()).hasSize(4);
    assertThat(d.candidates().get(0).evidence().get(0).detail())
        .isEqualTo("psi 0.41 > 0.25 on tenure_months [Alertmanager FeaturePsiHigh]");
    assertThat(d.toJson()).contains("\"tool\" : \"alertmanager\"", "\"check\" : \"FeaturePsiHigh\"",
        "\"feature\" : \"tenure_months\"", "\"metric\" : \"psi\"", "\"value\" : 0.41");
  }

  @Test
  void diagnose_healthyValue_countsAgainstDrift() {
    Diagnosis d = FailureModes.forReports(Report.read(sample("healthy-values.json"))).diagnose();

    assertThat(d.candidates()).extracting(Candidate::id).doesNotContain("data-drift");
    assertThat(d.resolutions()).anySatisfy(r -> assertThat(r.measurements())
        .contains("psi 0.04 on age, healthy (a symptom when > 0.25) [Alertmanager DriftCheck]"));
  }

  @Test
  void diagnose_truncatedAlerts_areListedAsUnrecognised() {
    Diagnosis d = FailureModes.forReports(Report.read(sample("truncated.json"))).diagnose();

    assertThat(d.unrecognized()).singleElement().satisfies(u -> assertThat(u.input()).isEqualTo(
        "[Alertmanager] truncatedAlerts: 14 more alerts were left out of the payload by Alertmanager's max_alerts; "
            + "raise it to see them"));
  }

  @Test
  void diagnose_valueOutsideItsMetricsRange_isUnrecognisedWithTheRange_andTheRestIsRead() {
    Report report = Report.parse("{\"receiver\":\"ml\",\"alerts\":[{\"labels\":{\"alertname\":\"Psi\","
        + "\"metric\":\"psi\",\"value\":\"-0.2\",\"feature\":\"age\"}},{\"labels\":{\"alertname\":\"Ece\","
        + "\"metric\":\"ece\",\"value\":\"0.2\"}}]}", "inline.json");

    Diagnosis d = FailureModes.forReports(report).diagnose();

    assertThat(d.unrecognized()).extracting(u -> u.input()).contains("[Alertmanager] Psi on age: psi = -0.2 (not "
        + "read: psi must be at least 0 (Population stability index), was -0.2)");
    assertThat(d.top().orElseThrow().id()).isEqualTo("miscalibration");
  }

  @Test
  void diagnose_reportWithNoFailureSignal_saysSo() {
    Report report = Report.parse("{\"receiver\":\"ml\",\"alerts\":[{\"status\":\"resolved\",\"labels\":"
        + "{\"alertname\":\"FeatureDrift\"}}]}", "resolved.json");

    Diagnosis d = FailureModes.forReports(report).diagnose();

    assertThat(d.candidates()).isEmpty();
    assertThat(d.findings()).hasSize(1);
    assertThat(d.whyEmpty()).hasValue("None of the reports' 1 finding is a failure signal: each check passed without"
        + " a value or says nothing about a failure; see findings().");
  }
}
