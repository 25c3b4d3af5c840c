package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import org.immutables.value.Value;

/** A symptom that points to a failure mode, with a weight saying how strongly it points there rather than elsewhere. */
@Value.Immutable
public abstract class Indicator {
  /** Where a value that breaks a rule was built, for the problem's location. */
  private static final String BUILT_BY = "Indicator.of(symptom, weight)";

  Indicator() {}

  /** Returns the id of the symptom. */
  @Value.Parameter
  public abstract String symptom();

  /** Returns the weight in (0, 1]: 1 means the symptom is nearly conclusive, 0.1 that it is common to many modes. */
  @Value.Parameter
  public abstract double weight();

  /**
   * Returns an indicator.
   *
   * @throws CatalogException if the id is malformed or the weight is outside (0, 1]; the message names the value
   */
  public static Indicator of(String symptom, double weight) {
    return ImmutableIndicator.of(symptom, weight);
  }

  @Value.Check
  void check() {
    Invariants.require(Rules.id("symptom", symptom()), "indicator", null, BUILT_BY);
    Invariants.require(Rules.weight(weight()), "indicator for", symptom(), BUILT_BY);
  }

  /** Returns {@code symptom×weight}. */
  @Override
  public String toString() {
    return symptom() + "×" + weight();
  }
}
