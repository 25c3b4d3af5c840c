package dev.failuremodes.signals;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One measured value of a metric, such as {@code psi = 0.31} on feature {@code age}: an input to a diagnosis beside
 * text. The metric is named by its catalog id or any of its aliases ({@code "psi"}, {@code "PSI"}, {@code
 * "population stability index"}); a name the catalog does not know is reported as unrecognised, with suggestions.
 * Immutable; each refinement returns a new observation.
 *
 * <pre>{@code
 * Observation.of("psi", 0.31).feature("age")
 * Observation.of("class-prevalence", 0.12).reference(0.05)     // the reference value makes a change
 * Observation.of("ks-p-value", 0.003).samples(5_000).referenceSamples(50_000)
 * }</pre>
 */
public final class Observation {
  private final String metric;
  private final double value;
  private final String feature;
  private final Double reference;
  private final Long samples;
  private final Long referenceSamples;
  private final String source;
  private final Double threshold;

  private Observation(String metric, double value, String feature, Double reference, Long samples,
      Long referenceSamples, String source, Double threshold) {
    this.metric = metric;
    this.value = value;
    this.feature = feature;
    this.reference = reference;
    this.samples = samples;
    this.referenceSamples = referenceSamples;
    this.source = source;
    this.threshold = threshold;
  }

  /**
   * Returns an observation of a metric's value.
   *
   * @param metric a metric id or alias, such as {@code "psi"} or {@code "ks-p-value"}
   * @throws NullPointerException if {@code metric} is null
   * @throws IllegalArgumentException if the metric is blank or the value is NaN or infinite; whether the value is
   *     within the metric's range is checked when the observation joins a query, against that query's catalog
   */
  public static Observation of(String metric, double value) {
    Objects.requireNonNull(metric, "metric");
    if (metric.isBlank()) {
      throw new IllegalArgumentException("metric must not be blank; name a catalog metric such as 'psi'");
    }
    finite("value", metric, value);
    return new Observation(metric.strip(), value, null, null, null, null, null, null);
  }

  private static void finite(String what, String metric, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " of " + metric + " must be a finite number, was " + value
          + "; drop the observation or pass the value that was measured");
    }
  }

  /**
   * Returns this observation for a feature, column or slice, such as {@code "age"}.
   *
   * @throws NullPointerException if {@code feature} is null
   */
  public Observation feature(String feature) {
    Objects.requireNonNull(feature, "feature");
    return new Observation(metric, value, feature.isBlank() ? null : feature.strip(), reference, samples,
        referenceSamples, source, threshold);
  }

  /**
   * Returns this observation with the reference value it is compared with: the training-time value, the previous
   * period, the validation score. A reference turns a level into a change: {@code class-prevalence} 0.12 against
   * 0.05 is a change of 0.07, a {@code score} of 0.78 against 0.91 a drop of 0.13.
   *
   * @throws IllegalArgumentException if the reference is NaN or infinite
   */
  public Observation reference(double reference) {
    finite("reference", metric, reference);
    return new Observation(metric, value, feature, reference, samples, referenceSamples, source, threshold);
  }

  /**
   * Returns this observation with the number of rows the value was measured on.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public Observation samples(long n) {
    return new Observation(metric, value, feature, reference, count("samples", n), referenceSamples, source,
        threshold);
  }

  /**
   * Returns this observation with the number of rows of the reference sample.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public Observation referenceSamples(long n) {
    return new Observation(metric, value, feature, reference, samples, count("referenceSamples", n), source,
        threshold);
  }

  /**
   * Returns this observation with where it came from, such as {@code "Evidently ColumnDriftMetric"}; shown in the
   * diagnosis beside the value.
   *
   * @throws NullPointerException if {@code source} is null
   */
  public Observation source(String source) {
    Objects.requireNonNull(source, "source");
    return new Observation(metric, value, feature, reference, samples, referenceSamples,
        source.isBlank() ? null : source.strip(), threshold);
  }

  /**
   * Returns this observation with the threshold the measuring tool applied, to be read against instead of the
   * catalog's (with the catalog's comparator): a drift test run at a stricter or looser level than the catalog's
   * convention keeps its own verdict.
   *
   * @throws IllegalArgumentException if the threshold is NaN or infinite
   */
  public Observation threshold(double threshold) {
    finite("threshold", metric, threshold);
    return new Observation(metric, value, feature, reference, samples, referenceSamples, source, threshold);
  }

  private long count(String what, long n) {
    if (n < 0) {
      throw new IllegalArgumentException(what + " of " + metric + " must not be negative, was " + n);
    }
    return n;
  }

  /** Returns the metric as given: an id or an alias. */
  public String metric() {
    return metric;
  }

  /** Returns the measured value. */
  public double value() {
    return value;
  }

  /** Returns the feature, column or slice measured, if given. */
  public Optional<String> feature() {
    return Optional.ofNullable(feature);
  }

  /** Returns the reference value, if given. */
  public OptionalDouble reference() {
    return reference == null ? OptionalDouble.empty() : OptionalDouble.of(reference);
  }

  /** Returns the number of rows measured, if given. */
  public OptionalLong sampleSize() {
    return samples == null ? OptionalLong.empty() : OptionalLong.of(samples);
  }

  /** Returns the number of rows of the reference sample, if given. */
  public OptionalLong referenceSampleSize() {
    return referenceSamples == null ? OptionalLong.empty() : OptionalLong.of(referenceSamples);
  }

  /** Returns the threshold the measuring tool applied, if given. */
  public OptionalDouble threshold() {
    return threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold);
  }

  /** Returns where the observation came from, if given. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** Returns a number as the library prints it: up to four decimals, no trailing zeros. */
  static String format(double v) {
    return dev.failuremodes.internal.Numbers.format(v);
  }

  /** Two observations are equal when every component is. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Observation x && x.metric.equals(metric) && Double.compare(x.value, value) == 0
        && Objects.equals(x.feature, feature) && Objects.equals(x.reference, reference)
        && Objects.equals(x.samples, samples) && Objects.equals(x.referenceSamples, referenceSamples)
        && Objects.equals(x.source, source) && Objects.equals(x.threshold, threshold);
  }

  @Override
  public int hashCode() {
    return Objects.hash(metric, value, feature, reference, samples, referenceSamples, source, threshold);
  }

  /** Returns {@code metric = value}, then the feature, the reference and the source when given. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(metric).append(" = ").append(format(value));
    if (reference != null) {
      out.append(" (reference ").append(format(reference)).append(')');
    }
    if (threshold != null) {
      out.append(" (threshold ").append(format(threshold)).append(')');
    }
    if (feature != null) {
      out.append(" on ").append(feature);
    }
    if (source != null) {
      out.append(" [").append(source).append(']');
    }
    return out.toString();
  }
}
