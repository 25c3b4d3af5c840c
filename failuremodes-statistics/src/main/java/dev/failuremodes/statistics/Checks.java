package dev.failuremodes.statistics;

import java.util.Locale;

/**
 * Argument checks shared by the statistics. Every message starts with the statistic's name, names the input, states
 * the rule and says how to fix the input.
 */
final class Checks {
  /** The fewest values a sample may have: one value has no spread and says nothing about a distribution. */
  static final int MIN_SAMPLE_SIZE = 2;

  /**
   * The most bins any statistic accepts: past this most bins are empty, and a typo such as an extra zero would
   * otherwise allocate gigabytes before failing.
   */
  static final int MAX_BINS = 10_000;

  private Checks() {}

  /** Returns {@code values} after checking that it has at least two values, all finite. */
  static double[] sample(String statistic, String name, double[] values) {
    notNull(statistic, name, values);
    if (values.length < MIN_SAMPLE_SIZE) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s has %d value%s; at least %d are needed (pass a larger sample)",
          statistic, name, values.length, values.length == 1 ? "" : "s", MIN_SAMPLE_SIZE));
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: %s[%d] is %s; every value must be finite (drop or impute NaN and infinite values first)",
            statistic, name, i, values[i]));
      }
    }
    return values;
  }

  /** Returns {@code values} after checking that it has at least two values, all probabilities in [0, 1]. */
  static double[] probabilities(String statistic, String name, double[] values) {
    sample(statistic, name, values);
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0 || values[i] > 1) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: %s[%d] is %s; a probability must be in [0, 1] (pass predicted probabilities, not scores or"
                + " logits)",
            statistic, name, i, values[i]));
      }
    }
    return values;
  }

  /** Returns {@code outcomes} after checking that it has one 0 or 1 per probability. */
  static int[] outcomes(String statistic, String name, int[] outcomes, String probabilitiesName, int expected) {
    notNull(statistic, name, outcomes);
    if (outcomes.length != expected) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s has %d values but %s has %d; pass one outcome per prediction, in the same order",
          statistic, probabilitiesName, expected, name, outcomes.length));
    }
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] != 0 && outcomes[i] != 1) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: %s[%d] is %d; an outcome must be 0 or 1 (encode the positive class as 1)",
            statistic, name, i, outcomes[i]));
      }
    }
    return outcomes;
  }

  /**
   * Checks two count vectors over the same categories: equal lengths, at least two categories, no negative count,
   * and at least one observation on each side.
   *
   * @return the totals of {@code reference} and {@code production}
   */
  static long[] counts(String statistic, long[] reference, long[] production) {
    notNull(statistic, "reference", reference);
    notNull(statistic, "production", production);
    if (reference.length != production.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: reference has %d categories but production has %d; pass counts for the same categories in the"
              + " same order, with 0 where a category was not seen",
          statistic, reference.length, production.length));
    }
    if (reference.length < 2) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %d categor%s given; at least 2 are needed (pass one count per category)",
          statistic, reference.length, reference.length == 1 ? "y" : "ies"));
    }
    return new long[] {total(statistic, "reference", reference), total(statistic, "production", production)};
  }

  /** Returns {@code bins} after checking that it is in {@code [min, MAX_BINS]}. */
  static int bins(String statistic, int bins, int min, int usual) {
    if (bins < min || bins > MAX_BINS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: bins is %d; it must be between %d and %d (%d is the usual choice)",
          statistic, bins, min, MAX_BINS, usual));
    }
    return bins;
  }

  static void notNull(String statistic, String name, Object value) {
    if (value == null) {
      throw new NullPointerException(statistic + ": " + name + " is null");
    }
  }

  private static long total(String statistic, String name, long[] counts) {
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: %s[%d] is %d; a count must not be negative", statistic, name, i, counts[i]));
      }
      if (counts[i] > Long.MAX_VALUE - total) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: %s counts add up to more than %d; scale them down", statistic, name, Long.MAX_VALUE));
      }
      total += counts[i];
    }
    if (total == 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s counts add up to 0; each side needs at least one observation", statistic, name));
    }
    return total;
  }
}
