package dev.failuremodes.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void stages_printsAllSixInDebuggingOrder() {
    assertThat(run("stages")).isZero();
    assertThat(out.toString().lines())
        .hasSize(6)
        .first()
        .asString()
        .startsWith("1. problem-framing");
    assertThat(out.toString().lines().skip(5).findFirst()).get().asString().startsWith("6. deployment-monitoring");
  }

  @Test
  void list_stageFilter_printsOnlyThatStage() {
    assertThat(run("list", "--stage", "problem-framing")).isZero();
    assertThat(out.toString()).startsWith("Problem framing\n").contains("  misaligned-target ").doesNotContain("Data\n");
  }

  @Test
  void list_unknownStage_isAUsageErrorListingTheValidOnes() {
    assertThat(run("list", "--stage", "modelling")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).startsWith("Invalid value for option '--stage' (ID): Unknown stage 'modelling'; valid"
        + " stages are problem-framing, data, feature-engineering, modeling, evaluation, deployment-monitoring.");
  }

  @Test
  void show_knownId_printsTheModeWithFixesInOrder() {
    assertThat(run("show", "misaligned-target")).isZero();
    assertThat(out.toString())
        .startsWith("Misaligned target (misaligned-target) — stage: problem-framing")
        .contains("Fixes, in order:\n  1. Revisit the problem statement [leverage high, effort medium]");
  }

  @Test
  void show_unknownId_suggestsAndExitsWithUsage() {
    assertThat(run("show", "misaligned-targt")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).isEqualTo("Unknown failure mode 'misaligned-targt'; did you mean 'misaligned-target'?"
        + " Run 'failuremodes list' to see every id." + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unknownCommand_isAUsageError() {
    assertThat(run("diagnoze")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'diagnoze'");
  }

  @Test
  void diagnose_printsATableAndExitsZero() {
    assertThat(run("diagnose", "large train-test gap", "accuracy dropped after release")).isZero();
    assertThat(out.toString()).startsWith("Diagnosis of 2 inputs").contains("data-leakage").contains("plan: 1.");
  }

  @Test
  void diagnose_json_printsExactlyTheDiagnosisJson() {
    assertThat(run("diagnose", "--json", "--limit", "3", "model overfits")).isZero();
    String expected = dev.failuremodes.FailureModes.forSymptoms("model overfits").limit(3).diagnose().toJson();
    assertThat(out.toString()).isEqualTo(expected);
  }

  @Test
  void diagnose_nothingRecognised_exitsThree() {
    assertThat(run("diagnose", "xyzzy plugh")).isEqualTo(Main.NOTHING_RECOGNISED);
    assertThat(err.toString()).startsWith("not recognised: 'xyzzy plugh'");
  }

  @Test
  void diagnose_strictWithUnknown_exitsThreeWithSuggestionsOnStderr() {
    assertThat(run("diagnose", "--strict", "model overfits", "xyzzy plugh")).isEqualTo(Main.NOTHING_RECOGNISED);
    assertThat(err.toString()).startsWith("Unknown symptom 'xyzzy plugh'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void diagnose_badLimitOrNoSymptom_isAUsageError() {
    assertThat(run("diagnose", "--limit", "0", "overfit")).isEqualTo(Main.USAGE);
    assertThat(run("diagnose")).isEqualTo(Main.USAGE);
  }

  @Test
  void evaluate_caseFile_printsTheReport(@TempDir Path dir) throws IOException {
    Path cases = dir.resolve("cases.tsv");
    Files.writeString(cases, "model overfits\toverfitting\nthe office wifi keeps dropping\tNONE\n");
    assertThat(run("evaluate", cases.toString())).isZero();
    assertThat(out.toString()).startsWith("== " + cases + "\nEvaluation of failuremodes (catalog ")
        .contains("top-1 1/1 (100.0%), top-3 1/1 (100.0%), mean reciprocal rank 1.000");
  }

  @Test
  void evaluate_badCaseFile_isAUsageErrorNamingTheLine(@TempDir Path dir) throws IOException {
    Path cases = dir.resolve("cases.jsonl");
    Files.writeString(cases, "{\"input\": \"model overfits\", \"expected\": [\"overfiting\"]}\n");
    assertThat(run("evaluate", cases.toString())).isEqualTo(Main.USAGE);
    assertThat(err.toString()).startsWith("Invalid case file cases.jsonl:1: unknown failure mode 'overfiting' in"
        + " expected; did you mean 'overfitting'?");
  }
}
