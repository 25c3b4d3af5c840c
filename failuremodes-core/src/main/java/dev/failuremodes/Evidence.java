package dev.failuremodes;

import java.util.Objects;
import java.util.Optional;

/**
 * One input's support for a candidate.
 *
 * @param input the input as given
 * @param symptom the id of the symptom the input resolved to; empty when the input named the failure mode itself
 * @param contribution the amount it adds before the candidate's evidence is combined: weight × confidence ×
 *     specificity for a symptom, a fixed 0.9 for a failure mode named outright
 */
public record Evidence(String input, Optional<String> symptom, double contribution) {
  /** Checks that no component is null. */
  public Evidence {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(symptom, "symptom");
  }

  /** Returns whether the input named the failure mode itself rather than describing a symptom of it. */
  public boolean named() {
    return symptom.isEmpty();
  }

  /** Returns the symptom id, or {@code named} when the input named the failure mode. */
  public String via() {
    return symptom.orElse("named");
  }
}
