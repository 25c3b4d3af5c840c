package dev.failuremodes.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Evidently reports of plausible incidents, diagnosed: at least one of the causes an ML engineer would name is among
 * the top three. The expected causes were written from the incident before the diagnosis was run.
 */
class EvidentlyDiagnosisTest {
  private static Path file(String name) {
    try {
      return Path.of(Objects.requireNonNull(EvidentlyDiagnosisTest.class.getResource("/reports/evidently/" + name),
          name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      incident-income-drift.json, data-drift
      incident-campaign-traffic.json, data-drift
      incident-null-spike.json, upstream-data-change missing-data
      incident-schema-break.json, upstream-data-change
      incident-unit-change.json, upstream-data-change
      incident-rare-class.json, ignored-class-imbalance
      incident-label-shift.json, label-shift
      incident-concept-drift.json, concept-drift
      incident-noisy-labels.json, label-noise
      incident-target-leak.json, feature-leakage data-leakage
      incident-correlated-features.json, redundant-features
      incident-snapshot-drift.json, data-drift
      incident-snapshot-missing.json, missing-data upstream-data-change
      incident-regression-drift.json, data-drift
      incident-stale-feature.json, upstream-data-change
      """)
  void diagnose_incidentReport_ranksAnExpectedCauseInTopThree(String name, String expected) {
    Report report = Report.read(file(name));
    assertThat(report.format()).isEqualTo(Format.EVIDENTLY);
    Diagnosis d = FailureModes.forReports(report).diagnose();
    List<String> top = d.candidates().stream().limit(3).map(Candidate::id).toList();
    assertThat(top).as("top three of %s: %s", name, d.candidates()).containsAnyElementsOf(
        Arrays.asList(expected.split(" ")));
  }
}
