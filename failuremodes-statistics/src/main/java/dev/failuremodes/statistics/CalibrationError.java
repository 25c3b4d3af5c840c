package dev.failuremodes.statistics;

import dev.failuremodes.signals.Observation;
import java.util.Locale;

/**
 * The expected calibration error (ECE) of predicted probabilities against 0/1 outcomes: over equal-width bins of
 * the probability, the average of |observed rate − mean predicted probability|, weighted by the share of predictions
 * in each bin.
 *
 * @param value the error, in [0, 1]; 0 when, in every bin, the mean prediction equals the observed rate
 * @param bins the number of equal-width bins on [0, 1]
 * @param size the number of predictions
 */
public record CalibrationError(double value, int bins, int size) {
  /** Returns the error as an observation of the catalog's {@code ece}, for a diagnosis. */
  public Observation toObservation() {
    return Observation.of("ece", value).samples(size).source("ECE over " + bins + " equal-width bins");
  }

  /** Returns, for example, {@code ECE 0.0420 (10 bins, n=1000)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ECE %.4g (%d bins, n=%d)", value, bins, size);
  }
}
