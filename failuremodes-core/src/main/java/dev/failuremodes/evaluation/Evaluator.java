package dev.failuremodes.evaluation;

import dev.failuremodes.Candidate;
import dev.failuremodes.Catalog;
import dev.failuremodes.Diagnoser;
import dev.failuremodes.internal.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Scores a ranking of failure modes on labelled cases. Immutable and thread-safe if its ranking function is.
 *
 * <pre>{@code
 * Evaluation e = Evaluator.of(FailureModes.using(catalog)).evaluate(LabelledCases.read(path));
 * }</pre>
 */
public final class Evaluator {
  /** How many ranked ids are kept per case: enough for the reciprocal rank to see past the top three. */
  static final int DEPTH = 10;

  private final Catalog catalog;
  private final String name;
  private final Function<List<String>, List<String>> ranking;

  private Evaluator(Catalog catalog, String name, Function<List<String>, List<String>> ranking) {
    this.catalog = catalog;
    this.name = name;
    this.ranking = ranking;
  }

  /**
   * Returns an evaluator of a diagnoser: each case's inputs are diagnosed and its candidates' ids ranked.
   *
   * @throws NullPointerException if {@code diagnoser} is null
   */
  public static Evaluator of(Diagnoser diagnoser) {
    Objects.requireNonNull(diagnoser, "diagnoser");
    return new Evaluator(diagnoser.catalog(), "failuremodes (catalog " + diagnoser.catalog().catalogVersion() + ")",
        inputs -> diagnoser.forSymptoms(inputs).limit(DEPTH).diagnose().candidates().stream()
            .map(Candidate::id).toList());
  }

  /**
   * Returns an evaluator of any ranking over a catalog's failure modes, such as a search-engine baseline: the
   * function takes a case's inputs and returns failure-mode ids, most likely first, or none to abstain.
   *
   * @param catalog the catalog whose ids the cases and the ranking use
   * @param name how the ranking is named in reports
   * @param ranking inputs to ranked ids
   * @throws NullPointerException if an argument is null
   */
  public static Evaluator of(Catalog catalog, String name, Function<List<String>, List<String>> ranking) {
    return new Evaluator(Objects.requireNonNull(catalog, "catalog"), Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(ranking, "ranking"));
  }

  /**
   * Ranks every case and scores the result.
   *
   * @throws NullPointerException if {@code cases} or a case is null
   * @throws CaseFileException if a case names a failure mode the catalog does not have; nothing is ranked then
   */
  public Evaluation evaluate(List<LabelledCase> cases) {
    Objects.requireNonNull(cases, "cases");
    for (LabelledCase c : cases) {
      Objects.requireNonNull(c, "case");
      checkIds(c, c.expected(), "expected");
      checkIds(c, c.acceptable(), "acceptable");
      checkIds(c, c.notExpected(), "notExpected");
    }
    List<Evaluation.CaseResult> results = new ArrayList<>(cases.size());
    for (LabelledCase c : cases) {
      List<String> ranked = ranking.apply(c.inputs());
      Objects.requireNonNull(ranked, () -> "the ranking returned null for case " + c.name());
      results.add(new Evaluation.CaseResult(c, ranked.subList(0, Math.min(DEPTH, ranked.size()))));
    }
    return new Evaluation(name, catalog, results);
  }

  private void checkIds(LabelledCase c, List<String> ids, String field) {
    for (String id : ids) {
      if (catalog.failureMode(id).isEmpty()) {
        List<String> near = Suggestions.nearest(id, catalog.failureModes().stream().map(m -> m.id()).toList(), 3);
        throw new CaseFileException(c.name(), 0, "unknown failure mode '" + id + "' in " + field
            + (near.isEmpty() ? "" : "; " + Suggestions.didYouMean(near))
            + " Use ids of the catalog being evaluated (catalog " + catalog.catalogVersion() + ").");
      }
    }
  }

  /** Returns the name used in reports. */
  @Override
  public String toString() {
    return "Evaluator[" + name + "]";
  }
}
