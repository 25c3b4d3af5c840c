package dev.failuremodes.examples.cli;

import dev.failuremodes.Catalog;
import dev.failuremodes.Stage;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Prints the lifecycle stages in debugging order with the number of failure modes in each. */
@Command(name = "stages", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "List the lifecycle stages in debugging order.")
final class StagesCommand implements Runnable {
  @ParentCommand Main main;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    Catalog catalog = main.catalog();
    PrintWriter out = spec.commandLine().getOut();
    for (Stage stage : catalog.stages()) {
      out.printf(
          "%d. %-22s %-28s %2d failure modes%n",
          stage.debuggingOrder(), stage.id(), stage.displayName(), catalog.failureModes(stage).size());
    }
  }
}
