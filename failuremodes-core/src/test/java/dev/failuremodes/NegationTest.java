package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inputs that deny or rule out a failure mode, in the forms people use: the denied mode is never among the top three,
 * and the input lists it as ruled out. Where the input also reports something, that part is still diagnosed.
 */
class NegationTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      the model is not overfitting                                          | overfitting          |
      we ruled out overfitting                                               | overfitting          |
      overfitting was ruled out by the learning curves                       | overfitting          |
      overfitting was excluded                                               | overfitting          |
      no sign of data drift                                                  | data-drift           |
      there is no data drift                                                 | data-drift           |
      data drift is not the cause                                            | data-drift           |
      it isn't data leakage                                                  | data-leakage         |
      this is not data leakage, the split is clean                           | data-leakage         |
      we checked for data leakage and found none                             | data-leakage         |
      label noise is not the problem                                         | label-noise          |
      no label noise after the relabelling audit                             | label-noise          |
      we ruled out concept drift                                             | concept-drift        |
      not a class imbalance problem                                          | ignored-class-imbalance |
      feature leakage was excluded by the audit                              | feature-leakage      |
      no training-serving skew: serving features match the training rows    | training-serving-skew |
      the model is not underfitting                                          | underfitting         |
      no exploding gradients, the gradient norm is stable                    | exploding-gradients  |
      there is no feedback loop because we log exploration traffic          | feedback-loop        |
      we have monitoring on every model, so it is not no monitoring          | no-monitoring        |
      it is not a distribution shift                                         | distribution-shift   |
      sampling bias is unlikely                                              | sampling-bias        |
      no spurious correlation was found                                      | spurious-correlation |
      test set contamination was ruled out: no duplicates across splits      | test-set-contamination |
      we do not suspect data poisoning                                       | data-poisoning       |
      never saw any model extraction attempts                                | model-extraction     |
      not overfitting, but accuracy dropped right after the release          | overfitting          | training-serving-skew upstream-data-change data-drift concept-drift distribution-shift
      no data drift, yet accuracy fell in production                         | data-drift           | concept-drift label-shift upstream-data-change training-serving-skew
      it isn't label noise; the train-test gap is large                      | label-noise          | overfitting data-leakage
      leakage was ruled out, but results vary a lot across seeds             | data-leakage         | training-instability
      no concept drift; the feature pipeline was changed upstream            | concept-drift        | upstream-data-change
      not miscalibration; p99 latency 400 ms                                 | miscalibration       | ignored-constraints
      """)
  void deniedMode_isNeverInTheTopThree(String input, String denied, String stillDiagnosed) {
    Diagnosis d = FailureModes.forSymptoms(input).diagnose();
    List<String> top3 = d.candidates().stream().limit(3).map(Candidate::id).toList();
    assertThat(top3).as("%s%n%s", input, d).doesNotContain(denied);
    if (stillDiagnosed != null) {
      assertThat(top3).as("%s%n%s", input, d).containsAnyElementsOf(List.of(stillDiagnosed.split(" ")));
    }
  }
}
