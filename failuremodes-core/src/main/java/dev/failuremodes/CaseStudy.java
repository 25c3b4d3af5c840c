package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import java.util.List;
import org.immutables.value.Value;

/** A documented case of one or more failure modes at a real organisation. */
@Value.Immutable
public abstract class CaseStudy {
  /** Where a value that breaks a rule was built, for the problem's location. */
  private static final String BUILT_BY = "CaseStudy.builder()";

  CaseStudy() {}

  /** Returns the stable kebab-case id. */
  public abstract String id();

  /** Returns the organisation where it happened. */
  public abstract String organisation();

  /** Returns the application domain, such as "demand forecasting". */
  public abstract String domain();

  /** Returns what happened, in a few sentences. */
  public abstract String summary();

  /** Returns the ids of the failure modes it illustrates. */
  public abstract List<String> failureModes();

  /** Returns the public sources for the case; empty only for examples carried over from the seed document. */
  public abstract List<Reference> references();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Rules.require(Rules.id("id", id()), "case study", BUILT_BY);
    String type = "case study '" + id() + "'";
    Rules.require(Rules.valueText("organisation", organisation()), type, BUILT_BY);
    Rules.require(Rules.valueText("domain", domain()), type, BUILT_BY);
    Rules.require(Rules.valueText("summary", summary()), type, BUILT_BY);
    failureModes().forEach(m -> Rules.require(Rules.id("failure mode", m), type, BUILT_BY));
  }

  /** Returns {@code CaseStudy[id: organisation, domain]}. */
  @Override
  public String toString() {
    return "CaseStudy[" + id() + ": " + organisation() + ", " + domain() + "]";
  }

  /** Builds a {@link CaseStudy}. */
  public static final class Builder extends ImmutableCaseStudy.Builder {
    Builder() {}

    /**
     * Returns the case study.
     *
     * @throws CatalogException if a required attribute is not set or a value breaks a rule; the message names it
     */
    @Override
    public CaseStudy build() {
      return Rules.build(super::build, "case study", BUILT_BY);
    }
  }
}
