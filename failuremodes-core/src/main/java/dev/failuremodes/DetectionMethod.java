package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import org.immutables.value.Value;

/** A way to confirm or rule out a failure mode, with how reliably it does so. */
@Value.Immutable
public abstract class DetectionMethod {
  /** Where a value that breaks a rule was built, for the problem's location. */
  private static final String BUILT_BY = "DetectionMethod.builder()";

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
    Rules.require(Rules.valueText("name", name()), "detection method", BUILT_BY);
    Rules.require(Rules.valueText("description", description()), "detection method '" + name() + "'", BUILT_BY);
  }

  /** Returns {@code name (effectiveness)}. */
  @Override
  public String toString() {
    return name() + " (" + effectiveness() + ")";
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
      return Rules.build(super::build, "detection method", BUILT_BY);
    }
  }
}
