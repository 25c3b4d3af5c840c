package dev.failuremodes.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failuremodes.Catalog;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Stage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
  private static Catalog valid() {
    try {
      return Catalog.load(Path.of(EvaluationTest.class.getResource("/catalogs/valid.json").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fixed ranking, so that the arithmetic of the figures can be checked exactly. */
  private static final Map<String, List<String>> RANKED = Map.of(
      "a", List.of("data-leakage", "data-drift"),
      "b", List.of("data-drift", "data-leakage"),
      "c", List.of(),
      "d", List.of("data-leakage"),
      "e", List.of(),
      "f", List.of("data-drift"));

  private static Evaluator fixed() {
    return Evaluator.of(valid(), "fixed", inputs -> RANKED.get(inputs.get(0)));
  }

  @Test
  void parse_jsonLines_readsEveryFieldAndSkipsCommentsAndBlankLines() {
    List<LabelledCase> cases = LabelledCases.parse("""
        # a comment
        {"inputs": ["a", "b"], "expected": ["data-leakage"], "acceptable": ["data-drift"], "source": "s"}

        {"input": "c", "expected": [], "kind": "workplace"}
        {"id": "neg-1", "input": "d", "expected": [], "notExpected": ["data-drift"]}
        """, "cases.jsonl");
    assertThat(cases).hasSize(3);
    assertThat(cases.get(0)).isEqualTo(new LabelledCase("cases.jsonl:2", List.of("a", "b"), List.of("data-leakage"),
        List.of("data-drift"), List.of(), "s"));
    assertThat(cases.get(1).unrelated()).isTrue();
    assertThat(cases.get(2).name()).isEqualTo("neg-1");
    assertThat(cases.get(2).unrelated()).isFalse();
  }

  @Test
  void parse_tsv_readsExpectedAndAcceptableAndNone() {
    List<LabelledCase> cases = LabelledCases.parse(
        "\uFEFF# header\nleaky\tdata-leakage\tdata-drift\nnothing here\tNONE\nboth\tdata-leakage, data-drift\n",
        "set.tsv");
    assertThat(cases).extracting(LabelledCase::name).containsExactly("set.tsv:2", "set.tsv:3", "set.tsv:4");
    assertThat(cases.get(0).answers()).containsExactly("data-leakage", "data-drift");
    assertThat(cases.get(1).unrelated()).isTrue();
    assertThat(cases.get(2).expected()).containsExactly("data-leakage", "data-drift");
  }

  @Test
  void parse_badLines_failWithTheFileLineAndAFix() {
    assertThatThrownBy(() -> LabelledCases.parse("{\"input\": \"a\", \"expected\": []}\n{\"input\": \"a\",", "x.jsonl"))
        .isInstanceOf(CaseFileException.class)
        .hasMessageStartingWith("Invalid case file x.jsonl, line 2: column ")
        .hasMessageEndingWith("; each line must be one JSON object")
        .extracting(e -> ((CaseFileException) e).line()).isEqualTo(2);
    assertThatThrownBy(() -> LabelledCases.parse("{\"input\": \"a\", \"expect\": []}", "x.jsonl"))
        .hasMessage("Invalid case file x.jsonl, line 1: unknown field 'expect'; did you mean 'expected'? Valid fields:"
            + " acceptable, expected, id, input, inputs, kind, notExpected, note, source");
    assertThatThrownBy(() -> LabelledCases.parse("{\"input\": \"a\"}", "x.jsonl"))
        .hasMessage("Invalid case file x.jsonl, line 1: \"expected\" is required: the ids of the true causes, or []"
            + " when the input describes no failure");
    assertThatThrownBy(() -> LabelledCases.parse("{\"input\": \"a\", \"expected\": [\"Data Leakage\"]}", "x.jsonl"))
        .hasMessage("Invalid case file x.jsonl, line 1: expected id 'Data Leakage' is not lowercase kebab-case"
            + " (expected letters, digits and single dashes, such as 'data-leakage')");
    assertThatThrownBy(() -> LabelledCases.parse("{\"input\": \" \", \"expected\": []}", "x.jsonl"))
        .hasMessageContaining("line 1: case x.jsonl:1: inputs must hold at least one input and no blank one");
    assertThatThrownBy(() -> LabelledCases.parse("[1]", "x.jsonl"))
        .hasMessageStartingWith("Invalid case file x.jsonl, line 1: expected a JSON object but was array");
    assertThatThrownBy(() -> LabelledCases.parse("just a phrase\n", "x.tsv"))
        .hasMessage("Invalid case file x.tsv, line 1: expected 'input<TAB>expected ids[<TAB>acceptable ids]' but"
            + " found 0 tabs; separate the columns with single tabs");
    assertThatThrownBy(() -> LabelledCases.parse(
            "{\"input\": \"a\", \"expected\": [\"data-drift\"], \"notExpected\": [\"data-drift\"]}", "x.jsonl"))
        .hasMessageContaining("'data-drift' is both a correct answer and not expected");
  }

  @Test
  void read_missingOrNonUtf8File_saysSo(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> LabelledCases.read(dir.resolve("none.jsonl")))
        .isInstanceOf(CaseFileException.class).hasMessageEndingWith("none.jsonl: no such file; check the path");
    Path latin1 = dir.resolve("latin1.tsv");
    Files.write(latin1, new byte[] {'c', (byte) 0xe9, '\t', 'N', 'O', 'N', 'E'});
    assertThatThrownBy(() -> LabelledCases.read(latin1)).hasMessageEndingWith("not UTF-8 text; save the file as UTF-8");
  }

  @Test
  void evaluate_countsTopOneTopThreeReciprocalRankAbstentionAndViolations() {
    List<LabelledCase> cases = List.of(
        LabelledCase.of("a", "data-leakage"),                       // first: top-1
        LabelledCase.of("b", "data-leakage"),                       // second: top-3, rank 2
        LabelledCase.of("c", "data-drift"),                         // nothing ranked: a miss
        new LabelledCase("d", List.of("d"), List.of(), List.of(), List.of(), ""),   // unrelated, but ranked
        new LabelledCase("e", List.of("e"), List.of(), List.of(), List.of(), ""),   // unrelated, abstained
        new LabelledCase("f", List.of("f"), List.of(), List.of(), List.of("data-drift"), "")); // violation
    Evaluation e = fixed().evaluate(cases);
    assertThat(e.scored()).isEqualTo(3);
    assertThat(e.hits(1)).isEqualTo(1);
    assertThat(e.hits(3)).isEqualTo(2);
    assertThat(e.top1()).isEqualTo(1.0 / 3);
    assertThat(e.meanReciprocalRank()).isEqualTo((1.0 + 0.5 + 0) / 3);
    assertThat(e.unrelated()).isEqualTo(2);
    assertThat(e.abstained()).isEqualTo(1);
    assertThat(e.abstention()).isEqualTo(0.5);
    assertThat(e.withRuledOut()).isEqualTo(1);
    assertThat(e.violations()).extracting(r -> r.labelledCase().name()).containsExactly("f");
    assertThat(e.misses()).extracting(r -> r.labelledCase().name()).containsExactly("c");
    assertThat(e.falsePositives()).extracting(r -> r.labelledCase().name()).containsExactly("d");
    assertThat(e.byStage()).containsOnlyKeys(Stage.DATA, Stage.DEPLOYMENT_MONITORING);
    assertThat(e.byStage().get(Stage.DATA)).isEqualTo(new Evaluation.StageResult(Stage.DATA, 2, 1, 2));
    assertThat(e.confusions()).containsExactly(
        new Evaluation.Confusion("data-drift", "(nothing)", 1),
        new Evaluation.Confusion("data-leakage", "data-drift", 1));
    assertThat(e).hasToString("fixed: top-1 1/3, top-3 2/3, MRR 0.500, abstained 1/2,"
        + " ruled-out modes in the top three 1/1");
    assertThat(e.report()).isEqualTo("""
        Evaluation of fixed on 6 cases
          top-1 1/3 (33.3%), top-3 2/3 (66.7%), mean reciprocal rank 0.500
          unrelated inputs with no candidate: 1/2 (50.0%)
          cases ranking a ruled-out mode in the top three: 1/1
          by stage of the expected mode:
            data                   top-1 1/2, top-3 2/2
            deployment-monitoring  top-1 0/1, top-3 0/1
          ranked first instead of the expected mode:
            data-drift                   -> (nothing)                    1
            data-leakage                 -> data-drift                   1
          misses (no correct answer in the top three):
            c "c" -> [], expected data-drift
          unrelated inputs that got a candidate:
            d "d" -> [data-leakage]
          ruled-out modes ranked in the top three:
            f "f" -> [data-drift] ruled out: data-drift
        """);
    assertThat(e.toJson()).contains("\"top1\" : 1", "\"top3\" : 2", "\"meanReciprocalRank\" : 0.5");
  }

  @Test
  void evaluate_unknownIdInACase_namesTheCaseAndSuggests() {
    List<LabelledCase> cases = LabelledCases.parse("x\tdata-leak\n", "x.tsv");
    assertThatThrownBy(() -> fixed().evaluate(cases))
        .isInstanceOf(CaseFileException.class)
        .hasMessage("Invalid case file x.tsv:1: unknown failure mode 'data-leak' in expected; did you mean"
            + " 'data-leakage'? Use ids of the catalog being evaluated (catalog test.1).");
  }

  @Test
  void evaluatorOfDiagnoser_ranksWithTheDiagnosis() {
    Evaluation e = Evaluator.of(FailureModes.using(valid()))
        .evaluate(List.of(LabelledCase.of("near-perfect AUC", "data-leakage")));
    assertThat(e.hits(1)).isEqualTo(1);
    assertThat(e.results().get(0).ranked()).containsExactly("data-leakage");
  }
}
