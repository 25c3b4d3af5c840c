package dev.failuremodes.examples.cli;

import dev.failuremodes.Catalog;
import dev.failuremodes.CatalogException;
import dev.failuremodes.FailureModes;
import dev.failuremodes.evaluation.CaseFileException;
import dev.failuremodes.evaluation.Evaluation;
import dev.failuremodes.evaluation.Evaluator;
import dev.failuremodes.evaluation.LabelledCase;
import dev.failuremodes.evaluation.LabelledCases;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Scores the diagnoser on files of labelled cases. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Score the diagnosis on labelled cases (JSON Lines or TSV): top-1, top-3, mean reciprocal rank,"
        + " abstention on unrelated inputs, results per stage, confusions and misses.")
final class EvaluateCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print each evaluation as JSON.")
  boolean json;

  @Option(names = "--catalog", paramLabel = "FILE", description = "Evaluate this complete catalog instead of the"
      + " bundled one.")
  Path catalogFile;

  @Option(names = "--extend", paramLabel = "FILE", description = "Add the entries of this JSON document to the"
      + " catalog first (repeatable).")
  List<Path> extensions = List.of();

  @Parameters(arity = "1..*", paramLabel = "CASES", description = "Case files: .jsonl (JSON Lines) or .tsv.")
  List<Path> files;

  @Override
  public Integer call() {
    // The files named here are the user's input: an error in one is a usage error, not the library failing.
    Catalog catalog = catalogFile == null ? main.catalog() : userCatalog(() -> Catalog.load(catalogFile));
    if (!extensions.isEmpty()) {
      Catalog.Extension extension = catalog.extend();
      catalog = userCatalog(() -> {
        extensions.forEach(extension::addJson);
        return extension.build();
      });
    }
    Evaluator evaluator = Evaluator.of(FailureModes.using(catalog));
    // Every file is read and scored before anything is printed, so that an error leaves no partial output.
    List<String> printed = new ArrayList<>();
    for (Path file : files) {
      Evaluation evaluation;
      try {
        List<LabelledCase> cases = LabelledCases.read(file);
        evaluation = evaluator.evaluate(cases);
      } catch (CaseFileException e) {
        throw new Main.UsageException(e.getMessage());
      }
      printed.add(json ? evaluation.toJson() : "== " + file + "\n" + evaluation.report());
    }
    PrintWriter out = spec.commandLine().getOut();
    printed.forEach(out::print);
    return 0;
  }

  private static Catalog userCatalog(Supplier<Catalog> load) {
    try {
      return load.get();
    } catch (CatalogException e) {
      throw new Main.UsageException(e.getMessage());
    }
  }
}
