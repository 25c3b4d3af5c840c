package dev.failuremodes.statistics;

import dev.failuremodes.signals.Observation;
import java.util.Locale;

/**
 * The Jensen–Shannon distance between the histograms of two samples over shared bins: the square root of the
 * Jensen–Shannon divergence, so a metric, 0 for equal histograms and at most {@code sqrt(log_base 2)} (1 in base 2,
 * about 0.833 in natural log).
 *
 * @param value the distance
 * @param base the base of the logarithm ({@link Math#E} for natural log)
 * @param bins the number of equal-width bins
 * @param low the lower end of the bins: the smallest value of both samples
 * @param high the upper end of the bins: the largest value of both samples
 * @param referenceSize the number of reference values
 * @param productionSize the number of production values
 */
public record JensenShannon(
    double value, double base, int bins, double low, double high, int referenceSize, int productionSize) {
  /** Returns the distance as an observation of the catalog's {@code js-distance}, for a diagnosis. */
  public Observation toObservation() {
    return Observation.of("js-distance", value).samples(productionSize).referenceSamples(referenceSize)
        .source("Jensen-Shannon distance over " + bins + " bins");
  }

  /** Returns, for example, {@code Jensen-Shannon 0.0832 (base e, 10 bins over [-3.1, 4.2]; reference n=...)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "Jensen-Shannon %.4g (base %s, %d bins over [%.4g, %.4g]; reference n=%d, production n=%d)",
        value, base == Math.E ? "e" : String.valueOf(base), bins, low, high, referenceSize, productionSize);
  }
}
