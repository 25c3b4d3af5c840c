package dev.failuremodes.statistics;

import dev.failuremodes.signals.Observation;
import java.util.Locale;
import java.util.Objects;

/**
 * A two-sample, two-sided Kolmogorov–Smirnov test: the largest distance between the two empirical distribution
 * functions, and the probability of a distance at least that large if both samples came from one continuous
 * distribution.
 *
 * @param statistic the statistic D, in [0, 1]
 * @param pValue the p-value P(D ≥ statistic), in [0, 1]
 * @param method how the p-value was computed
 * @param referenceSize the number of reference values
 * @param productionSize the number of production values
 */
public record KolmogorovSmirnov(
    double statistic, double pValue, Method method, int referenceSize, int productionSize) {
  /**
   * Returns the test's p-value as an observation of the catalog's {@code ks-p-value}, with the sample sizes, for a
   * diagnosis; {@link #statisticObservation()} gives the statistic D.
   */
  public Observation toObservation() {
    return Observation.of("ks-p-value", pValue).samples(productionSize).referenceSamples(referenceSize)
        .source("two-sample Kolmogorov-Smirnov, " + method.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** Returns the statistic D as an observation of the catalog's {@code ks-statistic}. */
  public Observation statisticObservation() {
    return Observation.of("ks-statistic", statistic).samples(productionSize).referenceSamples(referenceSize)
        .source("two-sample Kolmogorov-Smirnov");
  }

  /** The largest sample size for which {@link Method#EXACT} is available, as in SciPy's {@code ks_2samp}. */
  public static final int MAX_EXACT_SIZE = 10_000;

  /** How the p-value is computed. */
  public enum Method {
    /**
     * The exact distribution of D under the null hypothesis (SciPy's {@code method='exact'}); available while both
     * samples have at most {@value KolmogorovSmirnov#MAX_EXACT_SIZE} values. Ties are not accounted for, so with
     * ties the p-value is conservative.
     */
    EXACT,
    /**
     * Smirnov's asymptotic formula: the one-sample Kolmogorov–Smirnov distribution for the effective size
     * {@code round(n·m / (n + m))} (SciPy's {@code method='asymp'}).
     */
    ASYMPTOTIC;

    /** Returns the lowercase name, as shown in {@link KolmogorovSmirnov#toString()}. */
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Checks that no component is null. */
  public KolmogorovSmirnov {
    Objects.requireNonNull(method, "method");
  }

  /** Returns, for example, {@code KS D=0.1250 p=0.0311 (exact; reference n=400, production n=300)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "KS D=%.4f p=%.4g (%s; reference n=%d, production n=%d)",
        statistic, pValue, method, referenceSize, productionSize);
  }
}
