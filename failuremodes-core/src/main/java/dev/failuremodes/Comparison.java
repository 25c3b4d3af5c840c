package dev.failuremodes;

import java.util.Arrays;
import java.util.Optional;

/** How a measured value is compared with a signal's threshold. */
public enum Comparison {
  /** The value is strictly above the threshold. */
  GREATER_THAN(">"),
  /** The value is at or above the threshold. */
  AT_LEAST(">="),
  /** The value is strictly below the threshold. */
  LESS_THAN("<"),
  /** The value is at or below the threshold. */
  AT_MOST("<=");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  /** Returns the symbol used in the catalog JSON, such as {@code ">="}. */
  public String symbol() {
    return symbol;
  }

  /** Returns whether {@code value} compared with {@code threshold} satisfies this comparator. */
  public boolean test(double value, double threshold) {
    switch (this) {
      case GREATER_THAN:
        return value > threshold;
      case AT_LEAST:
        return value >= threshold;
      case LESS_THAN:
        return value < threshold;
      default:
        return value <= threshold;
    }
  }

  /** Returns the comparator with the given symbol. */
  public static Optional<Comparison> find(String symbol) {
    return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
  }

  /** Returns the symbol. */
  @Override
  public String toString() {
    return symbol;
  }
}
