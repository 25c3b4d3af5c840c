package dev.failuremodes.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sets of raw metric values, as platform code holds them, with the failure modes of which at least one must rank in
 * the top three. Written from what the numbers mean before the engine was run on them.
 */
class ObservationDiagnosisTest {
  /**
   * Reads {@code metric=value[@feature][~reference]} separated by {@code ;}, such as {@code psi=0.4@age;
   * missing-rate=0.35@income~0.02}.
   */
  static List<Observation> parse(String spec) {
    List<Observation> out = new ArrayList<>();
    for (String part : spec.split(";")) {
      String s = part.strip();
      String reference = null;
      String feature = null;
      int tilde = s.indexOf('~');
      if (tilde >= 0) {
        reference = s.substring(tilde + 1);
        s = s.substring(0, tilde);
      }
      int at = s.indexOf('@');
      if (at >= 0) {
        feature = s.substring(at + 1);
        s = s.substring(0, at);
      }
      String[] mv = s.split("=");
      Observation o = Observation.of(mv[0], Double.parseDouble(mv[1]));
      if (feature != null) {
        o = o.feature(feature);
      }
      if (reference != null) {
        o = o.reference(Double.parseDouble(reference));
      }
      out.add(o);
    }
    return out;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      train-score=0.99; validation-score=0.71                  | overfitting
      validation-score=0.998                                   | data-leakage feature-leakage
      psi=0.41@age; ks-p-value=0.001@income                    | data-drift
      psi=0.41@age; ks-p-value=0.5@income                      | data-drift
      missing-rate=0.35@income~0.02                            | missing-data upstream-data-change
      ece=0.12                                                 | miscalibration
      disparity-ratio=0.65@gender                              | unfair-outcomes
      cohens-kappa=0.42                                        | label-noise
      serving-mismatch-rate=0.08@days_since_signup             | training-serving-skew
      loss-nan=1; gradient-norm=50000                          | exploding-gradients
      loss-not-decreasing=1; dead-unit-fraction=0.7            | dying-relu
      score-spread=0.04                                        | training-instability underspecification
      latency-ms=350                                           | ignored-constraints
      validation-score=0.9; online-score=0.78                  | training-serving-skew distribution-shift data-leakage
      class-prevalence=0.2~0.05                                | label-shift
      feature-importance-share=0.8@account_closed_date         | feature-leakage
      freshness-lag-hours=72@merchant_table                    | upstream-data-change
      slice-gap=0.2@night_images                               | hidden-stratification
      minority-recall=0.1; score=0.97                          | ignored-class-imbalance
      new-category-rate=0.05@country                           | upstream-data-change
      vif=25@income                                            | redundant-features
      test-positives=30                                        | small-test-set
      drifted-columns-share=0.6                                | data-drift
      js-distance=0.3@merchant_category; chi2-p-value=0.0001@country | data-drift
      fleiss-kappa=0.35                                        | label-noise
      """)
  void diagnose_observations_rankAnExpectedCauseInTheTopThree(String spec, String expected) {
    Diagnosis d = FailureModes.forObservations(parse(spec)).diagnose();

    List<String> top3 = d.candidates().stream().limit(3).map(Candidate::id).toList();
    assertThat(top3).as("top three for %s:%n%s", spec, d).containsAnyElementsOf(Arrays.asList(expected.split(" ")));
  }

  @org.junit.jupiter.api.Test
  void severalScoresOfOneSplit_countAsTheirMean_whateverTheirOrder() {
    Diagnosis highFirst = FailureModes.forObservations(Observation.of("train-score", 0.99),
        Observation.of("train-score", 0.75), Observation.of("validation-score", 0.7)).diagnose();
    Diagnosis lowFirst = FailureModes.forObservations(Observation.of("train-score", 0.75),
        Observation.of("train-score", 0.99), Observation.of("validation-score", 0.7)).diagnose();

    assertThat(lowFirst.candidates()).isEqualTo(highFirst.candidates());
    assertThat(highFirst.resolutions().get(3).toString()).contains("train-test-gap 0.17");
  }

  @org.junit.jupiter.api.Test
  void anInputGivenTwice_countsOnce() {
    Diagnosis once = FailureModes.forSymptoms("offline-gain-no-business-impact").observe(Observation.of("psi", 0.31))
        .diagnose();
    Diagnosis twice = FailureModes.forSymptoms("offline-gain-no-business-impact", "offline-gain-no-business-impact")
        .observe(Observation.of("psi", 0.31), Observation.of("psi", 0.31)).diagnose();

    assertThat(twice.candidates()).isEqualTo(once.candidates());
    assertThat(twice.resolutions()).hasSize(4);
  }

  @Test
  void severalValuesOfOneMetric_countAsTheirMean_inTheGapsTheyImply() {
    Diagnosis train = FailureModes.forObservations(Observation.of("train-score", 0.9),
        Observation.of("train-score", 1.0), Observation.of("train-score", 0.95),
        Observation.of("validation-score", 0.7), Observation.of("validation-score", 0.8)).diagnose();
    assertThat(train.resolutions().get(5).measurements()).containsExactly("train-test-gap 0.2 > 0.1");
    Diagnosis online = FailureModes.forObservations(Observation.of("validation-score", 0.9),
        Observation.of("validation-score", 0.8), Observation.of("online-score", 0.6), Observation.of("online-score",
        0.5)).diagnose();
    assertThat(online.resolutions().get(4).measurements()).containsExactly("offline-online-gap 0.3 > 0.05");
  }

  @Test
  void aKnownMetricWithNoThresholdOfItsOwn_isReadAndSaidSo() {
    Diagnosis d = FailureModes.forObservations(Observation.of("train-score", 0.99)).diagnose();
    assertThat(d.resolutions().get(0).measurements()).containsExactly("train-score 0.99, no threshold of its own");
    assertThat(d.candidates()).isEmpty();
    // Alone, neither a training nor a held-out score implies a gap.
    assertThat(d.resolutions()).hasSize(1);
    assertThat(FailureModes.forObservations(Observation.of("validation-score", 0.9)).diagnose().resolutions())
        .hasSize(1);
  }

  @Test
  void aPrevalenceBelowItsReference_isAChangeAsLargeAsOneAbove() {
    Diagnosis d = FailureModes.forObservations(Observation.of("class-prevalence", 0.05).reference(0.2)).diagnose();
    assertThat(d.resolutions().get(0).measurements()).contains("class-prevalence-change 0.15 > 0.05");
  }
}
