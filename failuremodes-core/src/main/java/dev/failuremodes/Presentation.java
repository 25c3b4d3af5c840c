package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import org.immutables.value.Value;

/**
 * How a failure mode showed up in a real case: what people observed, in their words, and briefly what the cause
 * turned out to be, with the public source it comes from (a study, a postmortem, a tool's documentation).
 */
@Value.Immutable
public abstract class Presentation {
  /** Where a value that breaks a rule was built, for the problem's location. */
  private static final String BUILT_BY = "Presentation.builder()";

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
    Invariants.require(Rules.valueText("text", text()), "presentation", null, BUILT_BY);
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

    /**
     * Returns the presentation.
     *
     * @throws CatalogException if a required attribute is not set or a value breaks a rule; the message names it
     */
    @Override
    public Presentation build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw Rules.unbuilt(e, "presentation", BUILT_BY);
      }
    }
  }
}
