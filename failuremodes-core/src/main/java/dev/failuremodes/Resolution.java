package dev.failuremodes;

import java.util.List;

/**
 * What one input resolved to.
 *
 * @param input the input as given
 * @param matches the symptoms it matched, best first; empty when it was not recognised
 */
public record Resolution(String input, List<SymptomMatch> matches) {
  /** Copies the list. */
  public Resolution {
    matches = List.copyOf(matches);
  }

  /** Returns whether the input matched at least one symptom. */
  public boolean recognized() {
    return !matches.isEmpty();
  }
}
