package dev.failuremodes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {
  /** Every value with up to four decimals, as evidence holds them, and others: the same text as the formatter. */
  @Test
  void twoDecimals_printsAsTheFormatterDoes() {
    for (int q = 0; q <= 20_000; q++) {
      double v = q / 10_000.0;
      assertThat(Numbers.twoDecimals(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
    }
    Random random = new Random(2026_11_29L);
    for (int i = 0; i < 20_000; i++) {
      double v = sample(random, i % 4);
      assertThat(Numbers.twoDecimals(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
    }
    for (double v : new double[] {-0.0, 0.005, 0.125, 1.005, 0.995, 0.9999, 99.995, 1e9, Double.NaN,
        Double.POSITIVE_INFINITY, Double.MIN_VALUE}) {
      assertThat(Numbers.twoDecimals(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
    }
  }

  /**
   * Every value with up to four decimals below 1,000 (both signs below 100), and others: the text {@code
   * Double.toString} gives, which is what the JSON writer must write.
   */
  @Test
  void shortest_writesWhatDoubleToStringWrites() {
    char[] out = new char[32];
    for (int q = 0; q < 10_000_000; q++) {
      double v = q / 10_000.0;
      int end = Numbers.shortest(v, out, 3);
      if (!Double.toString(v).contentEquals(java.nio.CharBuffer.wrap(out, 3, end - 3))) {
        assertThat(new String(out, 3, end - 3)).as("%s", v).isEqualTo(Double.toString(v));
      }
      if (q < 1_000_000) {
        end = Numbers.shortest(-v, out, 0);
        if (!Double.toString(-v).contentEquals(java.nio.CharBuffer.wrap(out, 0, end))) {
          assertThat(new String(out, 0, end)).as("%s", -v).isEqualTo(Double.toString(-v));
        }
      }
    }
    Random random = new Random(2026_11_29L);
    for (int i = 0; i < 100_000; i++) {
      double v = sample(random, i % 5);
      int end = Numbers.shortest(v, out, 1);
      assertThat(new String(out, 1, end - 1)).as("%s", v).isEqualTo(Double.toString(v));
    }
    for (double v : new double[] {-0.0, 0.0, 0.001, 0.0009999, 0.0001, 999.9999, 1000.0, 1e7, -1e-3, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2}) {
      int end = Numbers.shortest(v, out, 0);
      assertThat(new String(out, 0, end)).as("%s", v).isEqualTo(Double.toString(v));
    }
  }

  /**
   * A random double of one of five kinds: in [0, 1), with four decimals below 10,000, negative above -10, spread
   * around 0 by a million, or (kind 4) any bit pattern, NaNs and infinities included.
   */
  private static double sample(Random random, int kind) {
    return switch (kind) {
      case 0 -> random.nextDouble();
      case 1 -> Math.round(random.nextDouble() * 1e8) / 10_000.0;
      case 2 -> -random.nextDouble() * 10;
      case 3 -> random.nextGaussian() * 1e6;
      default -> Double.longBitsToDouble(random.nextLong());
    };
  }
}
