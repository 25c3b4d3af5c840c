package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A specific way a machine-learning system fails: a root cause, the symptoms that point to it, how it happens, how
 * to confirm it and what to do about it.
 */
@Value.Immutable
public abstract class FailureMode {
  /** Where a value that breaks a rule was built, for the problem's location. */
  private static final String BUILT_BY = "FailureMode.builder()";

  FailureMode() {}

  /** Returns the stable kebab-case id, such as {@code "data-leakage"}. */
  public abstract String id();

  /** Returns the name a practitioner would use. */
  public abstract String name();

  /** Returns the lifecycle stage where the cause lives (not where it is noticed). */
  public abstract Stage stage();

  /** Returns a one-sentence summary, short enough for an alert. */
  public abstract String summary();

  /** Returns a plain-words description of the failure. */
  public abstract String description();

  /** Returns other names for this failure mode. */
  public abstract List<String> aliases();

  /** Returns the symptoms that point to this mode, each with its weight. */
  public abstract List<Indicator> indicators();

  /** Returns the concrete mechanisms by which this failure happens. */
  public abstract List<String> mechanisms();

  /** Returns the ids of the fixes for this mode, in the order they should be tried. */
  public abstract List<String> fixes();

  /** Returns the ways to confirm or rule out this mode. */
  public abstract List<DetectionMethod> detection();

  /** Returns the links to related failure modes. */
  public abstract List<RelatedMode> related();

  /** Returns the literature and public write-ups that support this entry. */
  public abstract List<Reference> references();

  /** Returns how this failure showed up in real cases, each with its source; empty in schemaVersion 1 catalogs. */
  public abstract List<Presentation> presentations();

  /** Returns whether this failure mode is retired; retired ids stay resolvable forever. */
  @Value.Default
  public boolean deprecated() {
    return false;
  }

  /** Returns the id of the failure mode that replaces this retired one, if any. */
  public abstract Optional<String> replacedBy();

  /** Returns the weight this mode gives to a symptom, or empty if the symptom is not one of its indicators. */
  public Optional<Double> weightOf(String symptomId) {
    for (Indicator i : indicators()) {
      if (i.symptom().equals(symptomId)) {
        return Optional.of(i.weight());
      }
    }
    return Optional.empty();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    String kind = "failure mode";
    Invariants.require(Rules.id("id", id()), kind, null, BUILT_BY);
    Invariants.require(Rules.valueText("name", name()), kind, id(), BUILT_BY);
    Invariants.require(Rules.valueText("summary", summary()), kind, id(), BUILT_BY);
    Invariants.require(Rules.valueText("description", description()), kind, id(), BUILT_BY);
    for (String alias : aliases()) {
      Invariants.require(Rules.valueText("alias", alias), kind, id(), BUILT_BY);
    }
    for (String mechanism : mechanisms()) {
      Invariants.require(Rules.valueText("mechanism", mechanism), kind, id(), BUILT_BY);
    }
    for (String fix : fixes()) {
      Invariants.require(Rules.id("fix", fix), kind, id(), BUILT_BY);
    }
    if (replacedBy().isPresent()) {
      Invariants.require(Rules.id("replacedBy", replacedBy().get()), kind, id(), BUILT_BY);
    }
  }

  /** Returns {@code FailureMode[id: name (stage)]}. */
  @Override
  public String toString() {
    return "FailureMode[" + id() + ": " + name() + " (" + stage().id() + ")]";
  }

  /** Builds a {@link FailureMode}. */
  public static final class Builder extends ImmutableFailureMode.Builder {
    Builder() {}

    /**
     * Returns the failure mode.
     *
     * @throws CatalogException if a required attribute is not set or a value breaks a rule; the message names it
     */
    @Override
    public FailureMode build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw Rules.unbuilt(e, "failure mode", BUILT_BY);
      }
    }
  }
}
