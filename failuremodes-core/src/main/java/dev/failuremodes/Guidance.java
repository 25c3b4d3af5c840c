package dev.failuremodes;

import java.util.List;
import org.immutables.value.Value;

/**
 * How to reason about and explain ML failures, for design reviews and interviews: the questions people are asked,
 * what those questions assess, the debugging-order framing and a self-check list.
 */
@Value.Immutable
public abstract class Guidance {
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

  /** Returns a count of each part. */
  @Override
  public String toString() {
    return "Guidance[" + probes().size() + " probes, " + checklist().size() + " checklist items]";
  }

  /** Builds a {@link Guidance}. */
  public static final class Builder extends ImmutableGuidance.Builder {
    Builder() {}
  }
}
