package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import org.immutables.value.Value;

/** A link from one failure mode to another, with the nature of the relation. */
@Value.Immutable
public abstract class RelatedMode {
  /** Where a value that breaks a rule was built, for the problem's location. */
  private static final String BUILT_BY = "RelatedMode.of(mode, relation)";

  RelatedMode() {}

  /** Returns the id of the other failure mode. */
  @Value.Parameter
  public abstract String mode();

  /** Returns how this mode relates to the other. */
  @Value.Parameter
  public abstract Relation relation();

  /**
   * Returns a related-mode link.
   *
   * @throws CatalogException if the mode's id is malformed; the message names it
   */
  public static RelatedMode of(String mode, Relation relation) {
    return ImmutableRelatedMode.of(mode, relation);
  }

  @Value.Check
  void check() {
    Invariants.require(Rules.id("mode", mode()), "related mode", null, BUILT_BY);
  }

  /** Returns {@code relation mode}, such as {@code "child-of data-leakage"}. */
  @Override
  public String toString() {
    return relation().id() + " " + mode();
  }
}
