package dev.failuremodes.internal.engine;

import dev.failuremodes.Candidate;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Fix;
import dev.failuremodes.PlannedFix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Orders the fixes of ranked candidates into a plan. Immutable and thread-safe once built. */
final class Ranker {
  private final Tuning tuning;
  /** Per mode id, its fixes that exist and are not deprecated, each with its place in the mode's own order. */
  private final Map<String, Placed[]> fixesByMode = new HashMap<>();

  /** A fix at its place in a mode's own order of fixes; {@code index} numbers the distinct fixes. */
  private record Placed(Fix fix, int place, int index) {}

  /** How many distinct fixes the modes use. */
  private final int fixCount;

  Ranker(List<FailureMode> modes, Function<String, Fix> fixes, Tuning tuning) {
    this.tuning = tuning;
    Map<String, Integer> indexes = new HashMap<>();
    for (FailureMode m : modes) {
      List<Placed> placed = new ArrayList<>();
      List<String> ids = m.fixes();
      for (int i = 0; i < ids.size(); i++) {
        Fix fix = fixes.apply(ids.get(i));
        if (fix != null && !fix.deprecated()) {
          Integer index = indexes.get(fix.id());
          if (index == null) {
            index = indexes.size();
            indexes.put(fix.id(), index);
          }
          placed.add(new Placed(fix, i, index));
        }
      }
      fixesByMode.put(m.id(), placed.toArray(new Placed[0]));
    }
    this.fixCount = indexes.size();
  }

  /** One fix of the plan while it is put together. */
  private static final class Step {
    final Fix fix;
    final List<String> addresses = new ArrayList<>(2);
    double usefulness;
    int earliest = Integer.MAX_VALUE;
    long bucket;

    Step(Fix fix) {
      this.fix = fix;
    }
  }

  /**
   * Orders the fixes of the candidates: highest leverage first; among those, the fixes that serve the most likely
   * candidates (earlier in each mode's own order counts more); then earlier stages of the debugging order, lower
   * effort, the earliest place the fix has in a candidate's own order, and id. A fix shared by several candidates
   * appears once and lists them all.
   */
  List<PlannedFix> plan(List<Candidate> candidates) {
    // An array for a catalog's worth of fixes; a map when the catalog is so large that the array would cost more.
    Step[] byIndex = fixCount <= 1024 ? new Step[fixCount] : null;
    Map<Integer, Step> byMap = byIndex == null ? new HashMap<>() : null;
    List<Step> steps = new ArrayList<>();
    for (Candidate c : candidates) {
      Placed[] placed = fixesByMode.get(c.id());
      if (placed == null) {
        continue;
      }
      for (Placed p : placed) {
        Step step = byIndex != null ? byIndex[p.index()] : byMap.get(p.index());
        if (step == null) {
          step = new Step(p.fix());
          if (byIndex != null) {
            byIndex[p.index()] = step;
          } else {
            byMap.put(p.index(), step);
          }
          steps.add(step);
        }
        step.usefulness += c.score() / (1.0 + tuning.fixPositionDiscount() * p.place());
        step.addresses.add(c.id());
        step.earliest = Math.min(step.earliest, p.place());
      }
    }
    for (Step s : steps) {
      s.usefulness = Engine.round(s.usefulness);
      s.bucket = Math.round(s.usefulness * tuning.planBuckets()); // near-equal fixes fall back to debugging order
    }
    steps.sort(Ranker::compare);
    List<PlannedFix> plan = new ArrayList<>(steps.size());
    for (Step s : steps) {
      plan.add(new PlannedFix(s.fix, s.addresses, s.usefulness));
    }
    return plan;
  }

  private static int compare(Step a, Step b) {
    int c = b.fix.leverage().compareTo(a.fix.leverage());
    if (c != 0) {
      return c;
    }
    c = Long.compare(b.bucket, a.bucket);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.fix.stage().debuggingOrder(), b.fix.stage().debuggingOrder());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.fix.effort().ordinal(), b.fix.effort().ordinal());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.earliest, b.earliest);
    return c != 0 ? c : a.fix.id().compareTo(b.fix.id());
  }
}
