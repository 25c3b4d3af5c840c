package dev.failuremodes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The result of a check: it found what it looks for, or it did not. A check's predictions say which outcome each
 * failure mode would give, so that a result is evidence for some modes and against others.
 */
public enum Outcome {
  /** The check found what it looks for, such as serving features that differ from training. */
  POSITIVE,
  /** The check came back clean. */
  NEGATIVE;

  private final String id = name().toLowerCase(Locale.ROOT);

  /** Returns the lowercase id used in the catalog JSON: {@code "positive"} or {@code "negative"}. */
  public String id() {
    return id;
  }

  /** Returns the outcome with this id, ignoring case and surrounding spaces. */
  public static Optional<Outcome> find(String id) {
    return Arrays.stream(values()).filter(o -> o.id().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
  }

  /**
   * Reads an outcome as people type it: {@code positive}, {@code pos}, {@code p}, {@code yes}, {@code y} or
   * {@code +}; {@code negative}, {@code neg}, {@code n}, {@code no} or {@code -}; any case.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException for anything else; the message lists the valid answers
   */
  public static Outcome parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (POSITIVE_WORDS.contains(t)) {
      return POSITIVE;
    }
    if (NEGATIVE_WORDS.contains(t)) {
      return NEGATIVE;
    }
    throw new IllegalArgumentException("Unknown outcome '" + text + "'; answer positive (the check found it: "
        + String.join(", ", POSITIVE_WORDS) + ") or negative (it came back clean: " + String.join(", ",
        NEGATIVE_WORDS) + ")");
  }

  private static final List<String> POSITIVE_WORDS = List.of("positive", "pos", "p", "yes", "y", "+");
  private static final List<String> NEGATIVE_WORDS = List.of("negative", "neg", "n", "no", "-");

  /** Returns the id. */
  @Override
  public String toString() {
    return id();
  }
}
