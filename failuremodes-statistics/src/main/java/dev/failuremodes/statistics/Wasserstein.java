package dev.failuremodes.statistics;

import java.util.Locale;

/**
 * The Wasserstein-1 (earth mover's) distance between two samples: the area between their empirical distribution
 * functions, in the unit of the values.
 *
 * @param value the distance, 0 or more
 * @param referenceSize the number of reference values
 * @param productionSize the number of production values
 */
public record Wasserstein(double value, int referenceSize, int productionSize) {
  /** Returns, for example, {@code Wasserstein 0.2150 (reference n=1000, production n=800)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "Wasserstein %.4g (reference n=%d, production n=%d)", value, referenceSize, productionSize);
  }
}
