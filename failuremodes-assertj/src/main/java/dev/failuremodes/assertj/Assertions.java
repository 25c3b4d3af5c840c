package dev.failuremodes.assertj;

import dev.failuremodes.Diagnosis;

/**
 * The entry point to the failuremodes assertions. Static-import its methods next to AssertJ's own: {@code
 * assertThat(Diagnosis)} is more specific than any of AssertJ's overloads, so that no call becomes ambiguous.
 *
 * <pre>{@code
 * import static dev.failuremodes.assertj.Assertions.assertThat;
 * import static org.assertj.core.api.Assertions.assertThat;
 *
 * assertThat(FailureModes.forSymptoms("large train-test gap").diagnose()).hasTopCandidate("overfitting");
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
}
