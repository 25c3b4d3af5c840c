package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import org.immutables.value.Value;

/** A way to confirm or rule out a failure mode, with how reliably it does so. */
@Value.Immutable
public abstract class DetectionMethod {
  DetectionMethod() {}

  /** Returns the method's short name, such as "Shuffled-label test". */
  public abstract String name();

  /** Returns how to carry it out and what result confirms the failure mode. */
  public abstract String description();

  /** Returns how reliably this method confirms or rules out the failure mode. */
  public abstract Level effectiveness();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Invariants.require(Rules.text("name", name()), "detection method", null);
    Invariants.require(Rules.text("description", description()), "detection method", name());
  }

  /** Returns {@code name (effectiveness)}. */
  @Override
  public String toString() {
    return name() + " (" + effectiveness() + ")";
  }

  /** Builds a {@link DetectionMethod}. */
  public static final class Builder extends ImmutableDetectionMethod.Builder {
    Builder() {}
  }
}
