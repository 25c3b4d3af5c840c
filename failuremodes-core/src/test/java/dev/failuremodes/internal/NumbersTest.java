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
      double v = switch (i % 4) {
        case 0 -> random.nextDouble();
        case 1 -> Math.round(random.nextDouble() * 1e8) / 10_000.0;
        case 2 -> -random.nextDouble() * 10;
        default -> random.nextGaussian() * 1e6;
      };
      assertThat(Numbers.twoDecimals(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
    }
    for (double v : new double[] {-0.0, 0.005, 0.125, 1.005, 0.995, 0.9999, 99.995, 1e9, Double.NaN,
        Double.POSITIVE_INFINITY, Double.MIN_VALUE}) {
      assertThat(Numbers.twoDecimals(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
    }
  }
}
