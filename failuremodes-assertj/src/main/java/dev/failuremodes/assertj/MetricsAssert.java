package dev.failuremodes.assertj;

import dev.failuremodes.signals.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assertions on a model run's metrics given as a map of metric name to value, such as {@code "train-score"} or its
 * alias {@code "train accuracy"} to {@code 0.93}. Obtain one with {@link Assertions#assertThatMetrics(Map)}.
 *
 * <pre>{@code
 * assertThatMetrics(Map.of("train accuracy", trainAccuracy, "validation accuracy", validationAccuracy))
 *     .showsSignature("data-leakage");
 * }</pre>
 *
 * <p>Each entry becomes {@code Observation.of(name, value.doubleValue())}: the name is a catalog metric id or alias,
 * and a name the catalog does not know fails every assertion with the nearest metric ids. Entries are diagnosed in the
 * order of their names, so that a message is the same whatever the map's iteration order. For a value on a feature,
 * with a reference value or with sample sizes, use {@link ObservationsAssert}. See {@link AbstractSignatureAssert}
 * for what a signature is.
 */
public class MetricsAssert extends AbstractSignatureAssert<MetricsAssert, Map<String, ? extends Number>> {
  /**
   * Creates assertions on metric values; {@link Assertions#assertThatMetrics(Map)} is the usual way.
   *
   * @param actual the metric values by name, which may be null (every assertion then fails)
   */
  public MetricsAssert(Map<String, ? extends Number> actual) {
    super(actual, MetricsAssert.class);
  }

  @Override
  List<Observation> observations() {
    List<Map.Entry<String, ? extends Number>> entries = new ArrayList<>(actual.entrySet());
    for (Map.Entry<String, ? extends Number> e : entries) {
      if (e.getKey() == null) {
        throw new IllegalArgumentException("a metric name is null; name a catalog metric such as 'psi'");
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException("the value of '" + e.getKey() + "' is null");
      }
    }
    entries.sort((a, b) -> a.getKey().compareTo(b.getKey()));
    List<Observation> out = new ArrayList<>(entries.size());
    for (Map.Entry<String, ? extends Number> e : entries) {
      out.add(Observation.of(e.getKey(), e.getValue().doubleValue()));
    }
    return out;
  }
}
