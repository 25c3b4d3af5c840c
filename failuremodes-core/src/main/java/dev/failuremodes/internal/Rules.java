package dev.failuremodes.internal;

import dev.failuremodes.CatalogException;
import dev.failuremodes.CatalogProblem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The invariants of catalog values, stated once. Value types throw with these messages when built; the catalog
 * validator records the same messages against a JSON location. Each check returns the problem, or empty.
 */
public final class Rules {
  /** The id format: lowercase kebab-case, starting with a letter. */
  public static final Pattern ID = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");

  private Rules() {}

  /**
   * Returns whether a value is lowercase kebab-case, as {@link #ID} says, by a loop: the pattern's repeated group
   * recurses once per dash and overflows the stack on an id of thousands of segments.
   */
  public static boolean isId(String value) {
    if (value.isEmpty() || value.charAt(0) < 'a' || value.charAt(0) > 'z') {
      return false;
    }
    boolean dash = false;
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '-') {
        if (dash) {
          return false;
        }
        dash = true;
      } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        dash = false;
      } else {
        return false;
      }
    }
    return !dash;
  }

  /** Checks an id's format. */
  public static Optional<String> id(String attribute, String value) {
    if (value == null) {
      return Optional.of(attribute + " is required");
    }
    if (!isId(value)) {
      return Optional.of(
          attribute
              + " '"
              + value
              + "' is not lowercase kebab-case (expected letters, digits and single dashes, such as 'data-leakage')");
    }
    return Optional.empty();
  }

  /**
   * Set while the catalog validator runs: it has checked every text of its documents with {@link #text}, so the
   * values it builds from them skip the character scan in {@link #valueText}, which is a sixth of a load's time.
   */
  private static final ThreadLocal<Boolean> VALIDATING = new ThreadLocal<>();

  /** Runs the catalog validator's work; see {@link #valueText}. */
  public static <T> T validating(Supplier<T> work) {
    VALIDATING.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      VALIDATING.remove();
    }
  }

  /**
   * Checks a value's text as {@link #text} does, except that the character scan is skipped for values the catalog
   * validator builds, whose texts it has scanned already.
   */
  public static Optional<String> valueText(String attribute, String value) {
    if (VALIDATING.get() == null || value == null || value.isBlank()) {
      return text(attribute, value);
    }
    return Optional.empty();
  }

  /** Checks that a text is present, not blank, and holds only characters a text may hold (see {@link #characters}). */
  public static Optional<String> text(String attribute, String value) {
    if (value == null) {
      return Optional.of(attribute + " is required");
    }
    if (value.isBlank()) {
      return Optional.of(attribute + " must not be blank");
    }
    // No lambda here: this runs for every text of the catalog on the first load, where a lambda spins a class.
    Optional<String> problem = characters(value);
    return problem.isEmpty() ? problem : Optional.of(attribute + " " + problem.get());
  }

  /**
   * Checks that a text holds no control character but tab, line feed and carriage return, and no lone surrogate (half
   * of a character that needs two UTF-16 units). Returns the problem without the attribute's name, such as {@code
   * "contains the control character U+0000 at character 6; ..."}.
   */
  public static Optional<String> characters(String value) {
    // Every text of a catalog passes here: one branch-free pass finds whether any character is below U+0020 or above
    // U+D7FF, and only then is the text looked at closely.
    int outside = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      outside |= (c - 0x20) | (0xD7FF - c);
    }
    return outside < 0 ? characterProblem(value) : Optional.empty();
  }

  private static Optional<String> characterProblem(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < Character.MIN_SURROGATE) {
        continue;
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return Optional.of("contains the control character " + codePoint(c) + " at character " + (i + 1)
            + "; remove it (text may hold tabs and line breaks but no other control character)");
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("contains a lone surrogate " + codePoint(c) + " at character " + (i + 1)
            + " (half of a character: the text was cut or mis-encoded); remove it or write the whole character");
      }
    }
    return Optional.empty();
  }

  private static String codePoint(char c) {
    String hex = Integer.toHexString(c).toUpperCase(Locale.ROOT);
    return "U+" + "0".repeat(4 - hex.length()) + hex;
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

  /**
   * Throws a {@link CatalogException} with the problem, if there is one.
   *
   * @param value the value, such as {@code "symptom 'data-drift'"}: the problem's source
   * @param builtBy the method that built it, such as {@code "Symptom.builder()"}: the problem's location
   */
  public static void require(Optional<String> problem, String value, String builtBy) {
    if (problem.isPresent()) {
      throw new CatalogException(List.of(new CatalogProblem(value, builtBy, problem.get())));
    }
  }

  /**
   * Turns a generated builder's {@link IllegalStateException} for attributes left unset into a
   * {@link CatalogException} that names them; the checks of the value itself already throw one. Builders call it
   * from a plain try/catch rather than through a lambda, which would spin a class on the first catalog load.
   *
   * @param value what is built, such as {@code "symptom"}
   * @param builtBy the builder, such as {@code "Symptom.builder()"}
   */
  public static CatalogException unbuilt(IllegalStateException e, String value, String builtBy) {
    // Immutables says "Cannot build Symptom, some of required attributes are not set [stage, description]".
    String message = String.valueOf(e.getMessage());
    int open = message.lastIndexOf('[');
    int close = message.lastIndexOf(']');
    String attributes = open >= 0 && close > open ? message.substring(open + 1, close) : message;
    boolean one = !attributes.contains(",");
    return new CatalogException(
        List.of(new CatalogProblem(value, builtBy, "missing required attribute" + (one ? " " : "s ") + attributes
            + "; set " + (one ? "it" : "them") + " before build()")),
        e);
  }
}
