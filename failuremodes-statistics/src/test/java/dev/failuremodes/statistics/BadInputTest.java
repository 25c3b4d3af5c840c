package dev.failuremodes.statistics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule on the inputs, with its message in full: messages are API. */
class BadInputTest {
  private static final double[] SAMPLE = {1.0, 2.0, 3.0};
  private static final double[] PROBABILITIES = {0.2, 0.7, 0.9};
  private static final int[] OUTCOMES = {0, 1, 1};
  private static final long[] COUNTS = {5, 7};
  private static final String FINITE = "every value must be finite (drop or impute NaN and infinite values first)";
  private static final String SAME_CATEGORIES =
      "pass counts for the same categories in the same order, with 0 where a category was not seen";

  static Stream<Arguments> badInputs() {
    return Stream.of(
        // Null arrays name the parameter.
        npe("psi, null reference", () -> SampleStatistics.psi(null, SAMPLE), "PSI: reference is null"),
        npe("psi, null production", () -> SampleStatistics.psi(SAMPLE, null), "PSI: production is null"),
        npe("psiOfCounts, null production", () -> SampleStatistics.psiOfCounts(COUNTS, null),
            "PSI: production is null"),
        npe("kolmogorovSmirnov, null reference", () -> SampleStatistics.kolmogorovSmirnov(null, SAMPLE),
            "Kolmogorov-Smirnov: reference is null"),
        npe("kolmogorovSmirnov, null method", () -> SampleStatistics.kolmogorovSmirnov(SAMPLE, SAMPLE, null),
            "Kolmogorov-Smirnov: method is null"),
        npe("jensenShannon, null production", () -> SampleStatistics.jensenShannon(SAMPLE, null),
            "Jensen-Shannon: production is null"),
        npe("wasserstein, null reference", () -> SampleStatistics.wasserstein(null, SAMPLE),
            "Wasserstein: reference is null"),
        npe("chiSquare, null reference", () -> SampleStatistics.chiSquare(null, COUNTS),
            "Chi-square: reference is null"),
        npe("expectedCalibrationError, null probabilities",
            () -> SampleStatistics.expectedCalibrationError(null, OUTCOMES), "ECE: probabilities is null"),
        npe("expectedCalibrationError, null outcomes",
            () -> SampleStatistics.expectedCalibrationError(PROBABILITIES, null), "ECE: outcomes is null"),

        // Empty and one-value samples say how many values are needed.
        iae("psi, empty reference", () -> SampleStatistics.psi(new double[0], SAMPLE),
            "PSI: reference has 0 values; at least 2 are needed (pass a larger sample)"),
        iae("kolmogorovSmirnov, one production value", () -> SampleStatistics.kolmogorovSmirnov(SAMPLE, new double[1]),
            "Kolmogorov-Smirnov: production has 1 value; at least 2 are needed (pass a larger sample)"),
        iae("jensenShannon, one reference value", () -> SampleStatistics.jensenShannon(new double[] {4}, SAMPLE),
            "Jensen-Shannon: reference has 1 value; at least 2 are needed (pass a larger sample)"),
        iae("wasserstein, empty production", () -> SampleStatistics.wasserstein(SAMPLE, new double[0]),
            "Wasserstein: production has 0 values; at least 2 are needed (pass a larger sample)"),
        iae("expectedCalibrationError, one prediction",
            () -> SampleStatistics.expectedCalibrationError(new double[] {0.5}, new int[] {1}),
            "ECE: probabilities has 1 value; at least 2 are needed (pass a larger sample)"),

        // NaN and infinite values: the statistic, the index of the first bad value, the rule.
        iae("psi, NaN in production", () -> SampleStatistics.psi(SAMPLE, new double[] {1, 2, Double.NaN, 1 / 0.0}),
            "PSI: production[2] is NaN; " + FINITE),
        iae("kolmogorovSmirnov, -Infinity in reference",
            () -> SampleStatistics.kolmogorovSmirnov(new double[] {Double.NEGATIVE_INFINITY, 1}, SAMPLE),
            "Kolmogorov-Smirnov: reference[0] is -Infinity; " + FINITE),
        iae("jensenShannon, Infinity in production",
            () -> SampleStatistics.jensenShannon(SAMPLE, new double[] {1, Double.POSITIVE_INFINITY}),
            "Jensen-Shannon: production[1] is Infinity; " + FINITE),
        iae("wasserstein, NaN in reference", () -> SampleStatistics.wasserstein(new double[] {0, 1, 2, Double.NaN},
            SAMPLE), "Wasserstein: reference[3] is NaN; " + FINITE),
        iae("expectedCalibrationError, NaN probability",
            () -> SampleStatistics.expectedCalibrationError(new double[] {0.1, Double.NaN, 0.5}, OUTCOMES),
            "ECE: probabilities[1] is NaN; " + FINITE),

        // Bins and bases.
        iae("psi, one bin", () -> SampleStatistics.psi(SAMPLE, SAMPLE, 1),
            "PSI: bins is 1; it must be between 2 and 10000 (10 is the usual choice)"),
        iae("jensenShannon, too many bins", () -> SampleStatistics.jensenShannon(SAMPLE, SAMPLE, 10_001, 2),
            "Jensen-Shannon: bins is 10001; it must be between 2 and 10000 (10 is the usual choice)"),
        iae("expectedCalibrationError, no bins",
            () -> SampleStatistics.expectedCalibrationError(PROBABILITIES, OUTCOMES, 0),
            "ECE: bins is 0; it must be between 1 and 10000 (10 is the usual choice)"),
        iae("jensenShannon, base 1", () -> SampleStatistics.jensenShannon(SAMPLE, SAMPLE, 10, 1),
            "Jensen-Shannon: base is 1.0; the base of the logarithm must be positive, finite and not 1 (use Math.E"
                + " for natural log or 2 for bits)"),
        iae("jensenShannon, base 0", () -> SampleStatistics.jensenShannon(SAMPLE, SAMPLE, 10, 0),
            "Jensen-Shannon: base is 0.0; the base of the logarithm must be positive, finite and not 1 (use Math.E"
                + " for natural log or 2 for bits)"),
        iae("jensenShannon, base NaN", () -> SampleStatistics.jensenShannon(SAMPLE, SAMPLE, 10, Double.NaN),
            "Jensen-Shannon: base is NaN; the base of the logarithm must be positive, finite and not 1 (use Math.E"
                + " for natural log or 2 for bits)"),
        iae("jensenShannon, base Infinity",
            () -> SampleStatistics.jensenShannon(SAMPLE, SAMPLE, 10, Double.POSITIVE_INFINITY),
            "Jensen-Shannon: base is Infinity; the base of the logarithm must be positive, finite and not 1 (use"
                + " Math.E for natural log or 2 for bits)"),

        // The exact Kolmogorov-Smirnov p-value is limited in size.
        iae("kolmogorovSmirnov, exact on a large sample",
            () -> SampleStatistics.kolmogorovSmirnov(SAMPLE, new double[10_001], KolmogorovSmirnov.Method.EXACT),
            "Kolmogorov-Smirnov: the exact p-value needs samples of at most 10000 values, but production has 10001;"
                + " use Method.ASYMPTOTIC, or the method without one, which chooses by size"),

        // Probabilities and outcomes.
        iae("expectedCalibrationError, probability above 1",
            () -> SampleStatistics.expectedCalibrationError(new double[] {0.2, 1.5, 0.1}, OUTCOMES),
            "ECE: probabilities[1] is 1.5; a probability must be in [0, 1] (pass predicted probabilities, not scores"
                + " or logits)"),
        iae("expectedCalibrationError, negative probability",
            () -> SampleStatistics.expectedCalibrationError(new double[] {-0.25, 0.5, 0.1}, OUTCOMES),
            "ECE: probabilities[0] is -0.25; a probability must be in [0, 1] (pass predicted probabilities, not"
                + " scores or logits)"),
        iae("expectedCalibrationError, outcome 2",
            () -> SampleStatistics.expectedCalibrationError(PROBABILITIES, new int[] {0, 1, 2}),
            "ECE: outcomes[2] is 2; an outcome must be 0 or 1 (encode the positive class as 1)"),
        iae("expectedCalibrationError, outcome -1",
            () -> SampleStatistics.expectedCalibrationError(PROBABILITIES, new int[] {-1, 1, 0}),
            "ECE: outcomes[0] is -1; an outcome must be 0 or 1 (encode the positive class as 1)"),
        iae("expectedCalibrationError, lengths differ",
            () -> SampleStatistics.expectedCalibrationError(PROBABILITIES, new int[] {0, 1}),
            "ECE: probabilities has 3 values but outcomes has 2; pass one outcome per prediction, in the same order"),

        // Counts.
        iae("chiSquare, lengths differ", () -> SampleStatistics.chiSquare(new long[] {1, 2, 3}, COUNTS),
            "Chi-square: reference has 3 categories but production has 2; " + SAME_CATEGORIES),
        iae("psiOfCounts, lengths differ", () -> SampleStatistics.psiOfCounts(COUNTS, new long[] {1, 2, 3}),
            "PSI: reference has 2 categories but production has 3; " + SAME_CATEGORIES),
        iae("psiOfCounts, one category", () -> SampleStatistics.psiOfCounts(new long[] {4}, new long[] {5}),
            "PSI: 1 category given; at least 2 are needed (pass one count per category)"),
        iae("chiSquare, no category", () -> SampleStatistics.chiSquare(new long[0], new long[0]),
            "Chi-square: 0 categories given; at least 2 are needed (pass one count per category)"),
        iae("chiSquare, negative count", () -> SampleStatistics.chiSquare(COUNTS, new long[] {3, -4}),
            "Chi-square: production[1] is -4; a count must not be negative"),
        iae("psiOfCounts, negative count", () -> SampleStatistics.psiOfCounts(new long[] {-1, 2}, COUNTS),
            "PSI: reference[0] is -1; a count must not be negative"),
        iae("chiSquare, all-zero side", () -> SampleStatistics.chiSquare(new long[] {0, 0}, COUNTS),
            "Chi-square: reference counts add up to 0; each side needs at least one observation"),
        iae("psiOfCounts, overflowing total",
            () -> SampleStatistics.psiOfCounts(new long[] {Long.MAX_VALUE, 1}, COUNTS),
            "PSI: reference counts add up to more than 9223372036854775807; scale them down"),
        iae("chiSquare, a single category observed",
            () -> SampleStatistics.chiSquare(new long[] {5, 0, 0}, new long[] {3, 0, 0}),
            "Chi-square: only 1 category has a count on either side; a test needs at least 2 (with one category"
                + " there is nothing that can differ between the sides)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void statistic_badInput_isRejectedWithItsMessage(
      String description, ThrowingCallable call, Class<? extends RuntimeException> type, String message) {
    assertThatThrownBy(call).isExactlyInstanceOf(type).hasMessage(message);
  }

  private static Arguments npe(String description, ThrowingCallable call, String message) {
    return Arguments.of(description, call, NullPointerException.class, message);
  }

  private static Arguments iae(String description, ThrowingCallable call, String message) {
    return Arguments.of(description, call, IllegalArgumentException.class, message);
  }
}
