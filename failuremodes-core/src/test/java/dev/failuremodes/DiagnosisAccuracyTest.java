package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Practitioner phrasings → the failure modes that must appear in the top three, and catalog self-consistency. */
class DiagnosisAccuracyTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
      strong offline metrics but no business impact | proxy-metric-mismatch misaligned-target
      Our A/B test showed no lift even though offline AUC improved | proxy-metric-mismatch
      engagement went up but retention went down | proxy-metric-mismatch
      the label is only a proxy for what we actually care about | misaligned-target
      model optimises the wrong objective | misaligned-target
      p99 latency 250 | ignored-constraints
      regulators asked us to explain each decision and we could not | ignored-constraints
      compliance review blocked the launch | ignored-constraints
      agent found a loophole and games the reward | reward-hacking
      validation AUC 0.999 | data-leakage feature-leakage
      too good to be true | data-leakage
      annotators disagree a lot on the labels | label-noise
      mislabelled examples everywhere | label-noise
      cohens kappa 0.41 | label-noise
      model works in the pilot region but fails on the new market | distribution-shift sampling-bias
      training data not representative of production | distribution-shift
      lots of NaNs in the income column | missing-data
      high missing rate in several columns | missing-data
      underrepresented groups in the training set | sampling-bias
      scaler fit before split | preprocessing-leakage
      feature selection was done on the full dataset before cross-validation | preprocessing-leakage
      feature computed after the event | feature-leakage
      lookahead bias in rolling aggregates | feature-leakage
      hundreds of hand-crafted features and only 2k rows | over-engineered-features
      pipeline jungle | over-engineered-features
      multicollinearity | redundant-features
      VIF 35 on two features | redundant-features
      coefficients flip sign between retrains | redundant-features
      model keys on the hospital watermark | spurious-correlation
      Clever Hans | spurious-correlation
      worst-group accuracy low | spurious-correlation
      model overfits | overfitting
      val loss going up while train loss goes down | overfitting poor-regularization
      large train–test gap | overfitting data-leakage
      train/test gap | overfitting data-leakage
      underfitting | underfitting
      training loss stays high | underfitting optimization-failure
      no early stopping | poor-regularization
      huge coefficients | poor-regularization
      default hyperparameters | inadequate-tuning
      no hyperparameter search was done | inadequate-tuning
      results vary across seeds | training-instability
      high variance across runs | training-instability
      loss is NaN after a few hundred steps | exploding-gradients optimization-failure
      exploding gradients | exploding-gradients
      vanishing gradients in early layers | vanishing-gradients
      dying ReLU | dying-relu
      loss oscillates wildly | optimization-failure
      loss plateau from the start | optimization-failure vanishing-gradients
      models with the same validation score behave differently | underspecification
      best AUC model loses money | wrong-metric
      false negatives cost more than false positives but we report accuracy | wrong-metric ignored-class-imbalance
      accuracy 99% but zero recall on the minority class | ignored-class-imbalance
      accuracy paradox | ignored-class-imbalance
      we tuned on the test set | test-set-contamination
      near-duplicates in test set | test-set-contamination
      works on random split, fails on future data | improper-split
      same patients in train and test | improper-split
      aggregate metric hides a failing subgroup | hidden-stratification
      slice performance gap | hidden-stratification
      no error bars on a tiny test set | small-test-set
      not statistically significant | small-test-set
      model is overconfident | miscalibration
      ECE 0.12 | miscalibration
      disparate impact ratio 0.7 | unfair-outcomes
      unequal false positive rates across groups | unfair-outcomes
      customers reported the problem before any alert | no-monitoring
      model degrades silently | no-monitoring
      nobody knows the production accuracy | no-monitoring
      PSI 0.31 on feature age | data-drift
      KS test failed for 5 features | data-drift
      marketing campaign brought new users | data-drift
      performance drop without input drift | concept-drift
      same inputs, different outcomes | concept-drift
      accuracy dropped after release | training-serving-skew distribution-shift
      online/offline feature mismatch | training-serving-skew
      training-serving skew | training-serving-skew
      column renamed upstream | upstream-data-change
      null spike in country field | upstream-data-change
      values off by a factor of 1000 | upstream-data-change
      stale features | upstream-data-change
      filter bubble | feedback-loop
      the model trains on its own decisions | feedback-loop
      fraudsters adapt to the model | adversarial-input
      evasion attack | adversarial-input
      data poisoning | data-poisoning
      model stealing via the API | model-extraction
      base rate changed | label-shift
      blurry images fail | input-corruption
      predictions become unstable | concept-drift data-drift training-serving-skew
      sudden production degradation | upstream-data-change data-leakage
      """)
  void phrasing_ranksExpectedModeInTopThree(String phrase, String expected) {
    Diagnosis d = FailureModes.forSymptoms(phrase).diagnose();
    List<String> top3 = d.candidates().stream().limit(3).map(Candidate::id).collect(Collectors.toList());
    assertThat(top3).as("%s%n%s", phrase, d).containsAnyElementsOf(List.of(expected.split(" ")));
  }

  @Test
  void everyFailureMode_ranksFirstForItsOwnMostIndicativeSymptoms() {
    Catalog catalog = FailureModes.catalog();
    for (FailureMode mode : catalog.failureModes()) {
      List<String> strongest = mode.indicators().stream()
          .sorted((a, b) -> Double.compare(b.weight(), a.weight()))
          .limit(3)
          .map(Indicator::symptom)
          .collect(Collectors.toList());
      Diagnosis d = FailureModes.forSymptoms(strongest).diagnose();
      assertThat(d.top()).as("%s from %s%n%s", mode.id(), strongest, d).get()
          .extracting(Candidate::id).isEqualTo(mode.id());
    }
  }

  @Test
  void everyFailureMode_ranksFirstWhenNamedByIdNameOrAlias() {
    for (FailureMode mode : FailureModes.catalog().failureModes()) {
      List<String> names = new java.util.ArrayList<>(List.of(mode.id(), mode.name()));
      names.addAll(mode.aliases());
      for (String name : names) {
        Diagnosis d = FailureModes.forSymptoms(name).diagnose();
        assertThat(d.top()).as("%s named as '%s'%n%s", mode.id(), name, d).get()
            .extracting(Candidate::id).isEqualTo(mode.id());
      }
    }
  }
}
