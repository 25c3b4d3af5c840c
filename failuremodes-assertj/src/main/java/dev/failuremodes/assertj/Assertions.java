package dev.failuremodes.assertj;

import dev.failuremodes.Diagnosis;
import dev.failuremodes.signals.Observation;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * The entry point to the failuremodes assertions. Static-import its methods next to AssertJ's own: {@code
 * assertThat(Diagnosis)} is more specific than any of AssertJ's overloads, and the assertions on values have names of
 * their own, so that no call becomes ambiguous.
 *
 * <pre>{@code
 * import static dev.failuremodes.assertj.Assertions.assertThat;
 * import static dev.failuremodes.assertj.Assertions.assertThatMetrics;
 * import static org.assertj.core.api.Assertions.assertThat;
 *
 * assertThat(FailureModes.forSymptoms("large train-test gap").diagnose()).hasTopCandidate("overfitting");
 * assertThatMetrics(Map.of("train-score", 0.91, "validation-score", 0.89)).showsNoKnownFailureSignature();
 * }</pre>
 */
public final class Assertions {
  private Assertions() {}

  /**
   * Returns assertions on a diagnosis.
   *
   * @param actual the diagnosis; null makes every assertion fail with AssertJ's "Expecting actual not to be null"
   */
  public static DiagnosisAssert assertThat(Diagnosis actual) {
    return new DiagnosisAssert(actual);
  }

  /**
   * Returns assertions on observations, diagnosed in the order given.
   *
   * @param actual the observations; a null array makes every assertion fail with "Expecting actual not to be null"
   */
  public static ObservationsAssert assertThatObservations(Observation... actual) {
    return new ObservationsAssert(actual == null ? null : Arrays.asList(actual));
  }

  /**
   * Returns assertions on observations, diagnosed in iteration order.
   *
   * @param actual the observations; null makes every assertion fail with "Expecting actual not to be null"
   */
  public static ObservationsAssert assertThatObservations(Collection<Observation> actual) {
    return new ObservationsAssert(actual);
  }

  /**
   * Returns assertions on a model run's metrics: metric id or alias to value, such as {@code "validation-score"} or
   * {@code "val accuracy"} to {@code 0.87}. See {@link MetricsAssert}.
   *
   * @param actual the values by metric name; null makes every assertion fail with "Expecting actual not to be null"
   */
  public static MetricsAssert assertThatMetrics(Map<String, ? extends Number> actual) {
    return new MetricsAssert(actual);
  }
}
