package dev.failuremodes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Behaviour on small samples worked out by hand; {@link ScipyReferenceTest} covers agreement with SciPy. */
class SampleStatisticsTest {
  private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

  @Test
  void psi_defaultBinning_hasDecileEdgesOpenAtBothEnds() {
    PopulationStabilityIndex psi = SampleStatistics.psi(ONE_TO_TEN, ONE_TO_TEN);

    // Type-7 deciles of 1..10 are 1.9, 2.8, ..., 9.1.
    assertThat(psi.edges()).hasSize(9);
    assertThat(psi.edges().get(0)).isCloseTo(1.9, offset(1e-12));
    assertThat(psi.edges().get(8)).isCloseTo(9.1, offset(1e-12));
    assertThat(psi.bins()).isEqualTo(10);
    assertThat(psi.value()).isZero();
  }

  @Test
  void psi_productionOutsideReferenceRange_isCountedInTheOuterBins() {
    // Each production value sits in the bin of a reference value, except -100 and 100, which land in the open
    // outer bins: those hold 2 of 10 on the production side and 1 of 10 on the reference side.
    double[] production = {-100, 2, 3, 4, 5, 6, 7, 8, 9, 100};
    double[] shifted = {-100, -100, 3, 4, 5, 6, 7, 8, 100, 100};

    double expected = 2 * (0.2 - 0.1) * Math.log(0.2 / 0.1) + 2 * (0.0001 - 0.1) * Math.log(0.0001 / 0.1);
    assertThat(SampleStatistics.psi(ONE_TO_TEN, production).value()).isZero();
    assertThat(SampleStatistics.psi(ONE_TO_TEN, shifted).value()).isCloseTo(expected, offset(1e-12));
  }

  @Test
  void psi_tiedReference_mergesEqualEdgesAndClosesBinsOnTheRight() {
    // Half zeros: the deciles up to the median are all 0, kept once; the zeros fill the first bin, (-inf, 0].
    double[] reference = {0, 0, 0, 0, 0, 1, 2, 3, 4, 5};

    PopulationStabilityIndex psi = SampleStatistics.psi(reference, reference);

    assertThat(psi.edges().get(0)).isZero();
    assertThat(psi.edges()).doesNotHaveDuplicates().isSorted();
    assertThat(psi.bins()).isEqualTo(psi.edges().size() + 1).isLessThan(10);
    assertThat(psi.value()).isZero();
  }

  @Test
  void psi_emptyBins_useTheDocumentedProportion() {
    // Everything in production moves to the first of two categories.
    PopulationStabilityIndex psi = SampleStatistics.psiOfCounts(new long[] {50, 50}, new long[] {80, 0});

    double expected = (1.0 - 0.5) * Math.log(1.0 / 0.5) + (0.0001 - 0.5) * Math.log(0.0001 / 0.5);
    assertThat(psi.value()).isCloseTo(expected, offset(1e-12));
    assertThat(PopulationStabilityIndex.EMPTY_BIN_PROPORTION).isEqualTo(1e-4);
    assertThat(psi).hasToString("PSI 4.604 over 2 categories (reference n=100, production n=80)");
  }

  @Test
  void psi_constantReference_hasTwoBinsAroundTheValue() {
    PopulationStabilityIndex psi = SampleStatistics.psi(new double[] {3, 3, 3}, new double[] {1, 3, 5});

    assertThat(psi.edges()).containsExactly(3.0);
    assertThat(psi.bins()).isEqualTo(2);
  }

  @Test
  void kolmogorovSmirnov_disjointSamples_haveDistanceOne() {
    KolmogorovSmirnov ks = SampleStatistics.kolmogorovSmirnov(new double[] {1, 2, 3}, new double[] {4, 5, 6});

    assertThat(ks.statistic()).isEqualTo(1.0);
    // Exact: 2 of the 20 orderings of 3 + 3 values are as extreme.
    assertThat(ks.pValue()).isCloseTo(0.1, offset(1e-12));
    assertThat(ks.method()).isEqualTo(KolmogorovSmirnov.Method.EXACT);
    assertThat(ks).hasToString("KS D=1.0000 p=0.1000 (exact; reference n=3, production n=3)");
  }

  @Test
  void kolmogorovSmirnov_aboveExactLimit_defaultsToAsymptotic() {
    double[] large = new double[KolmogorovSmirnov.MAX_EXACT_SIZE + 1];
    Arrays.setAll(large, i -> i);

    assertThat(SampleStatistics.kolmogorovSmirnov(large, ONE_TO_TEN).method())
        .isEqualTo(KolmogorovSmirnov.Method.ASYMPTOTIC);
    assertThat(SampleStatistics.kolmogorovSmirnov(Arrays.copyOf(large, 10_000), ONE_TO_TEN).method())
        .isEqualTo(KolmogorovSmirnov.Method.EXACT);
  }

  @Test
  void jensenShannon_disjointHistogramsInBase2_isOne() {
    JensenShannon js = SampleStatistics.jensenShannon(new double[] {0, 0}, new double[] {1, 1}, 2, 2);

    assertThat(js.value()).isCloseTo(1.0, offset(1e-15));
    assertThat(js.low()).isZero();
    assertThat(js.high()).isEqualTo(1.0);
  }

  @Test
  void jensenShannon_allValuesEqual_isZero() {
    JensenShannon js = SampleStatistics.jensenShannon(new double[] {7, 7}, new double[] {7, 7, 7});

    assertThat(js.value()).isZero();
    assertThat(js.base()).isEqualTo(Math.E);
    assertThat(js).hasToString(
        "Jensen-Shannon 0.000 (base e, 10 bins over [7.000, 7.000]; reference n=2, production n=3)");
  }

  @Test
  void wasserstein_scipyDocumentationExample_isFive() {
    // The scipy.stats.wasserstein_distance docstring: [0, 1, 3] against [5, 6, 8] is 5.
    Wasserstein w = SampleStatistics.wasserstein(new double[] {0, 1, 3}, new double[] {5, 6, 8});

    assertThat(w.value()).isCloseTo(5.0, offset(1e-12));
    assertThat(w).hasToString("Wasserstein 5.000 (reference n=3, production n=3)");
  }

  @Test
  void chiSquare_categoryOnNeitherSide_isLeftOut() {
    ChiSquare withEmpty = SampleStatistics.chiSquare(new long[] {10, 0, 20, 0}, new long[] {15, 5, 10, 0});
    ChiSquare without = SampleStatistics.chiSquare(new long[] {10, 0, 20}, new long[] {15, 5, 10});

    assertThat(withEmpty).isEqualTo(without);
    assertThat(withEmpty.categories()).isEqualTo(3);
    assertThat(withEmpty.degreesOfFreedom()).isEqualTo(2);
  }

  @Test
  void chiSquare_twoByTwo_hasNoContinuityCorrection() {
    // Expected counts 20 in every cell; (30-20)^2/20 * 4 = 20 without Yates' correction.
    ChiSquare chi2 = SampleStatistics.chiSquare(new long[] {30, 10}, new long[] {10, 30});

    assertThat(chi2.statistic()).isCloseTo(20.0, offset(1e-12));
    assertThat(chi2.degreesOfFreedom()).isEqualTo(1);
    assertThat(chi2).hasToString("Chi-square 20.00 df=1 p=7.744e-06 (2 categories; reference n=40, production n=40)");
  }

  @Test
  void expectedCalibrationError_edgesAndOne_followTheDocumentedBins() {
    // 0.1 opens the second bin and 1.0 joins the last: bins [0.1, 0.2) and [0.9, 1.0] each hold one prediction.
    CalibrationError ece = SampleStatistics.expectedCalibrationError(new double[] {0.1, 1.0}, new int[] {0, 1});

    assertThat(ece.value()).isCloseTo(0.5 * 0.1, offset(1e-15));
    // In a single bin the error is |mean outcome - mean prediction| = |0.5 - 0.55|.
    assertThat(SampleStatistics.expectedCalibrationError(new double[] {0.1, 1.0}, new int[] {0, 1}, 1).value())
        .isCloseTo(0.05, offset(1e-15));
    assertThat(ece).hasToString("ECE 0.05000 (10 bins, n=2)");
  }

  @Test
  void expectedCalibrationError_perfectlyCalibratedBins_isZero() {
    double[] probabilities = {0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75};
    int[] outcomes = {1, 0, 0, 0, 1, 1, 1, 0};

    assertThat(SampleStatistics.expectedCalibrationError(probabilities, outcomes).value()).isZero();
  }

  @Test
  void statistics_leaveTheCallersArraysUnchanged() {
    double[] reference = {5, 3, 9, 1, 7};
    double[] production = {2, 8, 4, 6, 0};
    double[] referenceCopy = reference.clone();
    double[] productionCopy = production.clone();

    SampleStatistics.psi(reference, production);
    SampleStatistics.kolmogorovSmirnov(reference, production);
    SampleStatistics.jensenShannon(reference, production);
    SampleStatistics.wasserstein(reference, production);

    assertThat(reference).containsExactly(referenceCopy);
    assertThat(production).containsExactly(productionCopy);
  }

  @Test
  void results_areImmutable() {
    PopulationStabilityIndex psi = SampleStatistics.psi(ONE_TO_TEN, ONE_TO_TEN);

    assertThat(psi.edges()).isUnmodifiable();
  }
}
