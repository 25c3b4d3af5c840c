package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A way to confirm or rule out a failure mode, with how reliably it does so. From schemaVersion 3 it is also a
 * <em>check</em> in a differential diagnosis: it has a stable {@link #id()}, says what it {@link #observes()} and
 * what a {@link #positive()} and a {@link #negative()} result mean, and {@link #predicts()} the outcome each failure
 * mode would give, so that its result counts for some modes and against others.
 */
@Value.Immutable
public abstract class DetectionMethod {
  /** Where a value that breaks a rule was built, for the problem's location. */
  private static final String BUILT_BY = "DetectionMethod.builder()";

  DetectionMethod() {}

  /**
   * Returns the check's stable kebab-case id, unique across the catalog, such as {@code
   * "logged-feature-comparison"}; empty in catalogs of schemaVersion 1 and 2.
   */
  public abstract Optional<String> id();

  /** Returns the method's short name, such as "Shuffled-label test". */
  public abstract String name();

  /** Returns how to carry it out and what result confirms the failure mode. */
  public abstract String description();

  /** Returns how reliably this method confirms or rules out the failure mode. */
  public abstract Level effectiveness();

  /** Returns how much work the check is to run, if the catalog says; {@link Level#MEDIUM} is assumed otherwise. */
  public abstract Optional<Level> effort();

  /**
   * Returns the question the check answers, phrased so that yes is a positive result, such as "For the same
   * requests, do the features logged at serving time differ from the values the training pipeline computes?".
   */
  public abstract Optional<String> observes();

  /** Returns what a positive result means, in words, such as "serving features differ from training". */
  public abstract Optional<String> positive();

  /** Returns what a negative result means, in words, such as "serving features match training". */
  public abstract Optional<String> negative();

  /**
   * Returns, by failure-mode id, the outcome the check would give if that mode were the cause; a mode that is not
   * listed makes no prediction. Empty for a detection method that is no check.
   */
  public abstract Map<String, Outcome> predicts();

  /** Returns where the check's convention (a threshold, a test, the method itself) comes from, if it has a source. */
  public abstract Optional<Reference> source();

  /** Returns the outcome the check predicts for a failure mode, or empty when it makes no prediction for it. */
  public Optional<Outcome> prediction(String modeId) {
    return Optional.ofNullable(predicts().get(modeId));
  }

  /**
   * Returns what a result means in words: {@link #positive()} or {@link #negative()}, or, for a method without
   * them, {@code "<name>: <outcome>"}.
   */
  public String meaning(Outcome outcome) {
    Optional<String> text = outcome == Outcome.POSITIVE ? positive() : negative();
    return text.orElseGet(() -> name() + ": " + outcome.id());
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Invariants.require(Rules.valueText("name", name()), "detection method", null, BUILT_BY);
    Invariants.require(Rules.valueText("description", description()), "detection method", name(), BUILT_BY);
    if (id().isPresent()) {
      Invariants.require(Rules.id("id", id().get()), "detection method", name(), BUILT_BY);
    }
    if (observes().isPresent()) {
      Invariants.require(Rules.valueText("observes", observes().get()), "detection method", name(), BUILT_BY);
    }
    if (positive().isPresent()) {
      Invariants.require(Rules.valueText("positive", positive().get()), "detection method", name(), BUILT_BY);
    }
    if (negative().isPresent()) {
      Invariants.require(Rules.valueText("negative", negative().get()), "detection method", name(), BUILT_BY);
    }
    for (String mode : predicts().keySet()) {
      Invariants.require(Rules.id("predicted mode", mode), "detection method", name(), BUILT_BY);
    }
  }

  /** Returns {@code name (effectiveness)}, or {@code id: name (effectiveness)} for a check with an id. */
  @Override
  public String toString() {
    return id().map(id -> id + ": ").orElse("") + name() + " (" + effectiveness() + ")";
  }

  /** Builds a {@link DetectionMethod}. */
  public static final class Builder extends ImmutableDetectionMethod.Builder {
    Builder() {}

    /**
     * Returns the detection method.
     *
     * @throws CatalogException if a required attribute is not set or a value breaks a rule; the message names it
     */
    @Override
    public DetectionMethod build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw Rules.unbuilt(e, "detection method", BUILT_BY);
      }
    }
  }
}
