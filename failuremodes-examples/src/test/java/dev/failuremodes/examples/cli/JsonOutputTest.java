package dev.failuremodes.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failuremodes.CatalogException;
import dev.failuremodes.CatalogProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** With {@code --json}, stdout holds one JSON document whatever happens: the result, or an error object. */
class JsonOutputTest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @TempDir static Path dir;

  @BeforeAll
  static void files() throws IOException {
    Files.writeString(dir.resolve("cases.tsv"), "model overfits\toverfitting\n");
    Files.writeString(dir.resolve("bad-cases.jsonl"),
        "{\"input\": \"model overfits\", \"expected\": [\"overfiting\"]}\n");
    Files.writeString(dir.resolve("bad-report.json"), "{\"receiver\":\"ml\",\"alerts\":[{\"labels\":[]}]}");
  }

  /** Each row: the kind of error, the exit code, the arguments (FILE:name for a file in the temporary directory). */
  static Stream<Arguments> failures() {
    return Stream.of(
        arguments("usage", 2, List.of("--json")),
        arguments("usage", 2, List.of("--json", "diagnoze")),
        arguments("usage", 2, List.of("diagnose", "--json")),
        arguments("usage", 2, List.of("diagnose", "--json", "--jsno", "model overfits")),
        arguments("usage", 2, List.of("diagnose", "--limit", "0", "--json", "model overfits")),
        arguments("usage", 2, List.of("diagnose", "--json=true", "--limit", "x", "model overfits")),
        arguments("usage", 2, List.of("diagnose", "--json", "--stage", "modelling", "model overfits")),
        arguments("usage", 2, List.of("diagnose", "--json", "--observe", "psi=NaN")),
        arguments("usage", 2, List.of("diagnose", "--json", "--report", "FILE:missing.json")),
        arguments("usage", 2, List.of("diagnose", "--json", "--report", "FILE:bad-report.json")),
        arguments("usage", 2, List.of("diagnose", "--json", "--report", "FILE:bad-report.json", "--format", "tfdvv")),
        arguments("usage", 2, List.of("evaluate", "--json", "FILE:missing.tsv")),
        arguments("usage", 2, List.of("evaluate", "--json", "FILE:cases.tsv", "FILE:bad-cases.jsonl")),
        arguments("usage", 2, List.of("evaluate", "--json", "--catalog", "FILE:missing.json", "FILE:cases.tsv")),
        arguments("usage", 2, List.of("list", "--json")),
        arguments("usage", 2, List.of("show", "--json", "data-leakage")),
        arguments("unrecognized", 3, List.of("diagnose", "--json", "--strict", "model overfits", "xyzzy plugh")),
        arguments("unrecognized", 3, List.of("diagnose", "--strict", "--json", "xyzzy")));
  }

  @ParameterizedTest(name = "[{index}] {2} -> {0}")
  @MethodSource("failures")
  void failure_printsOneJsonErrorObjectOnStdout(String kind, int code, List<String> args) throws IOException {
    CliRun run = CliRun.of(CliRun.files(dir, args));

    assertThat(run.exit()).as(run.toString()).isEqualTo(code);
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.size()).isOne();
    JsonNode error = root.get("error");
    assertThat(fieldNames(error)).containsExactly("kind", "message", "exitCode", "suggestions", "unrecognized");
    assertThat(error.get("kind").asText()).isEqualTo(kind);
    assertThat(error.get("exitCode").asInt()).isEqualTo(code);
    assertThat(error.get("message").asText()).isNotBlank()
        .isEqualTo(run.err().replace(System.lineSeparator(), "\n").stripTrailing());
    assertThat(error.get("suggestions").isArray()).isTrue();
    assertThat(error.get("unrecognized").isArray()).isTrue();
  }

  @Test
  void strictUnknown_listsTheInputsWithSuggestions() throws IOException {
    CliRun run = CliRun.of(List.of("diagnose", "--json", "--strict", "model overfits", "large train-test gapp",
        "xyzzy plugh"));

    assertThat(run.exit()).isEqualTo(Main.NOTHING_RECOGNISED);
    JsonNode error = JSON.readTree(run.out()).get("error");
    assertThat(error.get("message").asText()).startsWith("Unknown symptoms 'large train-test gapp'")
        .endsWith("drop --strict to diagnose from the inputs that were recognised.");
    assertThat(error.get("unrecognized").findValuesAsText("input")).containsExactly("large train-test gapp",
        "xyzzy plugh");
    assertThat(error.get("unrecognized").get(0).get("suggestions").get(0).asText()).isEqualTo("train-test-gap");
    assertThat(run.err()).startsWith("Unknown symptoms 'large train-test gapp' (did you mean train-test-gap");
  }

  @Test
  void unknownOption_carriesPicoclisSuggestions() throws IOException {
    CliRun run = CliRun.of(List.of("diagnose", "--json", "--strickt", "x"));

    assertThat(run.exit()).isEqualTo(Main.USAGE);
    JsonNode error = JSON.readTree(run.out()).get("error");
    List<String> suggestions = new ArrayList<>();
    error.get("suggestions").forEach(s -> suggestions.add(s.asText()));
    assertThat(suggestions).contains("--strict");
    assertThat(error.get("message").asText()).startsWith("Unknown option: '--strickt'\nDid you mean ")
        .contains("--strict?\nUsage: failuremodes diagnose ");
  }

  @Test
  void catalogFails_isAFailureWithTheLibrarysMessage() throws IOException {
    CatalogException missing = new CatalogException(List.of(new CatalogProblem("catalog.json", "file",
        "not on the class path; put dev.failuremodes:failuremodes-catalog on the class path")));

    CliRun run = CliRun.of(CliRun.files(dir, List.of("evaluate", "--json", "FILE:cases.tsv")), () -> {
      throw missing;
    });

    assertThat(run.exit()).isEqualTo(Main.FAILURE);
    JsonNode error = JSON.readTree(run.out()).get("error");
    assertThat(error.get("kind").asText()).isEqualTo("failure");
    assertThat(error.get("exitCode").asInt()).isEqualTo(1);
    assertThat(error.get("message").asText()).isEqualTo(missing.getMessage());
  }

  @Test
  void bug_isAFailureWithTheTraceOnStderrOnly() throws IOException {
    CliRun run = CliRun.of(List.of("show", "--json=true", "data-leakage"), () -> {
      throw new IllegalStateException("index out of step");
    });

    // show has no --json option, so this is a usage error before the catalog is touched; evaluate has one.
    assertThat(run.exit()).isEqualTo(Main.USAGE);
    run = CliRun.of(CliRun.files(dir, List.of("evaluate", "--json", "FILE:cases.tsv")), () -> {
      throw new IllegalStateException("index out of step");
    });
    assertThat(run.exit()).isEqualTo(Main.FAILURE);
    JsonNode error = JSON.readTree(run.out()).get("error");
    assertThat(error.get("kind").asText()).isEqualTo("failure");
    assertThat(error.get("message").asText()).startsWith("failuremodes failed unexpectedly:"
        + " java.lang.IllegalStateException: index out of step\nThis is a bug").doesNotContain("\tat ");
    assertThat(run.err()).contains("\tat ");
  }

  @Test
  void jsonFalse_printsNoJson() {
    CliRun run = CliRun.of(List.of("diagnose", "--json=true", "--json=false", "--limit", "0", "x"));

    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void success_printsTheResultAsJson() throws IOException {
    CliRun run = CliRun.of(List.of("diagnose", "--json", "model overfits"));
    assertThat(run.exit()).isZero();
    assertThat(JSON.readTree(run.out()).has("candidates")).isTrue();

    run = CliRun.of(List.of("diagnose", "--json", "xyzzy plugh"));
    assertThat(run.exit()).as("nothing recognised, but a diagnosis").isEqualTo(Main.NOTHING_RECOGNISED);
    JsonNode diagnosis = JSON.readTree(run.out());
    assertThat(diagnosis.has("error")).isFalse();
    assertThat(diagnosis.get("unrecognized").findValuesAsText("input")).containsExactly("xyzzy plugh");

    run = CliRun.of(CliRun.files(dir, List.of("evaluate", "--json", "FILE:cases.tsv")));
    assertThat(run.exit()).isZero();
    assertThat(JSON.readTree(run.out()).has("error")).isFalse();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
