package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import java.util.Optional;
import org.immutables.value.Value;

/** A paper, book, tool documentation or public write-up that supports a catalog entry. */
@Value.Immutable
public abstract class Reference {
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
    Invariants.require(Rules.text("title", title()), "reference", null);
    Invariants.require(Rules.text("authors", authors()), "reference", title());
    Invariants.require(Rules.year(year()), "reference", title());
    if (doi().isEmpty() && url().isEmpty()) {
      throw new IllegalStateException("Invalid reference '" + title() + "': a doi or a url is required");
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
  }
}
