package dev.failuremodes.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as the library prints them in evidence, observations and findings. */
public final class Numbers {
  private static final MathContext THREE_DIGITS = new MathContext(3);

  private Numbers() {}

  /** Returns a number as {@code String.format(Locale.ROOT, "%.2f", v)} does, without a formatter for most. */
  public static String twoDecimals(double v) {
    return appendTwoDecimals(new StringBuilder(12), v).toString();
  }

  /** Appends a number as {@link #twoDecimals} returns it, and returns {@code out}. */
  public static StringBuilder appendTwoDecimals(StringBuilder out, double v) {
    // Evidence's numbers are rounded to four decimals: for such a value, the decimal it prints as is q / 10,000, and
    // rounding that half up to two decimals is what the formatter does. Anything else goes to the formatter.
    if (v >= 0 && v < 1e9 && (v != 0 || 1 / v > 0)) { // not -0.0, which prints as -0.00
      long q = Math.round(v * 10_000);
      if (q / 10_000.0 == v) {
        long hundredths = (q + 50) / 100;
        long fraction = hundredths % 100;
        return out.append(hundredths / 100).append(fraction < 10 ? ".0" : ".").append(fraction);
      }
    }
    return out.append(String.format(Locale.ROOT, "%.2f", v));
  }

  /**
   * Returns a number with up to four decimals and no trailing zeros ({@code 0.31}, {@code 12000}, {@code -0.2}), or
   * with three significant digits when it is below 0.001 or above a billion in size ({@code 0.00012}, {@code
   * 1.2e-7}, {@code 2.5e+9}). Non-finite values print as Java prints them.
   */
  public static String format(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (v == 0) {
      return "0";
    }
    double abs = Math.abs(v);
    if (abs < 0.001 || abs >= 1e9) {
      return new BigDecimal(v).round(THREE_DIGITS).stripTrailingZeros().toString().replace("E", "e");
    }
    long scaled = Math.round(abs * 10_000);
    long whole = scaled / 10_000;
    int fraction = (int) (scaled % 10_000);
    StringBuilder out = new StringBuilder(16);
    if (v < 0 && scaled != 0) {
      out.append('-');
    }
    out.append(whole);
    if (fraction != 0) {
      String digits = Integer.toString(fraction + 10_000).substring(1);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(digits, 0, end);
    }
    return out.toString();
  }

  /**
   * Writes a number as {@code Double.toString} does into {@code out} from {@code at}, and returns the position after
   * it; {@code out} must have room for 25 characters. Scores, weights and confidences are rounded to four decimals:
   * from 0.001 to below 1,000 in size, such a value is its four-decimal digits without trailing zeros, which is what
   * {@code Double.toString} prints, so those are written digit by digit. Every other value goes to {@code
   * Double.toString}.
   */
  public static int shortest(double v, char[] out, int at) {
    double size = v < 0 ? -v : v;
    if (size >= 0.001 && size < 1_000) {
      long q = Math.round(size * 10_000);
      if (q / 10_000.0 == size) {
        int i = at;
        if (v < 0) {
          out[i++] = '-';
        }
        int whole = (int) (q / 10_000);
        int fraction = (int) (q % 10_000);
        if (whole >= 100) {
          out[i++] = (char) ('0' + whole / 100);
        }
        if (whole >= 10) {
          out[i++] = (char) ('0' + whole / 10 % 10);
        }
        out[i++] = (char) ('0' + whole % 10);
        out[i++] = '.';
        if (fraction == 0) {
          out[i++] = '0';
          return i;
        }
        int last = fraction % 10 != 0 ? 4 : fraction % 100 != 0 ? 3 : fraction % 1_000 != 0 ? 2 : 1;
        for (int k = 0, unit = 1_000; k < last; k++, unit /= 10) {
          out[i++] = (char) ('0' + fraction / unit % 10);
        }
        return i;
      }
    }
    String text = v == 0 && 1 / v > 0 ? "0.0" : Double.toString(v);
    text.getChars(0, text.length(), out, at);
    return at + text.length();
  }
}
