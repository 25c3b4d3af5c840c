package dev.failuremodes.examples.cli;

import dev.failuremodes.Catalog;
import dev.failuremodes.FailureModes;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * One in-process run of the tool: its exit code and what it wrote on stdout and stderr.
 *
 * @param exit the exit code
 * @param out what was written on stdout
 * @param err what was written on stderr
 */
record CliRun(int exit, String out, String err) {
  /** Runs the tool over the bundled catalog. */
  static CliRun of(List<String> args) {
    return of(args, FailureModes::catalog);
  }

  /** Runs the tool over the catalog {@code catalog} supplies, with nothing on standard input. */
  static CliRun of(List<String> args, Supplier<Catalog> catalog) {
    return of(args, "", catalog);
  }

  /** Runs the tool over the bundled catalog with {@code input} on standard input, as if piped. */
  static CliRun of(List<String> args, String input) {
    return of(args, input, FailureModes::catalog);
  }

  private static CliRun of(List<String> args, String input, Supplier<Catalog> catalog) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args.toArray(new String[0]), new StringReader(input), false, new PrintWriter(out),
        new PrintWriter(err), catalog);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** Replaces each {@code FILE:name} argument by the path of that file in {@code dir}. */
  static List<String> files(Path dir, List<String> args) {
    return args.stream().map(a -> a.startsWith("FILE:") ? dir.resolve(a.substring(5)).toString() : a).toList();
  }

  /** Returns both streams, for assertion descriptions. */
  @Override
  public String toString() {
    return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
  }
}
