package dev.failuremodes.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Output that cannot be written (a full disk, a closed pipe) is an error: exit 1 and a message on stderr. */
class OutputErrorTest {
  private static final String MESSAGE = "Cannot write to standard output (is the disk full, or was the reading end of"
      + " the pipe closed?); the output is incomplete. Free some space or send the output elsewhere, and run again.";

  /** An output stream whose every write fails, as on a full disk. */
  static final class FullDisk extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      throw new IOException("No space left on device");
    }
  }

  static List<List<String>> printing() {
    return List.of(List.of("stages"), List.of("list"), List.of("show", "data-leakage"), List.of("--help"),
        List.of("--version"), List.of("diagnose", "model overfits"), List.of("diagnose", "--json", "model overfits"),
        List.of("diagnose", "xyzzy plugh"), List.of("diagnose", "--json", "--limit", "0", "model overfits"),
        List.of("diagnose", "--json", "--strict", "xyzzy plugh"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("printing")
  void run_stdoutFails_exitsOneWithAMessage(List<String> args) {
    StringWriter err = new StringWriter();
    PrintWriter out = new PrintWriter(new FullDisk(), false, StandardCharsets.UTF_8);

    int exit = Main.run(args.toArray(new String[0]), out, new PrintWriter(err));

    assertThat(exit).as(err.toString()).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).endsWith(MESSAGE + System.lineSeparator());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("printing")
  void run_stdoutFailsAfterAWhile_exitsOne(List<String> args) {
    StringWriter err = new StringWriter();
    // The first bytes fit; the rest does not, as when a disk fills up part-way.
    PrintWriter out = new PrintWriter(new OutputStream() {
      private int room = 16;

      @Override
      public void write(int b) throws IOException {
        if (--room < 0) {
          throw new IOException("No space left on device");
        }
      }
    }, true, StandardCharsets.UTF_8);

    assertThat(Main.run(args.toArray(new String[0]), out, new PrintWriter(err))).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).endsWith(MESSAGE + System.lineSeparator());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("silent")
  void run_stdoutFailsButNothingIsPrinted_keepsTheExitCode(List<String> args) {
    StringWriter err = new StringWriter();
    PrintWriter out = new PrintWriter(new FullDisk(), true, StandardCharsets.UTF_8);

    assertThat(Main.run(args.toArray(new String[0]), out, new PrintWriter(err))).isEqualTo(Main.USAGE);
    assertThat(err.toString()).doesNotContain(MESSAGE);
  }

  static List<List<String>> silent() {
    return List.of(List.of(), List.of("diagnose", "--limit", "0", "model overfits"), List.of("show", "no-such-mode"));
  }
}
