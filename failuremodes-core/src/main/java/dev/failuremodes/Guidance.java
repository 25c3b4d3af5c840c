package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import java.util.List;
import org.immutables.value.Value;

/**
 * How to reason about and explain ML failures, for design reviews and interviews: the questions people are asked,
 * what those questions assess, the debugging-order framing and a self-check list.
 */
@Value.Immutable
public abstract class Guidance {
  /** Where a value that breaks a rule was built, for the problem's location. */
  private static final String BUILT_BY = "Guidance.builder()";

  Guidance() {}

  /** Returns the questions used to probe someone's experience with failing ML systems. */
  public abstract List<String> probes();

  /** Returns the qualities those questions assess. */
  public abstract List<String> assesses();

  /** Returns a short statement of the debugging-order framing. */
  public abstract String framing();

  /** Returns a self-check list of what someone should be able to do. */
  public abstract List<String> checklist();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Invariants.require(Rules.valueText("framing", framing()), "guidance", null, BUILT_BY);
    for (String p : probes()) {
      Invariants.require(Rules.valueText("probe", p), "guidance", null, BUILT_BY);
    }
    for (String a : assesses()) {
      Invariants.require(Rules.valueText("assessed quality", a), "guidance", null, BUILT_BY);
    }
    for (String c : checklist()) {
      Invariants.require(Rules.valueText("checklist item", c), "guidance", null, BUILT_BY);
    }
  }

  /** Returns a count of each part. */
  @Override
  public String toString() {
    return "Guidance[" + probes().size() + " probes, " + checklist().size() + " checklist items]";
  }

  /** Builds a {@link Guidance}. */
  public static final class Builder extends ImmutableGuidance.Builder {
    Builder() {}

    /**
     * Returns the guidance.
     *
     * @throws CatalogException if a required attribute is not set or a value breaks a rule; the message names it
     */
    @Override
    public Guidance build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw Rules.unbuilt(e, "guidance", BUILT_BY);
      }
    }
  }
}
