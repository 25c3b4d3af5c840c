package dev.failuremodes.alerts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each row is a plausible Deepchecks suite result and the failure modes an ML engineer would suspect, written before
 * the diagnosis was run; at least one of them must rank in the top three.
 */
class DeepchecksDiagnosisTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # report                           | any of these in the top three
      leaky-feature.json                 | feature-leakage data-leakage
      train-test-drift.json              | data-drift distribution-shift
      feature-drift-check.json           | data-drift distribution-shift
      contamination.json                 | test-set-contamination
      date-leakage.json                  | improper-split data-leakage
      label-noise.json                   | label-noise
      overfit.json                       | overfitting poor-regularization
      weak-segment.json                  | hidden-stratification
      underfit.json                      | underfitting inadequate-tuning
      label-drift.json                   | label-shift
      new-categories.json                | upstream-data-change
      missing-values.json                | missing-data
      slow-model.json                    | ignored-constraints
      redundant-features.json            | redundant-features
      legacy-names.json                  | data-drift
      data-integrity-suite.json          | label-noise feature-leakage
      train-test-validation-suite.json   | test-set-contamination data-drift
      model-evaluation-suite.json        | overfitting hidden-stratification
      """)
  void diagnose_suiteRanksAnExpectedCauseInTheTopThree(String report, String expected) {
    SageMakerDiagnosisTest.assertTopThree("deepchecks", report, expected);
  }
}
