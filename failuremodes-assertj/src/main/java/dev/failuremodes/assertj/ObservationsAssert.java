package dev.failuremodes.assertj;

import dev.failuremodes.signals.Observation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Assertions on observations, such as the drift statistics and scores of a model run. Obtain one with {@link
 * Assertions#assertThatObservations(Observation...)} or {@link Assertions#assertThatObservations(Collection)}.
 *
 * <pre>{@code
 * assertThatObservations(
 *         Observation.of("train-score", trainAccuracy),
 *         Observation.of("validation-score", validationAccuracy),
 *         SampleStatistics.psi(training, production).toObservation().feature("amount"))
 *     .showsNoKnownFailureSignature();
 * }</pre>
 *
 * <p>The observations are diagnosed in the order given. See {@link AbstractSignatureAssert} for what a signature is.
 */
public class ObservationsAssert extends AbstractSignatureAssert<ObservationsAssert, Collection<Observation>> {
  /**
   * Creates assertions on observations; {@link Assertions#assertThatObservations(Collection)} is the usual way.
   *
   * @param actual the observations, which may be null (every assertion then fails)
   */
  public ObservationsAssert(Collection<Observation> actual) {
    super(actual, ObservationsAssert.class);
  }

  @Override
  List<Observation> observations() {
    List<Observation> out = new ArrayList<>(actual.size());
    for (Observation o : actual) {
      if (o == null) {
        throw new IllegalArgumentException("observation " + (out.size() + 1) + " of " + actual.size() + " is null");
      }
      out.add(o);
    }
    return out;
  }
}
