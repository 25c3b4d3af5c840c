package dev.failuremodes.statistics;

import dev.failuremodes.signals.Observation;
import java.util.Locale;

/**
 * A chi-square test of homogeneity on a 2×k table of category counts, reference in one row and production in the
 * other, without continuity correction.
 *
 * @param statistic the chi-square statistic, 0 or more
 * @param degreesOfFreedom {@code categories − 1}
 * @param pValue the probability of a statistic at least this large if both rows came from one distribution
 * @param categories the number of categories counted on at least one side; a category with no count on either side
 *     carries no information and is left out
 * @param referenceSize the sum of the reference counts
 * @param productionSize the sum of the production counts
 */
public record ChiSquare(
    double statistic, int degreesOfFreedom, double pValue, int categories, long referenceSize, long productionSize) {
  /** Returns the test's p-value as an observation of the catalog's {@code chi2-p-value}, for a diagnosis. */
  public Observation toObservation() {
    return Observation.of("chi2-p-value", pValue).samples(productionSize).referenceSamples(referenceSize)
        .source("chi-square test over " + categories + " categories");
  }

  /** Returns, for example, {@code Chi-square 12.50 df=3 p=0.00585 (4 categories; reference n=500, ...)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Chi-square %.4g df=%d p=%.4g (%d categories; reference n=%d, production n=%d)",
        statistic, degreesOfFreedom, pValue, categories, referenceSize, productionSize);
  }
}
