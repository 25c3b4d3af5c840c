package dev.failuremodes.examples.cli;

import dev.failuremodes.Catalog;
import dev.failuremodes.FailureModes;
import dev.failuremodes.FailureModesException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code failuremodes} command-line tool: browse the bundled catalog and diagnose symptoms.
 *
 * <p>Exit codes: 0 success; 2 usage error (unknown option, command or id); 3 nothing recognised, or
 * {@code --strict} and something unrecognised.
 */
@Command(
    name = "failuremodes",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Explore the catalog of machine-learning failure modes.",
    subcommands = {
      DiagnoseCommand.class, EvaluateCommand.class, StagesCommand.class, ListCommand.class, ShowCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code when the library itself failed, such as a missing or invalid bundled catalog. */
  public static final int FAILURE = 1;
  /** Exit code for a usage error. */
  public static final int USAGE = 2;
  /** Exit code when nothing the user gave was recognised. */
  public static final int NOTHING_RECOGNISED = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Main() {}

  /** Returns the bundled catalog; loaded on first use, inside command execution, so its errors are handled. */
  Catalog catalog() {
    return FailureModes.catalog();
  }

  /** Runs the tool and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs the tool in-process over the bundled catalog, writing to the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> USAGE);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof UsageException) {
            commandLine.getErr().println(e.getMessage());
            return USAGE;
          }
          if (e instanceof FailureModesException) {
            // A broken or missing catalog: the message says what and how to fix it; a stack trace would not help.
            commandLine.getErr().println(e.getMessage());
            return FAILURE;
          }
          throw e;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A user error found after parsing, such as an unknown id; reported on stderr with exit code 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Prints the library and catalog versions. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"failuremodes catalog " + FailureModes.catalog().catalogVersion()};
    }
  }
}
