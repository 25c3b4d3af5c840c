package dev.failuremodes.examples.cli;

import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Query;
import dev.failuremodes.Stage;
import dev.failuremodes.UnknownSymptomException;
import dev.failuremodes.Unrecognized;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Diagnoses symptoms given as ids or phrases. */
@Command(name = "diagnose", description = "Rank likely failure modes for the given symptoms and print a fix plan.")
final class DiagnoseCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print the diagnosis as JSON.")
  boolean json;

  @Option(names = "--limit", paramLabel = "N", description = "At most N candidates (default 5).")
  int limit = 5;

  @Option(names = "--stage", paramLabel = "ID", converter = StageConverter.class,
      description = "Only failure modes of this stage (repeatable).")
  List<Stage> stages = List.of();

  @Option(names = "--strict", description = "Fail (exit 3) if any symptom is not recognised.")
  boolean strict;

  @Parameters(arity = "1..*", paramLabel = "SYMPTOM", description = "Symptom ids or phrases, one per argument.")
  List<String> symptoms;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (limit < 1) {
      throw new Main.UsageException("--limit must be at least 1, was " + limit);
    }
    if (symptoms.stream().allMatch(String::isBlank)) {
      throw new Main.UsageException("Give at least one non-blank symptom, such as \"large train-test gap\".");
    }
    Query query = FailureModes.forSymptoms(symptoms).limit(limit);
    if (!stages.isEmpty()) {
      query = query.inStages(stages.toArray(new Stage[0]));
    }
    if (strict) {
      query = query.strict();
    }
    Diagnosis diagnosis;
    try {
      diagnosis = query.diagnose();
    } catch (UnknownSymptomException e) {
      err.println(e.getMessage());
      return Main.NOTHING_RECOGNISED;
    }
    out.print(json ? diagnosis.toJson() : diagnosis.toString());
    for (Unrecognized u : diagnosis.unrecognized()) {
      err.println("not recognised: " + u);
    }
    return diagnosis.candidates().isEmpty() ? Main.NOTHING_RECOGNISED : 0;
  }
}
