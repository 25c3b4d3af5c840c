package dev.failuremodes.internal.alerts;

import dev.failuremodes.alerts.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settles a report's healthy values across features. A value within the tool's threshold is evidence against its
 * symptom for its own feature only: a stable {@code country} says nothing against the drift a report shows on {@code
 * basket_size}. The diagnosis weighs every value against the symptom whatever its feature, so a report that lists
 * every compared feature (TFDV's {@code driftSkewInfo}, a suite's passing checks) would let its stable features cancel
 * the one that shifted. Here a healthy value becomes no signal, saying why, when the same report shows its symptom on
 * another feature and not on its own; otherwise it stays a measured value.
 */
final class HealthyValues {
  /**
   * A reader's finding with the symptom it speaks to.
   *
   * @param finding the finding
   * @param symptom the symptom it shows or, for a healthy value, speaks against; null when it speaks to none
   * @param healthy whether it is a value within the tool's threshold
   */
  record Read(Finding finding, String symptom, boolean healthy) {
    /** Returns a finding that speaks to no symptom. */
    static Read of(Finding finding) {
      return new Read(finding, finding.symptom().orElse(null), false);
    }
  }

  private HealthyValues() {}

  /** Returns the findings, with each healthy value on a feature other than the ones that show its symptom settled. */
  static List<Finding> settle(List<Read> reads) {
    List<Finding> out = new ArrayList<>(reads.size());
    for (Read r : reads) {
      out.add(r.healthy() && r.symptom() != null ? settle(r, reads) : r.finding());
    }
    return out;
  }

  private static Finding settle(Read healthy, List<Read> reads) {
    String feature = healthy.finding().feature().orElse(null);
    String elsewhere = null;
    for (Read r : reads) {
      if (r.healthy() || !healthy.symptom().equals(r.symptom())) {
        continue;
      }
      String other = r.finding().feature().orElse(null);
      if (Objects.equals(other, feature)) {
        return healthy.finding();
      }
      if (elsewhere == null && other != null) {
        elsewhere = other;
      }
    }
    if (elsewhere == null || feature == null) {
      return healthy.finding();
    }
    Finding f = healthy.finding();
    return Finding.notASignal(f.format(), f.check(), feature, f.detail() + " (within the threshold on " + feature
        + "; a stable feature says nothing against the " + healthy.symptom() + " shown on " + elsewhere + ")");
  }
}
