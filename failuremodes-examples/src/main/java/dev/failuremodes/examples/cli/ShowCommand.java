package dev.failuremodes.examples.cli;

import dev.failuremodes.Catalog;
import dev.failuremodes.DetectionMethod;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Fix;
import dev.failuremodes.Indicator;
import dev.failuremodes.Level;
import dev.failuremodes.Reference;
import dev.failuremodes.UnknownIdException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Shows one failure mode in full. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Show one failure mode: symptoms, mechanisms, fixes, detection, references.")
final class ShowCommand implements Runnable {
  @ParentCommand Main main;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "A failure mode id, such as data-leakage.")
  String id;

  @Override
  public void run() {
    Catalog catalog = main.catalog();
    FailureMode mode;
    try {
      mode = catalog.requireFailureMode(id);
    } catch (UnknownIdException e) {
      throw new Main.UsageException(e.getMessage() + " Run 'failuremodes list' to see every id.");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s (%s) — stage: %s%n%n%s%n%n%s%n", mode.name(), mode.id(), mode.stage().id(), mode.summary(),
        mode.description());
    out.println("\nSymptoms (weight):");
    for (Indicator i : mode.indicators()) {
      out.printf("  %.2f  %s%n", i.weight(), catalog.requireSymptom(i.symptom()).name());
    }
    out.println("\nHow it happens:");
    mode.mechanisms().forEach(m -> out.println("  - " + m));
    out.println("\nFixes, in order:");
    int n = 1;
    for (Fix fix : catalog.fixesFor(mode)) {
      out.printf("  %d. %s [leverage %s, effort %s]%n", n++, fix.name(), fix.leverage(), fix.effort());
    }
    if (!mode.detection().isEmpty()) {
      out.println("\nHow to confirm:");
      for (DetectionMethod d : mode.detection()) {
        out.printf("  - %s (%s): %s%n", d.name(), d.effectiveness(), d.description());
        if (d.id().isPresent()) {
          out.printf("    check %s, effort %s: %s%n", d.id().get(), d.effort().orElse(Level.MEDIUM),
              d.observes().orElse(d.description()));
        }
      }
    }
    if (!mode.references().isEmpty()) {
      out.println("\nReferences:");
      for (Reference r : mode.references()) {
        out.printf("  - %s %s%n", r, r.doi().map(d -> "https://doi.org/" + d).or(r::url).orElse(""));
      }
    }
  }
}
