package dev.failuremodes.examples.cli;

import dev.failuremodes.Catalog;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Stage;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Lists failure modes, optionally of some stages only. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "List failure modes by stage.")
final class ListCommand implements Runnable {
  @ParentCommand Main main;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--stage",
      paramLabel = "ID",
      description = "Only this stage (repeatable): ${COMPLETION-CANDIDATES}",
      converter = StageConverter.class,
      completionCandidates = StageConverter.Ids.class)
  List<Stage> stages = List.of();

  @Override
  public void run() {
    Catalog catalog = main.catalog();
    PrintWriter out = spec.commandLine().getOut();
    for (Stage stage : catalog.stages()) {
      if (!stages.isEmpty() && !stages.contains(stage)) {
        continue;
      }
      out.println(stage.displayName());
      for (FailureMode mode : catalog.failureModes(stage)) {
        out.printf("  %-28s %s%n", mode.id(), mode.summary());
      }
    }
  }
}
