package dev.failuremodes.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.failuremodes.Catalog;
import dev.failuremodes.CatalogException;
import dev.failuremodes.CatalogProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit code of every command on every path, and which stream gets output: 0 the result on stdout; 1 the library
 * failed; 2 usage error; 3 nothing recognised, or {@code --strict} and something unrecognised.
 */
class ExitCodeTest {
  /** Whether a stream got output. */
  enum Printed { NOTHING, SOMETHING }

  static final Printed NOTHING = Printed.NOTHING;
  static final Printed SOMETHING = Printed.SOMETHING;

  @TempDir static Path dir;

  @BeforeAll
  static void files() throws IOException {
    Files.writeString(dir.resolve("cases.tsv"), "model overfits\toverfitting\n");
    Files.writeString(dir.resolve("bad-cases.jsonl"),
        "{\"input\": \"model overfits\", \"expected\": [\"overfiting\"]}\n");
    Files.writeString(dir.resolve("bad-catalog.json"), "{\"schemaVersion\": 1, \"symptoms\": [{\"id\": \"x\"}]}");
    Files.writeString(dir.resolve("alert.json"), "{\"version\":\"4\",\"receiver\":\"ml\",\"status\":\"firing\","
        + "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"FeaturePsiHigh\",\"metric\":\"psi\","
        + "\"value\":\"0.41\",\"feature\":\"tenure\"},\"annotations\":{\"summary\":\"PSI of tenure is 0.41\"}}]}");
    Files.writeString(dir.resolve("bad-report.json"), "{\"receiver\":\"ml\",\"alerts\":[{\"labels\":[]}]}");
  }

  /**
   * Each row: exit code, stdout, stderr, arguments; FILE:name is a file in the temporary directory. With
   * {@code --json} a failure prints a JSON error on stdout too.
   */
  static Stream<Arguments> table() {
    return Stream.of(
        row(2, NOTHING, SOMETHING),
        row(0, SOMETHING, NOTHING, "--help"),
        row(0, SOMETHING, NOTHING, "-h"),
        row(0, SOMETHING, NOTHING, "--version"),
        row(0, SOMETHING, NOTHING, "-V"),
        row(0, SOMETHING, NOTHING, "help"),
        row(0, SOMETHING, NOTHING, "help", "diagnose"),
        row(2, NOTHING, SOMETHING, "help", "diagnoze"),
        row(2, NOTHING, SOMETHING, "diagnoze"),
        row(2, NOTHING, SOMETHING, "--bogus"),
        row(2, NOTHING, SOMETHING, "--bogus", "stages"),

        row(0, SOMETHING, NOTHING, "stages"),
        row(0, SOMETHING, NOTHING, "stages", "--help"),
        row(2, NOTHING, SOMETHING, "stages", "extra"),
        row(2, NOTHING, SOMETHING, "stages", "--bogus"),

        row(0, SOMETHING, NOTHING, "list"),
        row(0, SOMETHING, NOTHING, "list", "--stage", "data"),
        row(0, SOMETHING, NOTHING, "list", "--help"),
        row(2, NOTHING, SOMETHING, "list", "--stage", "modelling"),
        row(2, NOTHING, SOMETHING, "list", "--stage"),
        row(2, SOMETHING, SOMETHING, "list", "--json"),

        row(0, SOMETHING, NOTHING, "show", "data-leakage"),
        row(0, SOMETHING, NOTHING, "show", "--help"),
        row(2, NOTHING, SOMETHING, "show"),
        row(2, NOTHING, SOMETHING, "show", "misaligned-targt"),
        row(2, NOTHING, SOMETHING, "show", "data-leakage", "overfitting"),

        row(0, SOMETHING, NOTHING, "diagnose", "model overfits"),
        row(0, SOMETHING, NOTHING, "diagnose", "--json", "model overfits"),
        row(0, SOMETHING, NOTHING, "diagnose", "--strict", "model overfits"),
        row(0, SOMETHING, NOTHING, "diagnose", "--limit", "1", "--stage", "modeling", "model overfits"),
        row(0, SOMETHING, NOTHING, "diagnose", "--report", "FILE:alert.json"),
        row(0, SOMETHING, NOTHING, "diagnose", "--observe", "psi=0.31,feature=age", "--threshold", "psi=0.2"),
        row(0, SOMETHING, NOTHING, "diagnose", "--observe", "ks-p-value=0.5"),
        row(0, SOMETHING, NOTHING, "diagnose", "--help"),
        row(2, NOTHING, SOMETHING, "diagnose"),
        row(2, NOTHING, SOMETHING, "diagnose", " "),
        row(2, NOTHING, SOMETHING, "diagnose", "--bogus", "model overfits"),
        row(2, NOTHING, SOMETHING, "diagnose", "--limit", "0", "model overfits"),
        row(2, NOTHING, SOMETHING, "diagnose", "--limit", "-1", "model overfits"),
        row(2, NOTHING, SOMETHING, "diagnose", "--limit", "five", "model overfits"),
        row(2, NOTHING, SOMETHING, "diagnose", "--limit", "99999999999", "model overfits"),
        row(2, NOTHING, SOMETHING, "diagnose", "model overfits", "--limit"),
        row(2, NOTHING, SOMETHING, "diagnose", "--stage", "modelling", "model overfits"),
        row(2, NOTHING, SOMETHING, "diagnose", "--report", "FILE:missing.json"),
        row(2, NOTHING, SOMETHING, "diagnose", "--report", "FILE:"),
        row(2, NOTHING, SOMETHING, "diagnose", "--report", "FILE:bad-report.json"),
        row(2, NOTHING, SOMETHING, "diagnose", "--report", "FILE:alert.json", "--format", "prometheus"),
        row(2, NOTHING, SOMETHING, "diagnose", "--observe", "psi=abc"),
        row(2, NOTHING, SOMETHING, "diagnose", "--observe", "psi=-0.2"),
        row(2, NOTHING, SOMETHING, "diagnose", "--observe", "psi=0.3,colour=red"),
        row(2, NOTHING, SOMETHING, "diagnose", "--threshold", "psi", "model overfits"),
        row(2, NOTHING, SOMETHING, "diagnose", "--threshold", "psy=0.2", "--observe", "psi=0.3"),
        row(3, SOMETHING, SOMETHING, "diagnose", "xyzzy plugh"),
        row(3, SOMETHING, SOMETHING, "diagnose", "--json", "xyzzy plugh"),
        row(3, SOMETHING, SOMETHING, "diagnose", "--observe", "psy=0.3"),
        row(3, SOMETHING, SOMETHING, "diagnose", "--", "--json"),
        row(3, NOTHING, SOMETHING, "diagnose", "--strict", "model overfits", "xyzzy plugh"),
        row(0, SOMETHING, NOTHING, "diagnose", "--check", "learning-curves=positive", "--confirmed",
            "validation-loss-rising", "--ruled-out", "data-leakage", "large train-test gap"),
        row(0, SOMETHING, NOTHING, "diagnose", "--ruled-out", "overfitting", "--ruled-out", "data-leakage",
            "large train-test gap"),
        row(2, NOTHING, SOMETHING, "diagnose", "--check", "learning-curve=positive", "model overfits"),
        row(2, NOTHING, SOMETHING, "diagnose", "--check", "learning-curves", "model overfits"),
        row(2, NOTHING, SOMETHING, "diagnose", "--check", "learning-curves=maybe", "model overfits"),
        row(2, NOTHING, SOMETHING, "diagnose", "--confirmed", "trian-test gap", "model overfits"),
        row(2, NOTHING, SOMETHING, "diagnose", "--ruled-out", "overfiting-x", "model overfits"),
        row(2, NOTHING, SOMETHING, "diagnose", "--confirmed", "train-test-gap", "--ruled-out", "train-test-gap",
            "model overfits"),
        row(2, SOMETHING, SOMETHING, "diagnose", "--json", "--check", "learning-curve=positive", "model overfits"),
        row(2, NOTHING, SOMETHING, "diagnose", "--check", "learning-curves=positive"),

        row(0, SOMETHING, NOTHING, "interview", "large train-test gap"),
        row(0, SOMETHING, NOTHING, "interview", "--check", "learning-curves=positive", "large train-test gap"),
        row(0, SOMETHING, NOTHING, "interview", "--help"),
        row(2, NOTHING, SOMETHING, "interview"),
        row(2, NOTHING, SOMETHING, "interview", " "),
        row(2, NOTHING, SOMETHING, "interview", "--check", "learning-curve=positive", "model overfits"),
        row(2, NOTHING, SOMETHING, "interview", "--limit", "0", "model overfits"),
        row(3, SOMETHING, SOMETHING, "interview", "xyzzy plugh"),

        row(0, SOMETHING, NOTHING, "evaluate", "FILE:cases.tsv"),
        row(0, SOMETHING, NOTHING, "evaluate", "--json", "FILE:cases.tsv", "FILE:cases.tsv"),
        row(0, SOMETHING, NOTHING, "evaluate", "--help"),
        row(2, NOTHING, SOMETHING, "evaluate"),
        row(2, NOTHING, SOMETHING, "evaluate", "FILE:missing.tsv"),
        row(2, NOTHING, SOMETHING, "evaluate", "FILE:cases.tsv", "FILE:bad-cases.jsonl"),
        row(2, NOTHING, SOMETHING, "evaluate", "--catalog", "FILE:missing.json", "FILE:cases.tsv"),
        row(2, NOTHING, SOMETHING, "evaluate", "--extend", "FILE:bad-catalog.json", "FILE:cases.tsv"));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("table")
  void run_exitsWithTheDocumentedCode(List<String> args, int code, Printed stdout, Printed stderr) {
    CliRun run = CliRun.of(args);

    assertThat(run.exit()).as(run.toString()).isEqualTo(code);
    assertThat(run.out().isEmpty()).as(run.toString()).isEqualTo(stdout == NOTHING);
    assertThat(run.err().isEmpty()).as(run.toString()).isEqualTo(stderr == NOTHING);
  }

  static Stream<Arguments> catalogCommands() {
    return Stream.of(List.of("stages"), List.of("list"), List.of("show", "data-leakage"),
        List.of("interview", "model overfits"),
        List.of("evaluate", "FILE:cases.tsv"), List.of("evaluate", "--extend", "FILE:bad-catalog.json",
            "FILE:cases.tsv")).map(args -> arguments(files(args)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("catalogCommands")
  void run_catalogFails_exitsOneWithTheLibrarysMessage(List<String> args) {
    CatalogException missing = new CatalogException(List.of(new CatalogProblem("/dev/failuremodes/catalog/catalog.json",
        "file", "not on the class path; put dev.failuremodes:failuremodes-catalog on the class path")));

    CliRun run = CliRun.of(args, () -> {
      throw missing;
    });

    assertThat(run.exit()).as(run.toString()).isEqualTo(Main.FAILURE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(missing.getMessage() + System.lineSeparator());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("catalogCommands")
  void run_bug_exitsOneAskingForAReportWithTheTrace(List<String> args) {
    CliRun run = CliRun.of(args, () -> {
      throw new IllegalStateException("index out of step");
    });

    assertThat(run.exit()).as(run.toString()).isEqualTo(Main.FAILURE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("failuremodes failed unexpectedly: java.lang.IllegalStateException: index out of"
            + " step" + System.lineSeparator() + "This is a bug in failuremodes; please report it with the command"
            + " line and the stack trace below.")
        .contains("\tat dev.failuremodes.examples.cli.");
  }

  private static Arguments row(int code, Printed stdout, Printed stderr, String... args) {
    return arguments(files(Arrays.asList(args)), code, stdout, stderr);
  }

  private static List<String> files(List<String> args) {
    return CliRun.files(dir, args);
  }
}
