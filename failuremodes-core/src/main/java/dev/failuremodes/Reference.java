package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import java.util.Optional;
import org.immutables.value.Value;

/** A paper, book, tool documentation or public write-up that supports a catalog entry. */
@Value.Immutable
public abstract class Reference {
  /** Where a value that breaks a rule was built, for the problem's location. */
  private static final String BUILT_BY = "Reference.builder()";

  Reference() {}

  /** Returns the title. */
  public abstract String title();

  /** Returns the authors or the publishing organisation. */
  public abstract String authors();

  /** Returns the year of publication. */
  public abstract int year();

  /** Returns the DOI, such as {@code 10.1016/j.patter.2023.100804}, if it has one. */
  public abstract Optional<String> doi();

  /** Returns a URL where it can be read, if any. */
  public abstract Optional<String> url();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Invariants.require(Rules.valueText("title", title()), "reference", null, BUILT_BY);
    Invariants.require(Rules.valueText("authors", authors()), "reference", title(), BUILT_BY);
    Invariants.require(Rules.year(year()), "reference", title(), BUILT_BY);
    if (doi().isEmpty() && url().isEmpty()) {
      Rules.require(Optional.of("a doi or a url is required"), "reference '" + title() + "'", BUILT_BY);
    }
  }

  /** Returns {@code authors (year). title}. */
  @Override
  public String toString() {
    return authors() + " (" + year() + "). " + title();
  }

  /** Builds a {@link Reference}. */
  public static final class Builder extends ImmutableReference.Builder {
    Builder() {}

    /**
     * Returns the reference.
     *
     * @throws CatalogException if a required attribute is not set or a value breaks a rule; the message names it
     */
    @Override
    public Reference build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw Rules.unbuilt(e, "reference", BUILT_BY);
      }
    }
  }
}
