package dev.failuremodes.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * The entry point: drift statistics of a production sample against a reference sample, and the calibration error
 * of predicted probabilities.
 *
 * <pre>{@code
 * double[] training = ..., production = ...;
 * PopulationStabilityIndex psi = SampleStatistics.psi(training, production);
 * KolmogorovSmirnov ks = SampleStatistics.kolmogorovSmirnov(training, production);
 * if (psi.value() > 0.25 || ks.pValue() < 0.01) { ... }
 * }</pre>
 *
 * <p>Samples are {@code double[]} with at least two values, all finite; the arrays are never modified. Category
 * counts are {@code long[]} with one count per category, in the same order on both sides. Every statistic takes
 * O(n log n) time for n values, but for the exact Kolmogorov–Smirnov p-value, which takes up to O(n·m) and is
 * therefore limited to samples of at most {@value KolmogorovSmirnov#MAX_EXACT_SIZE} values (under a second at that
 * size). All methods are thread-safe and keep no state.
 *
 * <p>Bad input is rejected before any work with a message that names the statistic, the input, the rule and a fix,
 * for example {@code "PSI: production[3] is NaN; every value must be finite (drop or impute NaN and infinite values
 * first)"}.
 */
public final class SampleStatistics {
  private static final String PSI = "PSI";
  private static final String KS = "Kolmogorov-Smirnov";
  private static final String JS = "Jensen-Shannon";
  private static final String WASSERSTEIN = "Wasserstein";
  private static final String CHI_SQUARE = "Chi-square";
  private static final String ECE = "ECE";

  /** The number of bins of the methods that take no {@code bins} argument. */
  public static final int DEFAULT_BINS = 10;

  private SampleStatistics() {}

  /**
   * Returns the population stability index of {@code production} against {@code reference} over
   * {@value #DEFAULT_BINS} bins at the deciles of the reference sample. See {@link #psi(double[], double[], int)}.
   *
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if a sample has fewer than 2 values or a value that is NaN or infinite
   */
  public static PopulationStabilityIndex psi(double[] reference, double[] production) {
    return psi(reference, production, DEFAULT_BINS);
  }

  /**
   * Returns the population stability index of {@code production} against {@code reference} over {@code bins} bins
   * at quantiles of the reference sample.
   *
   * <p>Binning: the inner edges are the reference sample's quantiles at {@code 1/bins, 2/bins, …,
   * (bins−1)/bins}, by linear interpolation between order statistics (NumPy's default {@code method='linear'},
   * Hyndman and Fan's type 7). When ties make several quantiles equal, each edge is kept once, so there may be fewer
   * bins than asked for; {@link PopulationStabilityIndex#bins()} says how many were used. Bins are closed on the
   * right, {@code (edge[i−1], edge[i]]}, so that a run of tied smallest values (zeros, say) fills the first bin; the
   * first bin starts at −∞ and the last ends at +∞, so production values outside the reference range are counted
   * in the outermost bins. An empty bin counts as a proportion of
   * {@link PopulationStabilityIndex#EMPTY_BIN_PROPORTION}.
   *
   * @param bins the number of quantile bins before ties are merged, 2 to 10,000 (10 is usual)
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if {@code bins} is out of range, or a sample has fewer than 2 values or a value
   *     that is NaN or infinite
   */
  public static PopulationStabilityIndex psi(double[] reference, double[] production, int bins) {
    Checks.sample(PSI, "reference", reference);
    Checks.sample(PSI, "production", production);
    Checks.bins(PSI, bins, 2, DEFAULT_BINS);
    double[] sorted = reference.clone();
    Arrays.sort(sorted);
    double[] edges = quantileEdges(sorted, bins);
    long[] referenceCounts = countRightClosed(sorted, edges);
    long[] productionCounts = countRightClosed(production, edges);
    List<Double> edgeList = new ArrayList<>(edges.length);
    for (double edge : edges) {
      edgeList.add(edge);
    }
    return new PopulationStabilityIndex(psiOf(referenceCounts, reference.length, productionCounts,
        production.length), edges.length + 1, edgeList, reference.length, production.length);
  }

  /**
   * Returns the population stability index of categorical production counts against reference counts. Each
   * category is one bin; a category with a count of zero counts as a proportion of
   * {@link PopulationStabilityIndex#EMPTY_BIN_PROPORTION}, so a category seen on one side only is allowed and adds a
   * large term.
   *
   * @param reference the number of reference observations in each category
   * @param production the number of production observations in the same categories, in the same order
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or have fewer than 2 categories, a count is
   *     negative, or a side's counts add up to 0
   */
  public static PopulationStabilityIndex psiOfCounts(long[] reference, long[] production) {
    long[] totals = Checks.counts(PSI, reference, production);
    return new PopulationStabilityIndex(psiOf(reference, totals[0], production, totals[1]), reference.length,
        List.of(), totals[0], totals[1]);
  }

  /**
   * Returns the two-sided two-sample Kolmogorov–Smirnov test of {@code production} against {@code reference}, with
   * an exact p-value when both samples have at most {@value KolmogorovSmirnov#MAX_EXACT_SIZE} values and an
   * asymptotic one otherwise: the rule of SciPy's {@code ks_2samp(method='auto')}.
   * {@link KolmogorovSmirnov#method()} says which was used.
   *
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if a sample has fewer than 2 values or a value that is NaN or infinite
   */
  public static KolmogorovSmirnov kolmogorovSmirnov(double[] reference, double[] production) {
    Checks.sample(KS, "reference", reference);
    Checks.sample(KS, "production", production);
    boolean small = Math.max(reference.length, production.length) <= KolmogorovSmirnov.MAX_EXACT_SIZE;
    return ks(reference, production, small ? KolmogorovSmirnov.Method.EXACT : KolmogorovSmirnov.Method.ASYMPTOTIC);
  }

  /**
   * Returns the two-sided two-sample Kolmogorov–Smirnov test of {@code production} against {@code reference}, with
   * the p-value computed by the given method.
   *
   * <p>The statistic D is the largest difference between the empirical distribution functions, both evaluated at
   * every value of either sample (SciPy's {@code ks_2samp} does the same, so tied values are compared after the
   * whole tie). The exact p-value takes O(n·m) time in the worst case (about half a second for two samples of
   * {@value KolmogorovSmirnov#MAX_EXACT_SIZE} values that barely overlap), which is why it is limited to that size;
   * the asymptotic one adds almost nothing to the O(n log n) sort.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a sample has fewer than 2 values or a value that is NaN or infinite, or if
   *     {@code method} is {@code EXACT} and a sample has more than {@value KolmogorovSmirnov#MAX_EXACT_SIZE} values
   */
  public static KolmogorovSmirnov kolmogorovSmirnov(
      double[] reference, double[] production, KolmogorovSmirnov.Method method) {
    Checks.sample(KS, "reference", reference);
    Checks.sample(KS, "production", production);
    Checks.notNull(KS, "method", method);
    if (method == KolmogorovSmirnov.Method.EXACT) {
      exactFeasible("reference", reference);
      exactFeasible("production", production);
    }
    return ks(reference, production, method);
  }

  /**
   * Returns the Jensen–Shannon distance, in natural log, between the histograms of the two samples over
   * {@value #DEFAULT_BINS} shared equal-width bins. See {@link #jensenShannon(double[], double[], int, double)}.
   *
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if a sample has fewer than 2 values or a value that is NaN or infinite
   */
  public static JensenShannon jensenShannon(double[] reference, double[] production) {
    return jensenShannon(reference, production, DEFAULT_BINS, Math.E);
  }

  /**
   * Returns the Jensen–Shannon distance between the histograms of the two samples over shared equal-width bins,
   * as SciPy's {@code scipy.spatial.distance.jensenshannon} computes it from the two histograms.
   *
   * <p>Binning: {@code bins} equal-width bins from the smallest to the largest value of both samples together,
   * closed on the left except the last, which is closed on both ends: NumPy's {@code histogram(x, bins,
   * range=(low, high))}, edges {@code low + i · (high − low) / bins}. When every value is the same, both histograms
   * are one bin and the distance is 0.
   *
   * @param bins the number of bins, 2 to 10,000 (10 is usual)
   * @param base the base of the logarithm: {@link Math#E} for natural log, 2 for bits
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if {@code bins} is out of range, {@code base} is not a positive finite number
   *     other than 1, or a sample has fewer than 2 values or a value that is NaN or infinite
   */
  public static JensenShannon jensenShannon(double[] reference, double[] production, int bins, double base) {
    Checks.sample(JS, "reference", reference);
    Checks.sample(JS, "production", production);
    Checks.bins(JS, bins, 2, DEFAULT_BINS);
    if (!(base > 0) || base == 1 || Double.isInfinite(base)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: base is %s; the base of the logarithm must be positive, finite and not 1 (use Math.E for natural"
              + " log or 2 for bits)",
          JS, base));
    }
    double low = Math.min(min(reference), min(production));
    double high = Math.max(max(reference), max(production));
    double value = 0;
    if (low < high) {
      double[] edges = equalWidthEdges(low, high, bins);
      long[] p = countLeftClosed(reference, edges);
      long[] q = countLeftClosed(production, edges);
      value = jensenShannonDistance(p, reference.length, q, production.length, base);
    }
    return new JensenShannon(value, base, bins, low, high, reference.length, production.length);
  }

  /**
   * Returns the Wasserstein-1 distance between the two samples, as SciPy's
   * {@code scipy.stats.wasserstein_distance(reference, production)} computes it: the integral of |F − G| over the
   * real line, where F and G are the empirical distribution functions.
   *
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if a sample has fewer than 2 values or a value that is NaN or infinite
   */
  public static Wasserstein wasserstein(double[] reference, double[] production) {
    Checks.sample(WASSERSTEIN, "reference", reference);
    Checks.sample(WASSERSTEIN, "production", production);
    double[] u = reference.clone();
    double[] v = production.clone();
    Arrays.sort(u);
    Arrays.sort(v);
    int n = u.length;
    int m = v.length;
    int i = 0;
    int j = 0;
    double previous = Math.min(u[0], v[0]);
    double sum = 0;
    // Walks the merged order; between two consecutive values both distribution functions are constant, equal to
    // the share of each sample already passed.
    while (i < n || j < m) {
      double next = j == m || (i < n && u[i] <= v[j]) ? u[i] : v[j];
      sum += Math.abs((double) i / n - (double) j / m) * (next - previous);
      previous = next;
      if (j == m || (i < n && u[i] <= v[j])) {
        i++;
      } else {
        j++;
      }
    }
    double mean = 0;
    for (double x : u) {
      mean += x / n;
    }
    double variance = 0;
    for (double x : u) {
      variance += (x - mean) * (x - mean) / n;
    }
    return new Wasserstein(sum, Math.sqrt(variance), n, m);
  }

  /**
   * Returns the chi-square test of homogeneity of categorical production counts against reference counts: the
   * 2×k contingency table with the reference in one row and production in the other, without continuity
   * correction, as SciPy's {@code chi2_contingency(table, correction=False)} computes it.
   *
   * <p>A category seen on one side only is allowed: its expected counts come from its total, which is positive. A
   * category with no count on either side has an expected count of 0 and carries no information, so it is left out
   * (SciPy would refuse the table); {@link ChiSquare#categories()} and {@link ChiSquare#degreesOfFreedom()} count
   * only the categories kept.
   *
   * @param reference the number of reference observations in each category
   * @param production the number of production observations in the same categories, in the same order
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or have fewer than 2 categories, a count is
   *     negative, a side's counts add up to 0, or fewer than 2 categories have a count on either side
   */
  public static ChiSquare chiSquare(long[] reference, long[] production) {
    long[] totals = Checks.counts(CHI_SQUARE, reference, production);
    int kept = 0;
    for (int i = 0; i < reference.length; i++) {
      if (reference[i] + production[i] > 0) {
        kept++;
      }
    }
    if (kept < 2) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: only %d category has a count on either side; a test needs at least 2 (with one category there is"
              + " nothing that can differ between the sides)",
          CHI_SQUARE, kept));
    }
    long[][] table = new long[2][kept];
    for (int i = 0, c = 0; i < reference.length; i++) {
      if (reference[i] + production[i] > 0) {
        table[0][c] = reference[i];
        table[1][c] = production[i];
        c++;
      }
    }
    SignificanceResult result = ChiSquareTest.withDefaults().test(table);
    return new ChiSquare(result.getStatistic(), kept - 1, result.getPValue(), kept, totals[0], totals[1]);
  }

  /**
   * Returns the expected calibration error of {@code probabilities} against {@code outcomes} over
   * {@value #DEFAULT_BINS} equal-width bins. See {@link #expectedCalibrationError(double[], int[], int)}.
   *
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if there are fewer than 2 predictions, the arrays differ in length, a
   *     probability is not in [0, 1], or an outcome is not 0 or 1
   */
  public static CalibrationError expectedCalibrationError(double[] probabilities, int[] outcomes) {
    return expectedCalibrationError(probabilities, outcomes, DEFAULT_BINS);
  }

  /**
   * Returns the expected calibration error of {@code probabilities} against {@code outcomes}:
   * {@code Σ (n_b / n) · |mean(outcomes in b) − mean(probabilities in b)|} over the non-empty bins {@code b}.
   *
   * <p>Binning: {@code bins} equal-width bins on [0, 1] with edges {@code i / bins}; bin {@code i} holds the
   * probabilities in {@code [i / bins, (i + 1) / bins)}, and the last bin also holds 1.
   *
   * @param probabilities the predicted probabilities of the positive class
   * @param outcomes 1 where the positive class occurred, 0 where it did not, one per prediction
   * @param bins the number of bins, 1 to 10,000 (10 and 15 are usual)
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if {@code bins} is out of range, there are fewer than 2 predictions, the arrays
   *     differ in length, a probability is not in [0, 1], or an outcome is not 0 or 1
   */
  public static CalibrationError expectedCalibrationError(double[] probabilities, int[] outcomes, int bins) {
    Checks.probabilities(ECE, "probabilities", probabilities);
    Checks.outcomes(ECE, "outcomes", outcomes, "probabilities", probabilities.length);
    Checks.bins(ECE, bins, 1, DEFAULT_BINS);
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = (double) i / bins;
    }
    long[] counts = new long[bins];
    double[] predicted = new double[bins];
    double[] observed = new double[bins];
    for (int i = 0; i < probabilities.length; i++) {
      int bin = Math.min(countAtMost(edges, probabilities[i]) - 1, bins - 1);
      counts[bin]++;
      predicted[bin] += probabilities[i];
      observed[bin] += outcomes[i];
    }
    double n = probabilities.length;
    double value = 0;
    for (int b = 0; b < bins; b++) {
      if (counts[b] > 0) {
        value += counts[b] / n * Math.abs(observed[b] / counts[b] - predicted[b] / counts[b]);
      }
    }
    return new CalibrationError(value, bins, probabilities.length);
  }

  private static KolmogorovSmirnov ks(double[] reference, double[] production, KolmogorovSmirnov.Method method) {
    // Two-sided and P(D >= d) are the Commons defaults; only the p-value method is set, always explicitly, so that
    // the library never picks one the result does not report.
    KolmogorovSmirnovTest.TwoResult result = KolmogorovSmirnovTest.withDefaults()
        .with(method == KolmogorovSmirnov.Method.EXACT ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC)
        .test(reference, production);
    return new KolmogorovSmirnov(
        result.getStatistic(), result.getPValue(), method, reference.length, production.length);
  }

  private static void exactFeasible(String name, double[] sample) {
    if (sample.length > KolmogorovSmirnov.MAX_EXACT_SIZE) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: the exact p-value needs samples of at most %d values, but %s has %d; use Method.ASYMPTOTIC, or the"
              + " method without one, which chooses by size",
          KS, KolmogorovSmirnov.MAX_EXACT_SIZE, name, sample.length));
    }
  }

  /** Returns the distinct quantiles of {@code sorted} at {@code 1/bins … (bins−1)/bins}, ascending. */
  private static double[] quantileEdges(double[] sorted, int bins) {
    double[] edges = new double[bins - 1];
    int count = 0;
    for (int i = 1; i < bins; i++) {
      double q = quantile(sorted, (double) i / bins);
      if (count == 0 || q > edges[count - 1]) {
        edges[count++] = q;
      }
    }
    return Arrays.copyOf(edges, count);
  }

  /**
   * Returns the {@code p}-quantile of {@code sorted} by linear interpolation between order statistics, computed
   * as NumPy computes it (including which end it interpolates from) so that edges agree to the last bit.
   */
  private static double quantile(double[] sorted, double p) {
    double position = (sorted.length - 1) * p;
    int below = (int) Math.floor(position);
    if (below >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    double fraction = position - below;
    double a = sorted[below];
    double b = sorted[below + 1];
    double difference = b - a;
    return fraction >= 0.5 ? b - difference * (1 - fraction) : a + difference * fraction;
  }

  private static double[] equalWidthEdges(double low, double high, int bins) {
    double[] edges = new double[bins + 1];
    double step = (high - low) / bins;
    for (int i = 0; i < bins; i++) {
      edges[i] = i * step + low;
    }
    edges[bins] = high;
    return edges;
  }

  /** Counts the values in the bins {@code (−∞, e0], (e0, e1], …, (e_last, +∞)} of the inner edges. */
  private static long[] countRightClosed(double[] values, double[] edges) {
    long[] counts = new long[edges.length + 1];
    for (double value : values) {
      counts[countBelow(edges, value)]++;
    }
    return counts;
  }

  /** Counts the values in the bins {@code [e0, e1), …, [e_{k−1}, e_k]} of the edges, all values within range. */
  private static long[] countLeftClosed(double[] values, double[] edges) {
    int bins = edges.length - 1;
    long[] counts = new long[bins];
    for (double value : values) {
      counts[Math.min(countAtMost(edges, value) - 1, bins - 1)]++;
    }
    return counts;
  }

  /** Returns how many of the ascending {@code edges} are strictly below {@code value}. */
  private static int countBelow(double[] edges, double value) {
    int lo = 0;
    int hi = edges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Returns how many of the ascending {@code edges} are at most {@code value}. */
  private static int countAtMost(double[] edges, double value) {
    int lo = 0;
    int hi = edges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double psiOf(long[] reference, long referenceTotal, long[] production, long productionTotal) {
    double sum = 0;
    for (int i = 0; i < reference.length; i++) {
      double r = proportion(reference[i], referenceTotal);
      double p = proportion(production[i], productionTotal);
      sum += (p - r) * Math.log(p / r);
    }
    return sum;
  }

  private static double proportion(long count, long total) {
    return count == 0 ? PopulationStabilityIndex.EMPTY_BIN_PROPORTION : (double) count / total;
  }

  private static double jensenShannonDistance(long[] p, long pTotal, long[] q, long qTotal, double base) {
    double left = 0;
    double right = 0;
    for (int i = 0; i < p.length; i++) {
      double pi = (double) p[i] / pTotal;
      double qi = (double) q[i] / qTotal;
      double mi = (pi + qi) / 2.0;
      left += relativeEntropy(pi, mi);
      right += relativeEntropy(qi, mi);
    }
    // The operations in SciPy's order, so that results agree to the last bits.
    double divergence = left + right;
    if (base != Math.E) {
      divergence /= Math.log(base);
    }
    return Math.sqrt(divergence / 2.0);
  }

  private static double relativeEntropy(double x, double y) {
    return x == 0 ? 0 : x * Math.log(x / y);
  }

  private static double min(double[] values) {
    double min = values[0];
    for (double value : values) {
      min = Math.min(min, value);
    }
    return min;
  }

  private static double max(double[] values) {
    double max = values[0];
    for (double value : values) {
      max = Math.max(max, value);
    }
    return max;
  }
}
