package dev.failuremodes;

import java.util.Locale;

/**
 * A symptom that one input resolved to.
 *
 * @param symptom the symptom
 * @param confidence how sure the match is, in (0, 1]; 1 for an id, name or alias
 * @param kind how the match was made
 */
public record SymptomMatch(Symptom symptom, double confidence, MatchKind kind) {
  /** Returns {@code id (kind confidence)}. */
  @Override
  public String toString() {
    return symptom.id() + " (" + kind.id() + " " + String.format(Locale.ROOT, "%.2f", confidence) + ")";
  }
}
