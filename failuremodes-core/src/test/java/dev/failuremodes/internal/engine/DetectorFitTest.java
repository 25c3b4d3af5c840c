package dev.failuremodes.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failuremodes.FailureModes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report detector's weights in {@link Tuning#DEFAULT} are what {@link DetectorFit} gives on the development sets
 * and the bundled catalog today: a change to either that forgets to refit fails here, with the weights to paste.
 */
class DetectorFitTest {
  @Test
  void defaultWeights_areTheFitOnTheDevelopmentSets() {
    Tuning t = Tuning.DEFAULT;
    List<DetectorFit.Sample> samples = DetectorFit.samples(new Engine(FailureModes.catalog(), t), t);
    DetectorFit.Fit fit = DetectorFit.fit(samples);
    String refit = java.util.Arrays.toString(fit.weights()) + " bias " + fit.bias();
    assertThat(fit.weights()).as("refit gives %s", refit).containsExactly(t.detectorWeights(), within(1e-3));
    assertThat(fit.bias()).as("refit gives %s", refit).isCloseTo(t.detectorBias(), within(1e-3));
    long unrelatedPassing = samples.stream().filter(s -> !s.report() && fit.score(s.features()) >= 0).count();
    long unrelated = samples.stream().filter(s -> !s.report()).count();
    assertThat((double) unrelatedPassing / unrelated).isLessThanOrEqualTo(DetectorFit.FALSE_POSITIVES);
  }
}
