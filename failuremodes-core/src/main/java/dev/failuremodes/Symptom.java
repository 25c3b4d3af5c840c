package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** Something that can be observed about a model or system, such as a large train-test gap or a PSI alert. */
@Value.Immutable
public abstract class Symptom {
  /** Where a value that breaks a rule was built, for the problem's location. */
  private static final String BUILT_BY = "Symptom.builder()";

  Symptom() {}

  /** Returns the stable kebab-case id. */
  public abstract String id();

  /** Returns the name a practitioner would use. */
  public abstract String name();

  /** Returns the stage where this symptom is usually first seen. */
  public abstract Stage stage();

  /** Returns what the symptom looks like, in a sentence or two. */
  public abstract String description();

  /** Returns other phrasings of the same observation used by people, alert titles and monitoring tools. */
  public abstract List<String> aliases();

  /** Returns measurable forms of this symptom; empty when it is only observed qualitatively. */
  public abstract List<Signal> signals();

  /** Returns whether this symptom is retired; retired ids stay resolvable forever. */
  @Value.Default
  public boolean deprecated() {
    return false;
  }

  /** Returns the id of the symptom that replaces this retired one, if any. */
  public abstract Optional<String> replacedBy();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Invariants.require(Rules.id("id", id()), "symptom", null, BUILT_BY);
    Invariants.require(Rules.valueText("name", name()), "symptom", id(), BUILT_BY);
    Invariants.require(Rules.valueText("description", description()), "symptom", id(), BUILT_BY);
    for (String alias : aliases()) {
      Invariants.require(Rules.valueText("alias", alias), "symptom", id(), BUILT_BY);
    }
    if (replacedBy().isPresent()) {
      Invariants.require(Rules.id("replacedBy", replacedBy().get()), "symptom", id(), BUILT_BY);
    }
  }

  /** Returns {@code Symptom[id: name]}. */
  @Override
  public String toString() {
    return "Symptom[" + id() + ": " + name() + "]";
  }

  /** Builds a {@link Symptom}. */
  public static final class Builder extends ImmutableSymptom.Builder {
    Builder() {}

    /**
     * Returns the symptom.
     *
     * @throws CatalogException if a required attribute is not set or a value breaks a rule; the message names it
     */
    @Override
    public Symptom build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw Rules.unbuilt(e, "symptom", BUILT_BY);
      }
    }
  }
}
