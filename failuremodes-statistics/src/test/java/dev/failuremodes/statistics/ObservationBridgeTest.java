package dev.failuremodes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import dev.failuremodes.signals.Observation;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Statistics over raw samples become observations that a diagnosis reads against the catalog's thresholds. */
class ObservationBridgeTest {
  private static double[] normal(Random r, int n, double mean) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = mean + r.nextGaussian();
    }
    return out;
  }

  @Test
  void shiftedColumn_isDiagnosedAsDrift_andAnUnchangedOneIsHealthy() {
    Random r = new Random(7);
    double[] training = normal(r, 2_000, 0);
    double[] shifted = normal(r, 2_000, 1.0);
    double[] same = normal(r, 2_000, 0);
    Observation psi = SampleStatistics.psi(training, shifted).toObservation().feature("age");
    Observation ks = SampleStatistics.kolmogorovSmirnov(training, shifted).toObservation().feature("age");
    assertThat(psi.metric()).isEqualTo("psi");
    assertThat(psi.sampleSize()).hasValue(2_000);
    Diagnosis drift = FailureModes.forObservations(psi, ks).diagnose();
    assertThat(drift.top()).get().extracting(Candidate::id).isEqualTo("data-drift");

    Diagnosis healthy = FailureModes.forObservations(
        SampleStatistics.psi(training, same).toObservation().feature("age"),
        SampleStatistics.wasserstein(training, same).toObservation().feature("age")).diagnose();
    assertThat(healthy.candidates()).isEmpty();
    assertThat(healthy.whyEmpty()).get().asString().startsWith("Every value read is on the healthy side");
  }

  @Test
  void everyStatistic_namesItsCatalogMetric() {
    Random r = new Random(3);
    double[] a = normal(r, 200, 0);
    double[] b = normal(r, 200, 0.2);
    assertThat(SampleStatistics.kolmogorovSmirnov(a, b).statisticObservation().metric()).isEqualTo("ks-statistic");
    assertThat(SampleStatistics.jensenShannon(a, b).toObservation().metric()).isEqualTo("js-distance");
    assertThat(SampleStatistics.wasserstein(a, b).toObservation().metric()).isEqualTo("wasserstein-distance");
    assertThat(SampleStatistics.chiSquare(new long[] {10, 20, 30}, new long[] {30, 20, 10}).toObservation().metric())
        .isEqualTo("chi2-p-value");
    assertThat(SampleStatistics.expectedCalibrationError(new double[] {0.9, 0.8, 0.2}, new int[] {1, 0, 0})
        .toObservation().metric()).isEqualTo("ece");
  }

  @Test
  void wasserstein_constantReference_cannotBeNormed() {
    Wasserstein w = SampleStatistics.wasserstein(new double[] {1, 1, 1}, new double[] {1, 2, 3});
    assertThat(w.normed()).isInfinite();
    assertThatThrownBy(w::toObservation).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value of wasserstein-distance must be a finite number, was Infinity; drop the observation or"
            + " pass the value that was measured");
  }
}
