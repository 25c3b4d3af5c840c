package dev.failuremodes.examples.cli;

import dev.failuremodes.Catalog;
import dev.failuremodes.FailureModes;
import java.io.PrintWriter;
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

  /** Runs the tool over the catalog {@code catalog} supplies. */
  static CliRun of(List<String> args, Supplier<Catalog> catalog) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err), catalog);
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
