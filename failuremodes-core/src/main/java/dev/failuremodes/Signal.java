package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A measurable form of a symptom: the symptom is present when {@code metric comparator threshold} holds, for example
 * {@code psi > 0.25}.
 */
@Value.Immutable
public abstract class Signal {
  /** Where a value that breaks a rule was built, for the problem's location. */
  private static final String BUILT_BY = "Signal.builder()";

  Signal() {}

  /** Returns the metric's name, such as {@code "psi"}. */
  public abstract String metric();

  /** Returns how a measured value is compared with the threshold. */
  public abstract Comparison comparator();

  /** Returns the threshold. */
  public abstract double threshold();

  /** Returns where the threshold convention comes from, such as a tool's documentation or a paper. */
  public abstract String source();

  /** Returns whether a measured value of this signal's metric shows the symptom. */
  public boolean matches(double value) {
    return comparator().test(value, threshold());
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Invariants.require(Rules.valueText("metric", metric()), "signal", null, BUILT_BY);
    Invariants.require(Rules.valueText("source", source()), "signal", null, BUILT_BY);
    if (!Double.isFinite(threshold())) {
      Rules.require(Optional.of("threshold must be a finite number, was " + threshold()), "signal", BUILT_BY);
    }
  }

  /** Returns {@code metric comparator threshold}, such as {@code "psi > 0.25"}. */
  @Override
  public String toString() {
    return metric() + " " + comparator().symbol() + " " + threshold();
  }

  /** Builds a {@link Signal}. */
  public static final class Builder extends ImmutableSignal.Builder {
    Builder() {}

    /**
     * Returns the signal.
     *
     * @throws CatalogException if a required attribute is not set or a value breaks a rule; the message names it
     */
    @Override
    public Signal build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw Rules.unbuilt(e, "signal", BUILT_BY);
      }
    }
  }
}
