package dev.failuremodes.examples.cli;

import dev.failuremodes.Catalog;
import dev.failuremodes.FailureModes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code failuremodes} command-line tool: browse the bundled catalog and diagnose symptoms.
 *
 * <p>Exit codes: 0 the command printed its result; 1 the library failed (such as a missing catalog jar), the output
 * could not be written, or a bug; 2 usage error (unknown option or command, bad value, missing or unreadable file);
 * 3 nothing recognised, or {@code --strict} and something unrecognised. With {@code --json} anywhere before
 * {@code --}, a command that fails prints {@code {"error": {...}}} on stdout as well as its message on stderr.
 * Control and other non-printing characters are written as <code>&#92;uXXXX</code> on both streams.
 */
@Command(
    name = "failuremodes",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Explore the catalog of machine-learning failure modes.",
    subcommands = {
      DiagnoseCommand.class, InterviewCommand.class, EvaluateCommand.class, StagesCommand.class, ListCommand.class,
      ShowCommand.class, CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code when the library failed (such as a missing bundled catalog), stdout failed, or on a bug. */
  public static final int FAILURE = 1;
  /** Exit code for a usage error. */
  public static final int USAGE = 2;
  /** Exit code when nothing the user gave was recognised, or {@code --strict} and something was not. */
  public static final int NOTHING_RECOGNISED = 3;

  private static final String OUTPUT_FAILED = "Cannot write to standard output (is the disk full, or was the"
      + " reading end of the pipe closed?); the output is incomplete. Free some space or send the output elsewhere,"
      + " and run again.";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Supplier<Catalog> catalog;
  private final BufferedReader in;
  private final boolean interactive;

  Main(Supplier<Catalog> catalog, Reader in, boolean interactive) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.in = new BufferedReader(Objects.requireNonNull(in, "in"));
    this.interactive = interactive;
  }

  /** Returns standard input, where {@code interview} reads the answers. */
  BufferedReader input() {
    return in;
  }

  /** Returns whether a person types the answers at a terminal; otherwise they are echoed after each prompt. */
  boolean interactive() {
    return interactive;
  }

  /** Returns the catalog; loaded on first use, inside command execution, so its errors are handled. */
  Catalog catalog() {
    return catalog.get();
  }

  /** Runs the tool and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /**
   * Runs the tool in-process over the bundled catalog, writing to the given streams; returns the exit code.
   *
   * <p>Control and other non-printing characters are escaped on both streams. If {@code out} reports an error
   * ({@link PrintWriter#checkError()}) once the command is done, a message goes to {@code err} and the exit code is
   * 1 whatever the command returned.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, FailureModes::catalog);
  }

  /** Runs the tool over the catalog {@code catalog} supplies; for tests of the library failing. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Supplier<Catalog> catalog) {
    return run(args, new InputStreamReader(System.in, StandardCharsets.UTF_8), System.console() != null, out, err,
        catalog);
  }

  /**
   * Runs the tool with {@code in} as standard input (the interview's answers); {@code interactive} says whether a
   * person types them at a terminal, which echoes them.
   */
  static int run(String[] args, Reader in, boolean interactive, PrintWriter out, PrintWriter err,
      Supplier<Catalog> catalog) {
    PrintWriter escapedOut = new PrintWriter(new EscapingWriter(out), true);
    PrintWriter escapedErr = new PrintWriter(new EscapingWriter(err), true);
    boolean json = jsonRequested(args);
    CommandLine cli = new CommandLine(new Main(catalog, in, interactive));
    cli.setOut(escapedOut);
    cli.setErr(escapedErr);
    // An argument is a symptom as typed: "@notes.txt" is not a file to read arguments from.
    cli.setExpandAtFiles(false);
    // Colours in the usage help would be escaped like any other ESC; the help reads the same without them.
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cli.setParameterExceptionHandler((e, arguments) -> ErrorReport.of(e).print(escapedOut, escapedErr, json));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> ErrorReport.of(e).print(escapedOut, escapedErr, json));
    int code;
    try {
      code = cli.execute(args);
    } catch (RuntimeException e) {
      // picocli lets a few exceptions through its handlers, such as the version provider's (a missing catalog).
      code = ErrorReport.of(e).print(escapedOut, escapedErr, json);
    }
    escapedOut.flush();
    // PrintWriter never throws: a full disk or a closed pipe shows only here, and the output is lost.
    if (out.checkError()) {
      escapedErr.println(OUTPUT_FAILED);
      code = FAILURE;
    }
    escapedErr.flush();
    return code;
  }

  /**
   * Returns whether {@code --json} (or {@code --json=true}) is among the options, that is before any {@code --}, for
   * any command; read from the arguments themselves so that it holds when they cannot be parsed.
   */
  static boolean jsonRequested(String[] args) {
    boolean json = false;
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      if (arg.equals("--json")) {
        json = true;
      } else if (arg.startsWith("--json=")) {
        json = !arg.substring("--json=".length()).equalsIgnoreCase("false");
      }
    }
    return json;
  }

  /** Without a command there is nothing to do: a usage error, not the help (which {@code --help} prints). */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: give one of diagnose, interview,"
        + " evaluate, stages, list, show or help.");
  }

  /** A user error found after parsing, such as an unknown id; reported on stderr with exit code 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Prints the catalog version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"failuremodes catalog " + FailureModes.catalog().catalogVersion()};
    }
  }
}
