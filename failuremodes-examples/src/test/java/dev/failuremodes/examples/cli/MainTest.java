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

  private static final String ALERT = "{\"version\":\"4\",\"receiver\":\"ml\",\"status\":\"firing\","
      + "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"FeaturePsiHigh\",\"metric\":\"psi\","
      + "\"value\":\"0.41\",\"feature\":\"tenure\"},\"annotations\":{\"summary\":\"PSI of tenure is 0.41\"}}]}";

  @Test
  void diagnose_report_readsTheFileAndShowsTheNumbers(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("alert.json");
    Files.writeString(file, ALERT);

    assertThat(run("diagnose", "--report", file.toString())).isZero();
    assertThat(out.toString()).contains("data-drift");
    assertThat(run("diagnose", "--json", "--report", file.toString(), "--format", "alertmanager")).isZero();
    assertThat(out.toString()).contains("\"tool\" : \"alertmanager\"", "\"check\" : \"FeaturePsiHigh\"",
        "\"feature\" : \"tenure\"", "\"value\" : 0.41", "psi 0.41 > 0.25 on tenure [Alertmanager FeaturePsiHigh]");
  }

  @Test
  void diagnose_reportWithTextAndObservation_combineInOneDiagnosis(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("alert.json");
    Files.writeString(file, ALERT);

    assertThat(run("diagnose", "--report", file.toString(), "--observe", "ece=0.2", "accuracy dropped")).isZero();
    assertThat(out.toString()).startsWith("Diagnosis of 4 inputs").contains("data-drift", "miscalibration");
  }

  @Test
  void diagnose_badReport_isAUsageErrorNamingTheFileAndLocation(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"receiver\":\"ml\",\"alerts\":[{\"labels\":[]}]}");

    assertThat(run("diagnose", "--report", file.toString())).isEqualTo(Main.USAGE);
    assertThat(err.toString()).startsWith("Cannot read report " + file + " at $.alerts[0].labels: expected an object"
        + " but found array []");
    assertThat(run("diagnose", "--report", dir.resolve("missing.json").toString())).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("missing.json: no such file; check the path");
  }

  @Test
  void diagnose_unknownFormat_isAUsageErrorListingTheValidOnes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("alert.json");
    Files.writeString(file, ALERT);

    assertThat(run("diagnose", "--report", file.toString(), "--format", "prometheus")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("prometheus").contains("tfdv, sagemaker, evidently, deepchecks,"
        + " great-expectations, alertmanager");
  }

  @Test
  void diagnose_observe_showsTheValueAgainstItsThreshold() {
    assertThat(run("diagnose", "--observe", "psi=0.31,feature=age")).isZero();
    assertThat(out.toString()).contains("data-drift");
    assertThat(run("diagnose", "--json", "--observe", "psi=0.31,feature=age")).isZero();
    assertThat(out.toString()).contains("psi 0.31 > 0.25 on age");
  }

  @Test
  void diagnose_observeHealthy_saysSoAndExitsZero() {
    assertThat(run("diagnose", "--observe", "ks-p-value=0.5,feature=income")).isZero();
    assertThat(out.toString()).contains("Every value read is on the healthy side of its threshold: ks-p-value 0.5 on"
        + " income, healthy (a symptom when < 0.05).");
  }

  @Test
  void diagnose_threshold_replacesTheCatalogs() {
    assertThat(run("diagnose", "--observe", "psi=0.22", "--threshold", "psi=0.2", "--json")).isZero();
    assertThat(out.toString()).contains("psi 0.22 > 0.2");
  }

  @Test
  void diagnose_badObservations_areUsageErrorsNamingTheMetric() {
    assertThat(run("diagnose", "--observe", "psi=NaN")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("psi").contains("finite");
    assertThat(run("diagnose", "--observe", "psi=-0.2")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("psi must be at least 0 (Population stability index), was -0.2");
    assertThat(run("diagnose", "--observe", "psi")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("--observe expects METRIC=VALUE");
    assertThat(run("diagnose", "--observe", "psi=0.3,colour=red")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("--observe has an unknown part 'colour=red'");
    assertThat(run("diagnose", "--observe", "psi=0.3", "--threshold", "psy=0.2")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("psy").contains("psi");
  }

  @Test
  void diagnose_unknownMetric_exitsThreeWithSuggestions() {
    assertThat(run("diagnose", "--observe", "psy=0.3")).isEqualTo(Main.NOTHING_RECOGNISED);
    assertThat(err.toString()).startsWith("not recognised: 'psy = 0.3'").contains("psi");
  }

  @Test
  void diagnose_anArgumentStartingWithAt_isASymptomNotAFileToExpand(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("args.txt");
    Files.writeString(file, "--limit\n0\n");
    assertThat(run("diagnose", "@" + file)).isEqualTo(Main.NOTHING_RECOGNISED);
    assertThat(err.toString()).contains("not recognised: '@" + file);
  }
}
