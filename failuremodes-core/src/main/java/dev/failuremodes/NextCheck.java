package dev.failuremodes;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A check worth running next: the one that best tells the top suspects apart comes first. Answer it with {@link
 * Query#checked(String, Outcome)} and diagnose again.
 *
 * <p>The expected gain is the expected fall, in bits, of the uncertainty (entropy) over the candidates once the
 * result is known: the mutual information between the check's outcome and the cause, with the candidates' scores
 * normalised into shares (and the chance that the cause is none of them), each mode giving the outcome the check
 * predicts for it with a probability set by the check's effectiveness and a mode without a prediction either
 * outcome evenly. Checks are ordered by that gain per unit of effort.
 *
 * @param check the check: its id, name, what it observes and what each result means
 * @param ifPositive the candidates a positive result favours (those the check predicts positive), most likely first
 * @param ifNegative the candidates a negative result favours (those the check predicts negative), most likely first
 * @param expectedGain the expected reduction in uncertainty over the candidates, in bits
 * @param gainPerEffort the expected gain divided by the cost of the check's effort; the order of next checks
 */
public record NextCheck(
    DetectionMethod check, List<String> ifPositive, List<String> ifNegative, double expectedGain,
    double gainPerEffort) {
  /** Checks that the check has an id and copies the lists. */
  public NextCheck {
    Objects.requireNonNull(check, "check");
    if (check.id().isEmpty()) {
      throw new IllegalArgumentException("a next check needs a check with an id: " + check);
    }
    ifPositive = List.copyOf(ifPositive);
    ifNegative = List.copyOf(ifNegative);
  }

  /** Returns the check's id, such as {@code "logged-feature-comparison"}. */
  public String id() {
    return check.id().orElseThrow();
  }

  /**
   * Returns which candidates each result favours, in words: {@code "positive → training-serving-skew; negative →
   * data-drift, concept-drift"}; when a negative result favours no candidate, {@code "negative → against ..."}
   * the ones a positive result would favour.
   */
  public String favours() {
    String positive = ifPositive.isEmpty() ? "against " + String.join(", ", ifNegative) : String.join(", ", ifPositive);
    String negative = ifNegative.isEmpty() ? "against " + String.join(", ", ifPositive) : String.join(", ", ifNegative);
    return "positive → " + positive + "; negative → " + negative;
  }

  /** Returns {@code id (favours, gain bits, effort)} in one line. */
  @Override
  public String toString() {
    return id() + " (" + favours() + "; " + String.format(Locale.ROOT, "%.2f", expectedGain) + " bits, effort "
        + check.effort().orElse(Level.MEDIUM) + ")";
  }
}
