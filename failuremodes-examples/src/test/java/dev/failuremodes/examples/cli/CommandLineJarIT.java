package dev.failuremodes.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The built command-line jar, run as a user runs it: its exit codes reach the shell, and output it cannot write is an
 * error. Runs after {@code package}, as an integration test.
 */
class CommandLineJarIT {
  private static final String JAR = Path.of("target/failuremodes.jar").toAbsolutePath().toString();
  private static final File DEV_FULL = new File("/dev/full");

  /** The exit code and both streams of one run of the jar. */
  private record Result(int exit, String out, String err) {}

  private static Result run(File stdout, String... args) throws IOException, InterruptedException {
    assertThat(Path.of(JAR)).as("the command-line jar, built by package").exists();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("failuremodes", ".out");
    Path err = Files.createTempFile("failuremodes", ".err");
    try {
      Process process = new ProcessBuilder(command)
          .redirectOutput(stdout == null ? out.toFile() : stdout)
          .redirectError(err.toFile())
          .start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the tool finishes").isTrue();
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  @Test
  void stdoutOnAFullDisk_exitsOneWithAMessage() throws Exception {
    assumeTrue(DEV_FULL.exists(), "this platform has no /dev/full to stand for a full disk");

    for (String[] args : List.of(new String[] {"stages"}, new String[] {"diagnose", "--json", "model overfits"})) {
      Result result = run(DEV_FULL, args);

      assertThat(result.exit()).as(result.err()).isEqualTo(Main.FAILURE);
      assertThat(result.err()).isEqualTo("Cannot write to standard output (is the disk full, or was the reading end of"
          + " the pipe closed?); the output is incomplete. Free some space or send the output elsewhere, and run"
          + " again." + System.lineSeparator());
    }
  }

  @Test
  void exitCodes_reachTheShell() throws Exception {
    assertThat(run(null).exit()).as("no command").isEqualTo(Main.USAGE);
    assertThat(run(null, "--version").exit()).isZero();
    assertThat(run(null, "diagnose", "--strict", "xyzzy plugh").exit()).isEqualTo(Main.NOTHING_RECOGNISED);
  }

  @Test
  void controlCharacters_areEscapedOnTheRealStreams() throws Exception {
    // ASCII controls only: how other characters reach a process's arguments depends on the platform's encoding.
    Result result = run(null, "diagnose", "\u001b[31mred\u0007");

    assertThat(result.exit()).isEqualTo(Main.NOTHING_RECOGNISED);
    assertThat(result.out()).contains("'\\u001b[31mred\\u0007'").doesNotContain("\u001b", "\u0007");
    assertThat(result.err()).contains("'\\u001b[31mred\\u0007'").doesNotContain("\u001b", "\u0007");
  }
}
