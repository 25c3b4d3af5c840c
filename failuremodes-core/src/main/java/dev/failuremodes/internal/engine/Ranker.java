package dev.failuremodes.internal.rank;

import dev.failuremodes.Candidate;
import dev.failuremodes.Evidence;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Fix;
import dev.failuremodes.Indicator;
import dev.failuremodes.PlannedFix;
import dev.failuremodes.Resolution;
import dev.failuremodes.Stage;
import dev.failuremodes.SymptomMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores failure modes from resolved inputs and orders their fixes. Each piece of evidence contributes
 * weight × match confidence × specificity, where specificity falls as a symptom indicates more modes; an input
 * contributes at most once per mode (its strongest symptom), and contributions combine by noisy-OR, so a score stays
 * in [0, 1] and grows with independent evidence. Ties break by debugging order, then id.
 */
public final class Ranker {
  /** For each symptom, the modes it indicates with their weights, so that ranking touches only modes with evidence. */
  private final Map<String, List<Weighted>> modesBySymptom = new HashMap<>();
  private final Function<String, Fix> fixes;

  private record Weighted(FailureMode mode, double weight) {}

  /** What an input that names a failure mode outright contributes to it: strong, short of certain. */
  static final double NAMED_CONTRIBUTION = 0.9;

  /** Prepares a ranker over the catalog's failure modes; deprecated modes are never candidates. */
  public Ranker(List<FailureMode> modes, Function<String, Fix> fixes) {
    this.fixes = fixes;
    for (FailureMode m : modes) {
      if (m.deprecated()) {
        continue;
      }
      for (Indicator i : m.indicators()) {
        modesBySymptom.computeIfAbsent(i.symptom(), k -> new ArrayList<>()).add(new Weighted(m, i.weight()));
      }
    }
  }

  /** Returns how specific a symptom is: 1 when it indicates one mode, less the more modes share it. */
  double specificity(String symptom) {
    return Math.pow(modesBySymptom.getOrDefault(symptom, List.of()).size(), -0.3);
  }

  /** Ranks every mode with evidence in the given stages, above the minimum score. */
  public List<Candidate> rank(List<Resolution> resolutions, Set<Stage> stages, double minScore, int limit) {
    record Scored(FailureMode mode, double score, List<Evidence> evidence) {}
    // Per mode, per input: the strongest evidence that input gives the mode (an input counts once per mode).
    // Keyed by id: value types hash all their attributes, which a hot path should not pay for.
    Map<String, FailureMode> byId = new HashMap<>();
    Map<String, Map<String, Evidence>> strongest = new LinkedHashMap<>();
    for (Resolution r : resolutions) {
      for (SymptomMatch match : r.matches()) {
        String id = match.symptom().id();
        double specificity = specificity(id);
        for (Weighted w : modesBySymptom.getOrDefault(id, List.of())) {
          if (!stages.contains(w.mode().stage())) {
            continue;
          }
          double contribution = round(w.weight() * match.confidence() * specificity);
          keep(strongest, byId, w.mode(), new Evidence(r.input(), Optional.of(id), contribution));
        }
      }
      for (FailureMode named : r.namedModes()) {
        if (stages.contains(named.stage()) && !named.deprecated()) {
          keep(strongest, byId, named, new Evidence(r.input(), Optional.empty(), NAMED_CONTRIBUTION));
        }
      }
    }
    List<Scored> scored = new ArrayList<>();
    for (Map.Entry<String, Map<String, Evidence>> e : strongest.entrySet()) {
      List<Evidence> evidence = new ArrayList<>(e.getValue().values());
      double miss = 1.0;
      for (Evidence ev : evidence) {
        miss *= 1.0 - ev.contribution();
      }
      double score = round(1.0 - miss);
      if (score >= minScore) {
        evidence.sort(Comparator.comparingDouble(Evidence::contribution).reversed());
        scored.add(new Scored(byId.get(e.getKey()), score, evidence));
      }
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparing(s -> s.mode().stage().debuggingOrder())
        .thenComparing(s -> s.mode().id()));
    List<Candidate> out = new ArrayList<>();
    for (Scored s : scored) {
      if (out.size() == limit) {
        break;
      }
      out.add(new Candidate(out.size() + 1, s.mode(), s.score(), s.evidence(), explain(s.mode(), s.evidence())));
    }
    return out;
  }

  /** Keeps, per mode and input, the strongest evidence: an input counts once per mode. */
  private static void keep(
      Map<String, Map<String, Evidence>> strongest, Map<String, FailureMode> byId, FailureMode mode, Evidence e) {
    byId.put(mode.id(), mode);
    strongest.computeIfAbsent(mode.id(), k -> new LinkedHashMap<>())
        .merge(e.input(), e, (a, b) -> b.contribution() > a.contribution() ? b : a);
  }

  private static String explain(FailureMode mode, List<Evidence> evidence) {
    Evidence top = evidence.get(0);
    String more = evidence.size() == 1 ? "" : " and " + (evidence.size() - 1) + " more input"
        + (evidence.size() == 2 ? "" : "s");
    if (top.named()) {
      return mode.name() + " (" + mode.stage().id() + ") is named by '" + top.input() + "'" + more + ".";
    }
    return mode.name() + " (" + mode.stage().id() + ") is indicated by '" + top.input() + "' (" + top.via() + ")"
        + more + ".";
  }

  /**
   * Orders the fixes of the candidates: highest leverage first; among those, the fixes that serve the most likely
   * candidates (earlier in each mode's own order counts more); then earlier stages of the debugging order, lower
   * effort, the earliest place the fix has in a candidate's own order, and id. A fix shared by several candidates
   * appears once and lists them all.
   */
  public List<PlannedFix> plan(List<Candidate> candidates) {
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
        usefulness.merge(id, c.score() / (1.0 + 0.25 * i), Double::sum);
        addresses.computeIfAbsent(id, k -> new ArrayList<>()).add(c.id());
        earliest.merge(id, i, Math::min);
      }
    }
    List<PlannedFix> plan = new ArrayList<>();
    usefulness.forEach((id, u) -> plan.add(new PlannedFix(fixes.apply(id), addresses.get(id), round(u))));
    plan.sort(Comparator.comparing((PlannedFix p) -> p.fix().leverage(), Comparator.reverseOrder())
        .thenComparing(p -> -bucket(p.usefulness()))
        .thenComparing(p -> p.fix().stage().debuggingOrder())
        .thenComparing(p -> p.fix().effort().ordinal())
        .thenComparing(p -> earliest.get(p.fix().id()))
        .thenComparing(p -> p.fix().id()));
    return plan;
  }

  /** Coarse usefulness, so that near-equal fixes are ordered by debugging stage rather than by noise. */
  private static long bucket(double usefulness) {
    return Math.round(usefulness * 10);
  }

  /** Rounds to four decimals, so that scores print and compare stably. */
  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
