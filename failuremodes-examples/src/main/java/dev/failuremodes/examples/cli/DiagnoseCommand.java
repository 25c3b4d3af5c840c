package dev.failuremodes.examples.cli;

import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Query;
import dev.failuremodes.Stage;
import dev.failuremodes.UnknownIdException;
import dev.failuremodes.Unrecognized;
import dev.failuremodes.alerts.Format;
import dev.failuremodes.alerts.Report;
import dev.failuremodes.alerts.ReportException;
import dev.failuremodes.signals.Observation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Diagnoses symptoms given as ids or phrases, measured values and monitoring-tool reports. */
@Command(name = "diagnose", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Rank likely failure modes for the given symptoms, measured values and tool reports, and print a"
        + " fix plan.")
final class DiagnoseCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print the diagnosis as JSON.")
  boolean json;

  @Option(names = "--limit", paramLabel = "N", converter = LimitConverter.class,
      description = "At most N candidates, from 1 (default 5).")
  int limit = 5;

  @Option(names = "--stage", paramLabel = "ID", converter = StageConverter.class,
      description = "Only failure modes of this stage (repeatable).")
  List<Stage> stages = List.of();

  @Option(names = "--strict", description = "Fail (exit 3) if any input is not recognised.")
  boolean strict;

  @Option(names = "--report", paramLabel = "FILE", description = "A monitoring-tool report to read (repeatable):"
      + " TFDV anomalies, SageMaker constraint_violations.json, Evidently, Deepchecks, Great Expectations or an"
      + " Alertmanager webhook payload; the format is detected unless --format names it.")
  List<Path> reports = List.of();

  @Option(names = "--format", paramLabel = "ID", converter = FormatConverter.class,
      description = "The format of every --report: tfdv, sagemaker, evidently, deepchecks, great-expectations or"
          + " alertmanager.")
  Format format;

  @Option(names = "--observe", paramLabel = "METRIC=VALUE[,feature=F][,reference=R][,threshold=T]",
      description = "A measured value (repeatable), such as psi=0.31,feature=age.")
  List<String> observations = List.of();

  @Option(names = "--threshold", paramLabel = "METRIC=T",
      description = "Read a metric against this threshold instead of the catalog's (repeatable), such as"
          + " latency-ms=250.")
  List<String> thresholds = List.of();

  @Option(names = "--check", paramLabel = "ID=OUTCOME",
      description = "A check's result (repeatable), such as logged-feature-comparison=negative; the outcome is"
          + " positive or negative.")
  List<String> checks = List.of();

  @Option(names = "--confirmed", paramLabel = "SYMPTOM",
      description = "A symptom seen (repeatable): its id, name or an alias.")
  List<String> confirmed = List.of();

  @Option(names = "--ruled-out", paramLabel = "ID",
      description = "A failure mode (dropped from the candidates) or a symptom ruled out (repeatable).")
  List<String> ruledOut = List.of();

  @Parameters(arity = "0..*", paramLabel = "SYMPTOM", description = "Symptom ids or phrases, one per argument.")
  List<String> symptoms = List.of();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean text = symptoms.stream().anyMatch(s -> !s.isBlank());
    if (!text && reports.isEmpty() && observations.isEmpty()) {
      throw new Main.UsageException("Give at least one symptom (such as \"large train-test gap\"), --observe"
          + " METRIC=VALUE or --report FILE" + (checks.isEmpty() && confirmed.isEmpty() && ruledOut.isEmpty() ? "."
          : "; --check, --confirmed and --ruled-out refine a diagnosis of those."));
    }
    List<Observation> observed = new ArrayList<>();
    for (String o : observations) {
      observed.add(parse(o));
    }
    List<Report> read = new ArrayList<>();
    for (Path file : reports) {
      try {
        read.add(Report.read(file, format));
      } catch (ReportException e) {
        throw new Main.UsageException(e.getMessage());
      }
    }
    Query query;
    try {
      query = text ? FailureModes.forSymptoms(symptoms)
          : !observed.isEmpty() ? FailureModes.forObservations(observed.toArray(new Observation[0]))
          : FailureModes.forReports(read.toArray(new Report[0]));
      if (text && !observed.isEmpty()) {
        query = query.observe(observed);
      }
      if ((text || !observed.isEmpty()) && !read.isEmpty()) {
        query = query.withReports(read.toArray(new Report[0]));
      }
      for (String t : thresholds) {
        int eq = t.indexOf('=');
        if (eq < 1) {
          throw new Main.UsageException("--threshold expects METRIC=T, such as latency-ms=250, but was '" + t + "'");
        }
        query = query.threshold(t.substring(0, eq).strip(), number("--threshold", t, t.substring(eq + 1)));
      }
    } catch (IllegalArgumentException | UnknownIdException e) {
      throw new Main.UsageException(e.getMessage());
    }
    query = Results.apply(query, checks, confirmed, ruledOut).limit(limit);
    if (!stages.isEmpty()) {
      query = query.inStages(stages.toArray(new Stage[0]));
    }
    if (strict) {
      query = query.strict();
    }
    // With --strict, an UnknownSymptomException goes to Main's handler, which reports it with exit code 3.
    Diagnosis diagnosis = query.diagnose();
    out.print(json ? diagnosis.toJson() : diagnosis.toString());
    for (Unrecognized u : diagnosis.unrecognized()) {
      err.println("not recognised: " + u);
    }
    boolean anything = diagnosis.resolutions().stream().anyMatch(r -> r.recognized());
    if (diagnosis.candidates().isEmpty() && !anything) {
      err.println("Nothing was recognised: rephrase the inputs, use a suggested symptom id, or give measured values"
          + " with --observe METRIC=VALUE.");
      return Main.NOTHING_RECOGNISED;
    }
    return 0;
  }

  /** Reads {@code metric=value[,feature=F][,reference=R][,threshold=T][,samples=N]}. */
  static Observation parse(String spec) {
    String[] parts = spec.split(",");
    int eq = parts[0].indexOf('=');
    if (eq < 1) {
      throw new Main.UsageException("--observe expects METRIC=VALUE[,feature=F][,reference=R][,threshold=T], such as"
          + " psi=0.31,feature=age, but was '" + spec + "'");
    }
    Observation o;
    try {
      o = Observation.of(parts[0].substring(0, eq).strip(), number("--observe", spec, parts[0].substring(eq + 1)));
      for (int i = 1; i < parts.length; i++) {
        int at = parts[i].indexOf('=');
        String key = at < 0 ? parts[i].strip() : parts[i].substring(0, at).strip().toLowerCase(Locale.ROOT);
        String value = at < 0 ? "" : parts[i].substring(at + 1).strip();
        o = switch (key) {
          case "feature" -> o.feature(value);
          case "reference" -> o.reference(number("--observe", spec, value));
          case "threshold" -> o.threshold(number("--observe", spec, value));
          case "samples" -> o.samples((long) number("--observe", spec, value));
          default -> throw new Main.UsageException("--observe has an unknown part '" + parts[i] + "' in '" + spec
              + "'; valid parts are feature=, reference=, threshold= and samples=");
        };
      }
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("--observe '" + spec + "': " + e.getMessage());
    }
    return o;
  }

  private static double number(String option, String spec, String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new Main.UsageException(option + " '" + spec + "': '" + text.strip() + "' is not a number; write it as"
          + " a decimal, such as 0.31 or 1e-4");
    }
  }

  /** Reads {@code --limit}: a whole number from 1, with the option, the value and the valid range in the error. */
  static final class LimitConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int limit;
      try {
        limit = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        limit = 0;
      }
      if (limit < 1) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number from 1 to "
            + Integer.MAX_VALUE + "; give the most candidates to print, such as --limit 5");
      }
      return limit;
    }
  }

  /** Reads a format id for {@code --format}, with the valid ids in the error message. */
  static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.find(value).orElseThrow(() -> new CommandLine.TypeConversionException(
          "Unknown format '" + value + "'; valid formats are " + Format.validIds() + "."));
    }
  }
}
