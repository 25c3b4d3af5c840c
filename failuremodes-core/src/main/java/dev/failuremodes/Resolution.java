package dev.failuremodes;

import java.util.List;

/**
 * What one input resolved to: the symptoms it describes, and the failure modes it names outright ("data leakage",
 * "we think it is concept drift").
 *
 * @param input the input as given
 * @param matches the symptoms it matched, best first
 * @param namedModes the failure modes whose id, name or alias it contains, in catalog order
 */
public record Resolution(String input, List<SymptomMatch> matches, List<FailureMode> namedModes) {
  /** Copies the lists. */
  public Resolution {
    matches = List.copyOf(matches);
    namedModes = List.copyOf(namedModes);
  }

  /** Returns whether the input matched a symptom or named a failure mode. */
  public boolean recognized() {
    return !matches.isEmpty() || !namedModes.isEmpty();
  }
}
