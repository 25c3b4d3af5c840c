package dev.failuremodes.internal.engine;

import dev.failuremodes.Candidate;
import dev.failuremodes.Fix;
import dev.failuremodes.PlannedFix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Orders the fixes of ranked candidates into a plan. */
final class Ranker {
  private final Function<String, Fix> fixes;
  private final Tuning tuning;

  Ranker(Function<String, Fix> fixes, Tuning tuning) {
    this.fixes = fixes;
    this.tuning = tuning;
  }

  /**
   * Orders the fixes of the candidates: highest leverage first; among those, the fixes that serve the most likely
   * candidates (earlier in each mode's own order counts more); then earlier stages of the debugging order, lower
   * effort, the earliest place the fix has in a candidate's own order, and id. A fix shared by several candidates
   * appears once and lists them all.
   */
  List<PlannedFix> plan(List<Candidate> candidates) {
    Map<String, Double> usefulness = new LinkedHashMap<>();
    Map<String, List<String>> addresses = new LinkedHashMap<>();
    Map<String, Integer> earliest = new HashMap<>();
    for (Candidate c : candidates) {
      List<String> ids = c.failureMode().fixes();
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        Fix fix = fixes.apply(id);
        if (fix == null || fix.deprecated()) {
          continue;
        }
        usefulness.merge(id, c.score() / (1.0 + tuning.fixPositionDiscount() * i), Double::sum);
        addresses.computeIfAbsent(id, k -> new ArrayList<>()).add(c.id());
        earliest.merge(id, i, Math::min);
      }
    }
    List<PlannedFix> plan = new ArrayList<>();
    usefulness.forEach((id, u) -> plan.add(new PlannedFix(fixes.apply(id), addresses.get(id), Engine.round(u))));
    plan.sort(Comparator.comparing((PlannedFix p) -> p.fix().leverage(), Comparator.reverseOrder())
        .thenComparing(p -> -bucket(p.usefulness()))
        .thenComparing(p -> p.fix().stage().debuggingOrder())
        .thenComparing(p -> p.fix().effort().ordinal())
        .thenComparing(p -> earliest.get(p.fix().id()))
        .thenComparing(p -> p.fix().id()));
    return plan;
  }

  /** Coarse usefulness, so that near-equal fixes are ordered by debugging stage rather than by noise. */
  private long bucket(double usefulness) {
    return Math.round(usefulness * tuning.planBuckets());
  }
}
