package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import org.immutables.value.Value;

/**
 * How a failure mode showed up in a real case: what people observed, in their words, and briefly what the cause
 * turned out to be, with the public source it comes from (a study, a postmortem, a tool's documentation).
 */
@Value.Immutable
public abstract class Presentation {
  Presentation() {}

  /** Returns the account, one to three sentences. */
  public abstract String text();

  /** Returns the public source of the account. */
  public abstract Reference source();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Invariants.require(Rules.text("text", text()), "presentation", null);
  }

  /** Returns the account's first 60 characters and its source's year. */
  @Override
  public String toString() {
    String t = text().length() > 60 ? text().substring(0, 57) + "..." : text();
    return "Presentation[" + t + " (" + source().authors() + ", " + source().year() + ")]";
  }

  /** Builds a {@link Presentation}. */
  public static final class Builder extends ImmutablePresentation.Builder {
    Builder() {}
  }
}
