package dev.failuremodes.evaluation;

import dev.failuremodes.Catalog;
import dev.failuremodes.Stage;
import dev.failuremodes.internal.render.EvaluationRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of scoring a ranking on labelled cases. Cases with expected ids are <em>scored</em> (top-1, top-3,
 * mean reciprocal rank); cases that expect nothing and rule nothing out are <em>unrelated</em> (abstention: no
 * candidate at all is the right answer); cases with {@code notExpected} ids count a <em>violation</em> when one of
 * those is in the top three. Immutable.
 */
public final class Evaluation {
  /**
   * One case and what was ranked for it.
   *
   * @param labelledCase the case
   * @param ranked the ids ranked for it, best first, at most ten; empty when the ranking abstained
   */
  public record CaseResult(LabelledCase labelledCase, List<String> ranked) {
    /** Copies the list. */
    public CaseResult {
      ranked = List.copyOf(ranked);
    }

    /** Returns the 1-based rank of the first correct answer, or 0 when none was ranked. */
    public int rank() {
      for (int i = 0; i < ranked.size(); i++) {
        if (labelledCase.answers().contains(ranked.get(i))) {
          return i + 1;
        }
      }
      return 0;
    }

    /** Returns whether a correct answer is within the first {@code k}. */
    public boolean hit(int k) {
      int rank = rank();
      return rank >= 1 && rank <= k;
    }

    /** Returns the ruled-out ids that were ranked in the top three. */
    public List<String> violations() {
      return ranked.stream().limit(3).filter(labelledCase.notExpected()::contains).toList();
    }
  }

  /**
   * Results for the cases whose first expected mode is of one stage.
   *
   * @param stage the stage
   * @param cases the number of scored cases
   * @param top1 how many ranked a correct answer first
   * @param top3 how many ranked a correct answer in the top three
   */
  public record StageResult(Stage stage, int cases, int top1, int top3) {}

  /**
   * How often one mode was ranked first when another was expected.
   *
   * @param expected the first expected id of the cases
   * @param rankedFirst the id ranked first instead, or {@code "(nothing)"} when nothing was ranked
   * @param count how many cases
   */
  public record Confusion(String expected, String rankedFirst, int count) {}

  private final String name;
  private final String catalogVersion;
  private final List<CaseResult> results;
  private final Map<Stage, StageResult> byStage;
  private final List<Confusion> confusions;

  Evaluation(String name, Catalog catalog, List<CaseResult> results) {
    this.name = name;
    this.catalogVersion = catalog.catalogVersion();
    this.results = List.copyOf(results);
    Map<Stage, int[]> counts = new EnumMap<>(Stage.class);
    Map<List<String>, Integer> confused = new LinkedHashMap<>();
    for (CaseResult r : results) {
      if (r.labelledCase().expected().isEmpty()) {
        continue;
      }
      Stage stage = catalog.requireFailureMode(r.labelledCase().expected().get(0)).stage();
      int[] c = counts.computeIfAbsent(stage, s -> new int[3]);
      c[0]++;
      c[1] += r.hit(1) ? 1 : 0;
      c[2] += r.hit(3) ? 1 : 0;
      if (!r.hit(1)) {
        String first = r.ranked().isEmpty() ? "(nothing)" : r.ranked().get(0);
        confused.merge(List.of(r.labelledCase().expected().get(0), first), 1, Integer::sum);
      }
    }
    Map<Stage, StageResult> stages = new EnumMap<>(Stage.class);
    counts.forEach((s, c) -> stages.put(s, new StageResult(s, c[0], c[1], c[2])));
    this.byStage = java.util.Collections.unmodifiableMap(stages);
    List<Confusion> list = new ArrayList<>();
    confused.forEach((pair, n) -> list.add(new Confusion(pair.get(0), pair.get(1), n)));
    list.sort(Comparator.comparingInt(Confusion::count).reversed().thenComparing(Confusion::expected)
        .thenComparing(Confusion::rankedFirst));
    this.confusions = List.copyOf(list);
  }

  /** Returns the name of what was evaluated. */
  public String name() {
    return name;
  }

  /** Returns the version of the catalog the cases were checked against. */
  public String catalogVersion() {
    return catalogVersion;
  }

  /** Returns every case with what was ranked for it, in case order. */
  public List<CaseResult> results() {
    return results;
  }

  /** Returns the number of cases with expected ids. */
  public int scored() {
    return (int) results.stream().filter(r -> !r.labelledCase().expected().isEmpty()).count();
  }

  /** Returns how many scored cases ranked a correct answer within the first {@code k}. */
  public int hits(int k) {
    return (int) results.stream().filter(r -> !r.labelledCase().expected().isEmpty() && r.hit(k)).count();
  }

  /** Returns the share of scored cases with a correct answer first, in [0, 1]; 0 when there are none. */
  public double top1() {
    return rate(hits(1), scored());
  }

  /** Returns the share of scored cases with a correct answer in the top three, in [0, 1]; 0 when there are none. */
  public double top3() {
    return rate(hits(3), scored());
  }

  /** Returns the mean over scored cases of 1 / rank of the first correct answer (0 when none is in the top ten). */
  public double meanReciprocalRank() {
    double sum = 0;
    for (CaseResult r : results) {
      if (!r.labelledCase().expected().isEmpty() && r.rank() > 0) {
        sum += 1.0 / r.rank();
      }
    }
    return scored() == 0 ? 0 : sum / scored();
  }

  /** Returns the number of unrelated cases: nothing expected, nothing ruled out. */
  public int unrelated() {
    return (int) results.stream().filter(r -> r.labelledCase().unrelated()).count();
  }

  /** Returns how many unrelated cases got no candidate, which is the right answer for them. */
  public int abstained() {
    return (int) results.stream().filter(r -> r.labelledCase().unrelated() && r.ranked().isEmpty()).count();
  }

  /** Returns the share of unrelated cases that got no candidate, in [0, 1]; 1 when there are none. */
  public double abstention() {
    return unrelated() == 0 ? 1.0 : rate(abstained(), unrelated());
  }

  /** Returns the number of cases that rule some failure mode out. */
  public int withRuledOut() {
    return (int) results.stream().filter(r -> !r.labelledCase().notExpected().isEmpty()).count();
  }

  /** Returns the cases that ranked a ruled-out failure mode in the top three. */
  public List<CaseResult> violations() {
    return results.stream().filter(r -> !r.violations().isEmpty()).toList();
  }

  /** Returns the scored cases with no correct answer in the top three, in case order. */
  public List<CaseResult> misses() {
    return results.stream().filter(r -> !r.labelledCase().expected().isEmpty() && !r.hit(3)).toList();
  }

  /** Returns the unrelated cases that got a candidate, in case order. */
  public List<CaseResult> falsePositives() {
    return results.stream().filter(r -> r.labelledCase().unrelated() && !r.ranked().isEmpty()).toList();
  }

  /** Returns the results per stage of the first expected mode, in debugging order; stages without cases are left out. */
  public Map<Stage, StageResult> byStage() {
    return byStage;
  }

  /** Returns which mode was ranked first instead of the expected one, most frequent first. */
  public List<Confusion> confusions() {
    return confusions;
  }

  private static double rate(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /** Returns a multi-line report: the figures, results per stage, confusions and every miss. */
  public String report() {
    return EvaluationRenderer.report(this);
  }

  /** Returns the evaluation as JSON: the figures, per-stage results, confusions and every case's ranking. */
  public String toJson() {
    return EvaluationRenderer.json(this);
  }

  /** Returns {@code name: top-1 a/n, top-3 b/n, MRR m, abstained c/u}. */
  @Override
  public String toString() {
    return EvaluationRenderer.summary(this);
  }
}
