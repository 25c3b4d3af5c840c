package dev.failuremodes.statistics;

import dev.failuremodes.signals.Observation;
import java.util.Locale;

/**
 * The Wasserstein-1 (earth mover's) distance between two samples: the area between their empirical distribution
 * functions, in the unit of the values.
 *
 * @param value the distance, 0 or more
 * @param referenceStd the reference sample's standard deviation (population, ddof 0), the unit of {@link #normed()}
 * @param referenceSize the number of reference values
 * @param productionSize the number of production values
 */
public record Wasserstein(double value, double referenceStd, int referenceSize, int productionSize) {
  /**
   * Returns the distance in units of the reference standard deviation, as drift monitors such as Evidently report
   * it, so that one threshold fits features of any scale; 0 when both samples are the same constant, and infinite
   * when only the reference is constant.
   */
  public double normed() {
    if (referenceStd == 0) {
      return value == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return value / referenceStd;
  }

  /**
   * Returns the distance as an observation of the catalog's {@code wasserstein-distance} (the normed distance), for
   * a diagnosis.
   *
   * @throws IllegalArgumentException if the reference sample is constant and the production one is not: the normed
   *     distance is then infinite, and no threshold can read it
   */
  public Observation toObservation() {
    return Observation.of("wasserstein-distance", normed()).samples(productionSize).referenceSamples(referenceSize)
        .source("Wasserstein-1, normed by the reference standard deviation");
  }
  /** Returns, for example, {@code Wasserstein 0.2150 (reference n=1000, production n=800)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "Wasserstein %.4g (reference n=%d, production n=%d)", value, referenceSize, productionSize);
  }
}
