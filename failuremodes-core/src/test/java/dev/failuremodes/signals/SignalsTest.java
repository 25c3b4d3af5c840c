package dev.failuremodes.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.EvidenceKind;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Resolution;
import dev.failuremodes.UnknownIdException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values in text and as observations: read, compared with the catalog's thresholds, and said in words. */
class SignalsTest {
  private static Resolution only(Diagnosis d) {
    assertThat(d.resolutions()).hasSize(1);
    return d.resolutions().get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      KS p-value 0.5 for income | ks-p-value 0.5 on income, healthy (a symptom when < 0.05)
      KS p=0.5 on income        | ks-p-value 0.5 on income, healthy (a symptom when < 0.05)
      PSI 0.05 on feature age   | psi 0.05 on age, healthy (a symptom when > 0.25)
      psi: 0.05                 | psi 0.05, healthy (a symptom when > 0.25)
      chi-square p-value 0.2 in column country | chi2-p-value 0.2 on country, healthy (a symptom when < 0.05)
      """)
  void healthyValue_isReportedAsReadAndHealthy_neverAsDriftOrUnrecognised(String input, String measurement) {
    Diagnosis d = FailureModes.forSymptoms(input).diagnose();

    assertThat(d.candidates()).isEmpty();
    assertThat(d.unrecognized()).isEmpty();
    Resolution r = only(d);
    assertThat(r.recognized()).isTrue();
    assertThat(r.measurements()).containsExactly(measurement);
    assertThat(r.ruledOutSymptoms()).extracting(m -> m.symptom().id()).containsExactly("feature-distribution-shift");
    assertThat(d.whyEmpty()).hasValue(
        "Every value read is on the healthy side of its threshold: " + measurement + ".");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      PSI=0.31                          | psi 0.31 > 0.25                          | data-drift
      psi: 0.31 on feature age          | psi 0.31 > 0.25 on age                   | data-drift
      KS p < 0.001 on income            | ks-p-value 0.001 < 0.05 on income        | data-drift
      ks p-value 1.2e-4 for income      | ks-p-value 0.00012 < 0.05 on income      | data-drift
      missing rate 31%                  | missing-rate 0.31 > 0.2                  | missing-data
      psi 0.22 (threshold 0.2)          | psi 0.22 > 0.2                           | data-drift
      p99 latency 12,000 ms             | latency-ms 12000 > 100                   | ignored-constraints
      kappa 0.4                         | cohens-kappa 0.4 < 0.6                   | label-noise
      cohen kappa 0.4                   | cohens-kappa 0.4 < 0.6                   | label-noise
      Cohen's kappa between annotators was 0.41 | cohens-kappa 0.41 < 0.6          | label-noise
      Fleiss' kappa 0.3                 | fleiss-kappa 0.3 < 0.6                   | label-noise
      ECE = 0.09                        | ece 0.09 > 0.05                          | miscalibration
      """)
  void valueInText_isReadInEveryCommonForm(String input, String measurement, String top) {
    Diagnosis d = FailureModes.forSymptoms(input).diagnose();

    assertThat(only(d).measurements()).contains(measurement);
    assertThat(d.top()).map(Candidate::id).hasValue(top);
    assertThat(d.top().orElseThrow().evidence().get(0).detail()).isEqualTo(measurement);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      AUC 0.91 -> 0.78                                         | score-drop 0.13 > 0.05
      accuracy dropped from 93% to 61%                         | score-drop 0.32 > 0.05
      online AUC of the fraud model fell from 0.91 to 0.78     | score-drop 0.13 > 0.05
      training accuracy 99% and validation accuracy 71%        | train-test-gap 0.28 > 0.1
      """)
  void changesAndGaps_areDerivedFromTwoValues(String input, String measurement) {
    assertThat(only(FailureModes.forSymptoms(input).diagnose()).measurements()).contains(measurement);
  }

  @Test
  void aNumberThatCannotBeTheMetricsValue_isNotReadAsIt() {
    // 2019 is a year, not an AUROC; 93 without a sign is a percentage of an accuracy.
    assertThat(only(FailureModes.forSymptoms("AUROC for 2019-20 was 0.778").diagnose()).measurements())
        .noneMatch(m -> m.contains("2019"));
    assertThat(only(FailureModes.forSymptoms("validation accuracy 99.6").diagnose()).measurements())
        .containsExactly("validation-score 0.996 > 0.99");
  }

  @ParameterizedTest
  @CsvSource({"p", "n", "p < 0.001", "k 5"})
  void aLoneLetter_neverNamesAMetric(String input) {
    Diagnosis d = FailureModes.forSymptoms(input).diagnose();

    assertThat(d.candidates()).isEmpty();
    assertThat(only(d).measurements()).isEmpty();
    assertThat(d.unrecognized()).extracting(u -> u.input()).containsExactly(input);
  }

  @Test
  void aLoneLetterInsideText_doesNotMatchTheAliasItAppearsIn() {
    // "p >> n" is an alias of too-many-features; the "p" of a p-value is not it.
    Diagnosis d = FailureModes.forSymptoms("KS p-value 0.5 for income").diagnose();
    assertThat(only(d).matches()).isEmpty();
    assertThat(d.candidates()).extracting(Candidate::id).doesNotContain("over-engineered-features");
  }

  @Test
  void observation_isEvidenceWithItsNumbers() {
    Diagnosis d = FailureModes.forObservations(Observation.of("psi", 0.31).feature("age")).diagnose();

    Candidate top = d.top().orElseThrow();
    assertThat(top.id()).isEqualTo("data-drift");
    assertThat(top.evidence().get(0).kind()).isEqualTo(EvidenceKind.MEASURED);
    assertThat(top.evidence().get(0).detail()).isEqualTo("psi 0.31 > 0.25 on age");
    assertThat(top.evidence().get(0).describe()).contains("measures feature-distribution-shift: psi 0.31 > 0.25 on age");
  }

  @Test
  void observation_aliasOfAMetric_isReadAsTheMetric() {
    Diagnosis d = FailureModes.forObservations(Observation.of("Population Stability Index", 0.4)).diagnose();
    assertThat(only(d).measurements()).containsExactly("psi 0.4 > 0.25");
  }

  @Test
  void observationsWithText_combineInOneQuery() {
    Diagnosis d = FailureModes.forSymptoms("accuracy dropped after release")
        .observe(Observation.of("serving-mismatch-rate", 0.08).feature("days_since_signup"))
        .diagnose();

    assertThat(d.top()).map(Candidate::id).hasValue("training-serving-skew");
    assertThat(d.inputs()).containsExactly("accuracy dropped after release",
        "serving-mismatch-rate = 0.08 on days_since_signup");
    assertThat(d.resolutions()).hasSize(2);
  }

  @Test
  void healthyValueOnOneFeature_doesNotCancelDriftOnAnother() {
    Diagnosis d = FailureModes.forObservations(Observation.of("psi", 0.41).feature("age"),
        Observation.of("ks-p-value", 0.5).feature("income")).diagnose();

    Candidate top = d.top().orElseThrow();
    assertThat(top.id()).isEqualTo("data-drift");
    assertThat(top.evidence()).noneMatch(e -> e.against());
    assertThat(d.resolutions().get(1).measurements())
        .containsExactly("ks-p-value 0.5 on income, healthy (a symptom when < 0.05)");
  }

  @Test
  void healthyValueOnTheSameFeature_countsAgainst_asTheTestsDisagree() {
    Diagnosis agree = FailureModes.forObservations(Observation.of("psi", 0.41).feature("age")).diagnose();
    Diagnosis disagree = FailureModes.forObservations(Observation.of("psi", 0.41).feature("age"),
        Observation.of("ks-p-value", 0.5).feature("age")).diagnose();

    double before = agree.candidates().stream().filter(c -> c.id().equals("data-drift")).findFirst().orElseThrow()
        .score();
    Candidate after = disagree.candidates().stream().filter(c -> c.id().equals("data-drift")).findFirst()
        .orElseThrow();
    assertThat(after.score()).isLessThan(before);
    assertThat(after.evidence()).anyMatch(e -> e.against()
        && e.detail().equals("ks-p-value 0.5 on age, healthy (a symptom when < 0.05)"));
  }

  @Test
  void healthyValue_countsAgainstWhatTextSuggests() {
    double without = FailureModes.forSymptoms("input drift suspected").diagnose().candidates().stream()
        .filter(c -> c.id().equals("data-drift")).findFirst().orElseThrow().score();
    Diagnosis with = FailureModes.forSymptoms("input drift suspected")
        .observe(Observation.of("psi", 0.03).feature("age")).diagnose();

    assertThat(with.candidates().stream().filter(c -> c.id().equals("data-drift")).mapToDouble(Candidate::score)
        .max().orElse(0)).isLessThan(without);
  }

  @Test
  void trainingAndHeldOutScores_giveTheirGap() {
    Diagnosis d = FailureModes.forObservations(Observation.of("train-score", 0.99),
        Observation.of("validation-score", 0.71)).diagnose();

    assertThat(d.top()).map(Candidate::id).hasValue("overfitting");
    assertThat(d.resolutions()).last().satisfies(r -> {
      assertThat(r.input()).isEqualTo("derived from 2 observations");
      assertThat(r.measurements()).contains("train-test-gap 0.28 > 0.1");
    });
  }

  @Test
  void valueWithAReference_givesItsChange() {
    Diagnosis d = FailureModes.forObservations(Observation.of("missing-rate", 0.12).feature("income")
        .reference(0.02)).diagnose();

    assertThat(d.resolutions()).flatExtracting(Resolution::measurements).contains(
        "missing-rate 0.12 on income, healthy (a symptom when > 0.2)", "missing-rate-change 0.1 > 0.05 on income");
    assertThat(d.top()).map(Candidate::id).hasValue("upstream-data-change");
  }

  @Test
  void threshold_perQuery_replacesTheCatalogs() {
    Observation psi = Observation.of("psi", 0.22);
    assertThat(FailureModes.forObservations(psi).diagnose().candidates()).isEmpty();

    Diagnosis d = FailureModes.forObservations(psi).threshold("psi", 0.2).diagnose();
    assertThat(d.top()).map(Candidate::id).hasValue("data-drift");
    assertThat(only(d).measurements()).containsExactly("psi 0.22 > 0.2");
    // The text form and an alias of the metric take the query's threshold too.
    assertThat(only(FailureModes.forSymptoms("population stability index 0.22").threshold("PSI", 0.2).diagnose())
        .measurements()).containsExactly("psi 0.22 > 0.2");
  }

  @Test
  void threshold_perObservation_isTheTools() {
    Diagnosis d = FailureModes.forObservations(Observation.of("psi", 0.22).threshold(0.1)).diagnose();
    assertThat(only(d).measurements()).containsExactly("psi 0.22 > 0.1");
  }

  // Bad input

  @ParameterizedTest
  @CsvSource({"NaN", "Infinity", "-Infinity"})
  void observation_nonFiniteValue_isRejectedWithTheMetric(double value) {
    assertThatThrownBy(() -> Observation.of("psi", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value of psi must be a finite number, was " + value
            + "; drop the observation or pass the value that was measured");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      psi        | -0.1 | psi must be at least 0 (Population stability index), was -0.1
      ks-p-value | 1.5  | ks-p-value must be [0, 1] (Kolmogorov-Smirnov p-value), was 1.5
      kappa      | 1.2  | cohens-kappa must be [-1, 1] (Cohen's kappa), was 1.2
      ece        | -0.01 | ece must be [0, 1] (Expected calibration error), was -0.01
      """)
  void observation_valueOutOfRange_isRejectedWithTheMetricAndItsRange(String metric, double value, String start) {
    assertThatThrownBy(() -> FailureModes.forObservations(Observation.of(metric, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(start)
        .hasMessageEndingWith("; pass the value as measured, or check that the metric is the one meant");
  }

  @Test
  void observation_referenceOutOfRange_isRejected() {
    assertThatThrownBy(() -> FailureModes.forObservations(Observation.of("missing-rate", 0.2).reference(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the reference of missing-rate must be [0, 1], was 2.0");
  }

  @Test
  void observation_unknownMetric_isUnrecognisedWithSuggestions() {
    Diagnosis d = FailureModes.forObservations(Observation.of("psy", 0.4)).diagnose();

    assertThat(d.candidates()).isEmpty();
    assertThat(d.unrecognized()).singleElement().satisfies(u -> {
      assertThat(u.input()).isEqualTo("psy = 0.4");
      assertThat(u.suggestions()).contains("psi");
    });
  }

  @Test
  void threshold_unknownMetric_throwsWithSuggestions() {
    assertThatThrownBy(() -> FailureModes.forSymptoms("drift").threshold("psy", 0.2))
        .isInstanceOf(UnknownIdException.class)
        .hasMessageContaining("psy")
        .hasMessageContaining("psi");
  }

  @Test
  void threshold_notFinite_isRejected() {
    assertThatThrownBy(() -> FailureModes.forSymptoms("drift").threshold("psi", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold for psi must be a finite number, was NaN");
  }

  @Test
  void observation_blankMetricOrNoObservation_isRejected() {
    assertThatThrownBy(() -> Observation.of(" ", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric must not be blank; name a catalog metric such as 'psi'");
    assertThatThrownBy(() -> FailureModes.forObservations(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No observations given: pass at least one, such as Observation.of(\"psi\", 0.31).");
  }

  @Test
  void badObservation_leavesTheQueryAsItWas() {
    var query = FailureModes.forObservations(Observation.of("psi", 0.4));
    assertThatThrownBy(() -> query.observe(Observation.of("ece", 3))).isInstanceOf(IllegalArgumentException.class);
    assertThat(query.observations()).containsExactly(Observation.of("psi", 0.4));
  }

  @Test
  void symptomAToolReports_isNotCancelledByHealthyValuesOnOtherFeatures() {
    // A failed mean check (a shift, reported without a drift value) beside two passed KL-divergence checks.
    String gx = """
        {"success": false, "results": [
          {"success": false, "expectation_config": {"expectation_type": "expect_column_mean_to_be_between",
            "kwargs": {"column": "fare", "min_value": 10, "max_value": 14}}, "result": {"observed_value": 15.1}},
          {"success": true, "expectation_config": {"expectation_type": "expect_column_kl_divergence_to_be_less_than",
            "kwargs": {"column": "distance", "threshold": 0.1}}, "result": {"observed_value": 0.02}},
          {"success": true, "expectation_config": {"expectation_type": "expect_column_kl_divergence_to_be_less_than",
            "kwargs": {"column": "hour", "threshold": 0.1}}, "result": {"observed_value": 0.03}}],
         "statistics": {"evaluated_expectations": 3, "successful_expectations": 2}}
        """;
    dev.failuremodes.alerts.Report report = dev.failuremodes.alerts.Report.parse(gx, "gx.json");
    assertThat(report.findings()).extracting(f -> f.kind().name())
        .containsExactly("SYMPTOM", "MEASURED", "MEASURED");

    Diagnosis d = FailureModes.forReports(report).diagnose();

    Candidate drift = d.candidates().stream().filter(c -> c.id().equals("data-drift")).findFirst().orElseThrow();
    assertThat(drift.rank()).isEqualTo(1);
    assertThat(drift.evidence()).noneMatch(e -> e.against());
    assertThat(d.resolutions()).flatExtracting(Resolution::measurements)
        .contains("drift-distance 0.02 on distance, healthy (a symptom when > 0.1) [Great Expectations "
            + "expect_column_kl_divergence_to_be_less_than]");
  }
}
