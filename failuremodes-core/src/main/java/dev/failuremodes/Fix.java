package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import java.util.Optional;
import org.immutables.value.Value;

/** Something to do about one or more failure modes, with its leverage (how much it helps) and its effort. */
@Value.Immutable
public abstract class Fix {
  /** Where a value that breaks a rule was built, for the problem's location. */
  private static final String BUILT_BY = "Fix.builder()";

  Fix() {}

  /** Returns the stable kebab-case id. */
  public abstract String id();

  /** Returns the name, phrased as an action. */
  public abstract String name();

  /** Returns what to do, concretely. */
  public abstract String description();

  /** Returns the stage where the fix is applied. */
  public abstract Stage stage();

  /** Returns how much this fix tends to help when its failure mode is present. */
  public abstract Level leverage();

  /** Returns how much work it takes. */
  public abstract Level effort();

  /** Returns whether this fix is retired; retired ids stay resolvable forever. */
  @Value.Default
  public boolean deprecated() {
    return false;
  }

  /** Returns the id of the fix that replaces this retired one, if any. */
  public abstract Optional<String> replacedBy();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Invariants.require(Rules.id("id", id()), "fix", null, BUILT_BY);
    Invariants.require(Rules.valueText("name", name()), "fix", id(), BUILT_BY);
    Invariants.require(Rules.valueText("description", description()), "fix", id(), BUILT_BY);
    if (replacedBy().isPresent()) {
      Invariants.require(Rules.id("replacedBy", replacedBy().get()), "fix", id(), BUILT_BY);
    }
  }

  /** Returns {@code Fix[id: name (leverage leverage, effort effort)]}. */
  @Override
  public String toString() {
    return "Fix[" + id() + ": " + name() + " (leverage " + leverage() + ", effort " + effort() + ")]";
  }

  /** Builds a {@link Fix}. */
  public static final class Builder extends ImmutableFix.Builder {
    Builder() {}

    /**
     * Returns the fix.
     *
     * @throws CatalogException if a required attribute is not set or a value breaks a rule; the message names it
     */
    @Override
    public Fix build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw Rules.unbuilt(e, "fix", BUILT_BY);
      }
    }
  }
}
