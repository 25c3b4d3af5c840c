package dev.failuremodes;

import java.util.List;

/**
 * An input that matched no symptom, with the nearest symptom ids.
 *
 * @param input the input as given
 * @param suggestions up to three symptom ids that come closest, best first
 */
public record Unrecognized(String input, List<String> suggestions) {
  /** Copies the list. */
  public Unrecognized {
    suggestions = List.copyOf(suggestions);
  }

  /** Returns {@code 'input' (did you mean ...)}. */
  @Override
  public String toString() {
    return "'" + input + "'" + (suggestions.isEmpty() ? "" : " (did you mean " + String.join(", ", suggestions) + "?)");
  }
}
