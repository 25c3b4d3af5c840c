package dev.failuremodes.internal.engine;

import dev.failuremodes.Candidate;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Fix;
import dev.failuremodes.PlannedFix;
import java.util.ArrayList;
import java.util.Arrays;
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
  // By fix index, the parts of the plan's order that do not depend on the candidates, worked out once: the leverage,
  // then the stage in debugging order with the effort, and the place of the fix's id among the ids.
  private final int[] leverage;
  private final long[] stageThenEffort;
  private final int[] idOrder;

  Ranker(List<FailureMode> modes, Function<String, Fix> fixes, Tuning tuning) {
    this.tuning = tuning;
    Map<String, Integer> indexes = new HashMap<>();
    List<Fix> distinct = new ArrayList<>();
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
            distinct.add(fix);
          }
          placed.add(new Placed(fix, i, index));
        }
      }
      fixesByMode.put(m.id(), placed.toArray(new Placed[0]));
    }
    this.fixCount = indexes.size();
    this.leverage = new int[fixCount];
    this.stageThenEffort = new long[fixCount];
    this.idOrder = new int[fixCount];
    String[] ids = new String[fixCount];
    for (int i = 0; i < fixCount; i++) {
      Fix f = distinct.get(i);
      leverage[i] = f.leverage().ordinal();
      stageThenEffort[i] = (long) f.stage().debuggingOrder() << 32 | f.effort().ordinal();
      ids[i] = f.id();
    }
    String[] sorted = ids.clone();
    Arrays.sort(sorted); // ids are distinct: each has one place
    for (int i = 0; i < fixCount; i++) {
      idOrder[i] = Arrays.binarySearch(sorted, ids[i]);
    }
  }

  /** One fix of the plan while it is put together, in the plan's order (see {@link #compareTo}). */
  private static final class Step implements Comparable<Step> {
    final Fix fix;
    // The fix's parts of the order that do not depend on the candidates (the Ranker's, by fix index).
    final int leverage;
    final long stageThenEffort;
    final int idOrder;
    String[] addresses = new String[2];
    int addressCount;
    double usefulness;
    int earliest = Integer.MAX_VALUE;
    long bucket;

    Step(Fix fix, int leverage, long stageThenEffort, int idOrder) {
      this.fix = fix;
      this.leverage = leverage;
      this.stageThenEffort = stageThenEffort;
      this.idOrder = idOrder;
    }

    /** Highest leverage first, then highest bucket, earlier stage, lower effort, earliest place, and id. */
    @Override
    public int compareTo(Step b) {
      int c = Integer.compare(b.leverage, leverage);
      if (c != 0) {
        return c;
      }
      c = Long.compare(b.bucket, bucket);
      if (c != 0) {
        return c;
      }
      c = Long.compare(stageThenEffort, b.stageThenEffort);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(earliest, b.earliest);
      return c != 0 ? c : Integer.compare(idOrder, b.idOrder);
    }

    void address(String id) {
      if (addressCount == addresses.length) {
        addresses = Arrays.copyOf(addresses, addressCount * 2);
      }
      addresses[addressCount++] = id;
    }

    /** The candidates addressed, as an unmodifiable list that the PlannedFix keeps without copying it again. */
    List<String> addresses() {
      return switch (addressCount) {
        case 1 -> List.of(addresses[0]);
        case 2 -> List.of(addresses[0], addresses[1]);
        default -> List.of(Arrays.copyOf(addresses, addressCount));
      };
    }
  }

  /**
   * Orders the fixes of the candidates: highest leverage first; among those, the fixes that serve the most likely
   * candidates (earlier in each mode's own order counts more); then earlier stages of the debugging order, lower
   * effort, the earliest place the fix has in a candidate's own order, and id. A fix shared by several candidates
   * appears once and lists them all. Returns an unmodifiable list.
   */
  List<PlannedFix> plan(List<Candidate> candidates) {
    // An array for a catalog's worth of fixes; a map when the catalog is so large that the array would cost more.
    Step[] byIndex = fixCount <= 1024 ? new Step[fixCount] : null;
    Map<Integer, Step> byMap = byIndex == null ? new HashMap<>() : null;
    Step[] steps = new Step[8];
    int count = 0;
    double discount = tuning.fixPositionDiscount();
    for (Candidate c : candidates) {
      Placed[] placed = fixesByMode.get(c.id());
      if (placed == null) {
        continue;
      }
      for (Placed p : placed) {
        Step step = byIndex != null ? byIndex[p.index()] : byMap.get(p.index());
        if (step == null) {
          int i = p.index();
          step = new Step(p.fix(), leverage[i], stageThenEffort[i], idOrder[i]);
          if (byIndex != null) {
            byIndex[p.index()] = step;
          } else {
            byMap.put(p.index(), step);
          }
          if (count == steps.length) {
            steps = Arrays.copyOf(steps, count * 2);
          }
          steps[count++] = step;
        }
        step.usefulness += c.score() / (1.0 + discount * p.place());
        step.address(c.id());
        step.earliest = Math.min(step.earliest, p.place());
      }
    }
    double buckets = tuning.planBuckets();
    for (int k = 0; k < count; k++) {
      Step s = steps[k];
      s.usefulness = Engine.round(s.usefulness);
      s.bucket = Math.round(s.usefulness * buckets); // near-equal fixes fall back to debugging order
    }
    Arrays.sort(steps, 0, count);
    PlannedFix[] plan = new PlannedFix[count];
    for (int k = 0; k < count; k++) {
      Step s = steps[k];
      plan[k] = new PlannedFix(s.fix, s.addresses(), s.usefulness);
    }
    return List.of(plan);
  }
}
