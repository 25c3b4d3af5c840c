package dev.failuremodes.statistics;

import dev.failuremodes.signals.Observation;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A population stability index (PSI): how far the production distribution has moved from the reference one, summed
 * over bins as {@code Σ (p − r) · ln(p / r)}, where {@code r} and {@code p} are the reference and production
 * proportions of a bin.
 *
 * <p>A proportion of zero is replaced by {@link #EMPTY_BIN_PROPORTION} before the sum, on either side. A common
 * reading is: below 0.1 stable, 0.1 to 0.25 a moderate shift, above 0.25 a major shift.
 *
 * @param value the index, 0 or more; 0 when every bin holds the same proportion on both sides
 * @param bins the number of bins (or categories) summed over
 * @param edges the inner bin edges, ascending; bin {@code i} holds the values in {@code (edges[i-1], edges[i]]},
 *     the first bin starts at −∞ and the last ends at +∞. Empty when the index was computed from category counts
 * @param referenceSize the number of reference values (or the sum of the reference counts)
 * @param productionSize the number of production values (or the sum of the production counts)
 */
public record PopulationStabilityIndex(
    double value, int bins, List<Double> edges, long referenceSize, long productionSize) {
  /** Returns the index as an observation of the catalog's {@code psi}, with the sample sizes, for a diagnosis. */
  public Observation toObservation() {
    return Observation.of("psi", value).samples(productionSize).referenceSamples(referenceSize)
        .source("PSI over " + bins + " reference-quantile bins");
  }

  /**
   * The proportion, 0.0001, that stands in for an empty bin so that the logarithm stays finite. It is the value
   * used by common drift tools (Evidently among them) and small enough that a bin holding a few percent on the
   * other side still adds a large term, so that mass moving into a range the reference never saw shows up
   * clearly.
   */
  public static final double EMPTY_BIN_PROPORTION = 1e-4;

  /** Copies the edges and checks that no component is null. */
  public PopulationStabilityIndex {
    edges = List.copyOf(Objects.requireNonNull(edges, "edges"));
  }

  /** Returns, for example, {@code PSI 0.0312 over 10 bins (reference n=1000, production n=800)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "PSI %.4g over %d %s (reference n=%d, production n=%d)",
        value, bins, edges.isEmpty() ? "categories" : "bins", referenceSize, productionSize);
  }
}
