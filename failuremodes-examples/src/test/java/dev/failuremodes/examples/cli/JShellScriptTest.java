package dev.failuremodes.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The JShell start-up script loads and its helpers work, in a real JShell. */
class JShellScriptTest {
  @Test
  void startupScript_definesDiagnoseAndShow() throws Exception {
    Path script = Path.of("src/main/jshell/failuremodes.jsh");
    assertThat(script).exists();
    Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
    Process process = new ProcessBuilder(List.of(jshell.toString(), "-q", "--class-path",
            System.getProperty("java.class.path"), "--startup", "DEFAULT", "--startup", script.toString()))
        .redirectErrorStream(true)
        .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(("diagnose(\"model overfits\").top().get().id()\nshow(\"data-leakage\")\n/exit\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("jshell finishes").isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(out)
        .contains("failuremodes catalog ")
        .contains("Diagnosis of 1 input")
        .contains("\"overfitting\"")
        .contains("Data leakage (data): Information that will not be available at prediction time")
        .contains("fix 1. Separate train and test strictly [leverage high]")
        .doesNotContain("Error:")
        .doesNotContain("Exception");
    assertThat(Files.readString(script)).startsWith("// JShell start-up script");
  }
}
