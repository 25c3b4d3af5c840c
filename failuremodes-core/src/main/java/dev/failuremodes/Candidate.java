package dev.failuremodes;

import java.util.List;
import java.util.Locale;

/**
 * A failure mode that may explain the inputs, with its score and the evidence for it.
 *
 * @param rank 1 for the most likely
 * @param failureMode the failure mode
 * @param score in [0, 1]: the combined evidence, comparable within one diagnosis
 * @param evidence the inputs that supported it, strongest first
 * @param explanation one sentence saying why it is ranked here
 */
public record Candidate(int rank, FailureMode failureMode, double score, List<Evidence> evidence, String explanation) {
  /** Copies the list. */
  public Candidate {
    evidence = List.copyOf(evidence);
  }

  /** Returns the failure mode's id. */
  public String id() {
    return failureMode.id();
  }

  /** Returns {@code #rank id score}. */
  @Override
  public String toString() {
    return "#" + rank + " " + failureMode.id() + " " + String.format(Locale.ROOT, "%.2f", score);
  }
}
