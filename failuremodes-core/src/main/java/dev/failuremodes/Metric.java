package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * A quantity that can be measured about a model or its data, such as {@code psi} or {@code cohens-kappa}: its names
 * in text, tools and code, and the range its values can take. Symptoms' signals refer to metrics by id; an {@link
 * dev.failuremodes.signals.Observation} gives one a value.
 */
@Value.Immutable
public abstract class Metric {
  /** Where a value that breaks a rule was built, for the problem's location. */
  private static final String BUILT_BY = "Metric.builder()";

  Metric() {}

  /** Returns the stable kebab-case id, such as {@code "ks-p-value"}. */
  public abstract String id();

  /** Returns the name a practitioner would use, such as "Kolmogorov-Smirnov p-value". */
  public abstract String name();

  /** Returns what the metric measures, in a sentence. */
  public abstract String description();

  /** Returns other names of the metric in text, tool reports and code, such as {@code "ks_pvalue"}. */
  public abstract List<String> aliases();

  /** Returns the smallest valid value, if the metric has one. */
  public abstract OptionalDouble min();

  /** Returns the largest valid value, if the metric has one. */
  public abstract OptionalDouble max();

  /** Returns whether a value is finite and within the metric's range. */
  public boolean accepts(double value) {
    return Double.isFinite(value) && (min().isEmpty() || value >= min().getAsDouble())
        && (max().isEmpty() || value <= max().getAsDouble());
  }

  /** Returns the valid range in words, such as {@code "[0, 1]"} or {@code "at least 0"} or {@code "any number"}. */
  public String range() {
    if (min().isPresent() && max().isPresent()) {
      return "[" + format(min().getAsDouble()) + ", " + format(max().getAsDouble()) + "]";
    }
    if (min().isPresent()) {
      return "at least " + format(min().getAsDouble());
    }
    return max().isPresent() ? "at most " + format(max().getAsDouble()) : "any finite number";
  }

  private static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Invariants.require(Rules.id("id", id()), "metric", null, BUILT_BY);
    Invariants.require(Rules.valueText("name", name()), "metric", id(), BUILT_BY);
    Invariants.require(Rules.valueText("description", description()), "metric", id(), BUILT_BY);
    for (String alias : aliases()) {
      Invariants.require(Rules.valueText("alias", alias), "metric", id(), BUILT_BY);
    }
    if (min().isPresent() && max().isPresent() && min().getAsDouble() > max().getAsDouble()) {
      Invariants.require(
          java.util.Optional.of("min " + min().getAsDouble() + " is above max " + max().getAsDouble()), "metric", id(), BUILT_BY);
    }
  }

  /** Returns {@code Metric[id: name]}. */
  @Override
  public String toString() {
    return "Metric[" + id() + ": " + name() + "]";
  }

  /** Builds a {@link Metric}. */
  public static final class Builder extends ImmutableMetric.Builder {
    Builder() {}

    /**
     * Returns the metric.
     *
     * @throws CatalogException if a required attribute is not set or a value breaks a rule; the message names it
     */
    @Override
    public Metric build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw Rules.unbuilt(e, "metric", BUILT_BY);
      }
    }
  }
}
