package dev.failuremodes.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Without the catalog jar on the class path, the tool says what is missing and how to fix it, with exit code 1. */
class MissingCatalogTest {
  @Test
  void stages_withoutTheCatalogJar_explainsAndExitsOne() throws Exception {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("failuremodes-catalog"))
        .collect(Collectors.joining(File.pathSeparator));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp", classPath, Main.class.getName(), "stages"))
        .redirectErrorStream(false)
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the tool finishes").isTrue();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(err).isEqualTo(Main.FAILURE);
    assertThat(err)
        .startsWith("Invalid catalog /dev/failuremodes/catalog/catalog.json: 1 problem")
        .contains("put dev.failuremodes:failuremodes-catalog on the class path")
        .doesNotContain("\tat ");
  }
}
