package dev.failuremodes.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Without the catalog jar on the class path, the tool says what is missing and how to fix it, with exit code 1. */
class MissingCatalogTest {
  private static Process start(String... args) throws Exception {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("failuremodes-catalog"))
        .collect(Collectors.joining(File.pathSeparator));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, Main.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the tool finishes").isTrue();
    return process;
  }

  @ParameterizedTest
  @ValueSource(strings = {"stages", "list", "show data-leakage", "diagnose model overfits", "--version"})
  void command_withoutTheCatalogJar_explainsAndExitsOne(String args) throws Exception {
    Process process = start(args.split(" "));
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(err).isEqualTo(Main.FAILURE);
    assertThat(out).isEmpty();
    assertThat(err)
        .startsWith("Invalid catalog /dev/failuremodes/catalog/catalog.json: 1 problem")
        .contains("put dev.failuremodes:failuremodes-catalog on the class path")
        .doesNotContain("\tat ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "diagnose --help", "stages --limit"})
  void helpAndUsageErrors_needNoCatalog(String args) throws Exception {
    Process process = start(args.split(" "));
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(err).isEqualTo(args.endsWith("--help") ? 0 : Main.USAGE);
    assertThat(err).doesNotContain("catalog.json");
  }

  @Test
  void json_withoutTheCatalogJar_printsAFailureObject() throws Exception {
    Process process = start("diagnose", "--json", "model overfits");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(out).isEqualTo(Main.FAILURE);
    JsonNode error = new ObjectMapper().readTree(out).get("error");
    assertThat(error.get("kind").asText()).isEqualTo("failure");
    assertThat(error.get("exitCode").asInt()).isEqualTo(Main.FAILURE);
    assertThat(error.get("message").asText()).contains("put dev.failuremodes:failuremodes-catalog on the class path");
  }
}
