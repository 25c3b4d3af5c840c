package dev.failuremodes.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The invariants of catalog values, stated once. Value types throw with these messages when built; the catalog
 * validator records the same messages against a JSON location. Each check returns the problem, or empty.
 */
public final class Rules {
  /** The id format: lowercase kebab-case, starting with a letter. */
  public static final Pattern ID = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");

  private Rules() {}

  /** Checks an id's format. */
  public static Optional<String> id(String attribute, String value) {
    if (value == null) {
      return Optional.of(attribute + " is required");
    }
    if (!ID.matcher(value).matches()) {
      return Optional.of(
          attribute
              + " '"
              + value
              + "' is not lowercase kebab-case (expected letters, digits and single dashes, such as 'data-leakage')");
    }
    return Optional.empty();
  }

  /** Checks that a text is present and not blank. */
  public static Optional<String> text(String attribute, String value) {
    if (value == null) {
      return Optional.of(attribute + " is required");
    }
    if (value.isBlank()) {
      return Optional.of(attribute + " must not be blank");
    }
    return Optional.empty();
  }

  /** Checks an indicator weight: a number in (0, 1]. */
  public static Optional<String> weight(double value) {
    if (!(value > 0.0 && value <= 1.0)) {
      return Optional.of("weight " + value + " is out of range; a weight must be in (0, 1]");
    }
    return Optional.empty();
  }

  /** Checks a publication year. */
  public static Optional<String> year(int value) {
    if (value < 1900 || value > 2100) {
      return Optional.of("year " + value + " is out of range; expected a year between 1900 and 2100");
    }
    return Optional.empty();
  }

  /** Throws {@link IllegalStateException} with the problem, if there is one. */
  public static void require(Optional<String> problem, String type) {
    problem.ifPresent(
        p -> {
          throw new IllegalStateException("Invalid " + type + ": " + p);
        });
  }
}
