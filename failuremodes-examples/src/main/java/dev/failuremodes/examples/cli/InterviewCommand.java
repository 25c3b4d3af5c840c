package dev.failuremodes.examples.cli;

import dev.failuremodes.Candidate;
import dev.failuremodes.Catalog;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureMode;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Level;
import dev.failuremodes.NextCheck;
import dev.failuremodes.Outcome;
import dev.failuremodes.PlannedFix;
import dev.failuremodes.Query;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * A diagnosis as a conversation: the candidates and the check that best tells them apart, its result read from
 * standard input, the candidates re-ranked, again and again until one cause stands out or no check is left.
 */
@Command(name = "interview", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Diagnose step by step: show the candidates and the check that best tells them apart, read its"
        + " result (positive, negative, skip or quit) from standard input, re-rank, and repeat until one cause stands"
        + " out or no check is left.")
final class InterviewCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--limit", paramLabel = "N", converter = DiagnoseCommand.LimitConverter.class,
      description = "At most N candidates, from 1 (default 5).")
  int limit = 5;

  @Option(names = "--check", paramLabel = "ID=OUTCOME",
      description = "A check's result already known (repeatable), such as logged-feature-comparison=negative.")
  List<String> checks = List.of();

  @Option(names = "--confirmed", paramLabel = "SYMPTOM", description = "A symptom seen (repeatable).")
  List<String> confirmed = List.of();

  @Option(names = "--ruled-out", paramLabel = "ID",
      description = "A failure mode or a symptom ruled out (repeatable).")
  List<String> ruledOut = List.of();

  @Parameters(arity = "1..*", paramLabel = "SYMPTOM", description = "What was seen: symptom ids or phrases.")
  List<String> symptoms = List.of();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Catalog catalog = main.catalog();
    if (symptoms.stream().allMatch(String::isBlank)) {
      throw new Main.UsageException("Give at least one symptom, such as \"accuracy dropped after release\".");
    }
    Query query;
    try {
      query = FailureModes.using(catalog).forSymptoms(symptoms);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException(e.getMessage());
    }
    query = Results.apply(query, checks, confirmed, ruledOut).limit(limit);
    List<String> given = new ArrayList<>();
    checks.forEach(c -> given.add("--check " + c));
    Set<String> skipped = new HashSet<>();
    BufferedReader in = main.input();
    Diagnosis d = query.diagnose();
    if (d.resolutions().stream().noneMatch(r -> r.recognized())) {
      out.print(d);
      d.unrecognized().forEach(u -> spec.commandLine().getErr().println("not recognised: " + u));
      return Main.NOTHING_RECOGNISED;
    }
    int question = 0;
    while (true) {
      candidates(out, d);
      if (d.candidates().isEmpty()) {
        out.println(d.whyEmpty().orElse(""));
        break;
      }
      if (d.standout().isPresent()) {
        out.println(d.standout().get().id() + " stands out.");
        break;
      }
      NextCheck next = d.nextChecks().stream().filter(c -> !skipped.contains(c.id())).findFirst().orElse(null);
      if (next == null) {
        out.println("No check is left that could change which cause leads.");
        break;
      }
      question++;
      FailureMode owner = owner(catalog, next);
      out.printf("%nQuestion %d (%s, effort %s): %s%n", question, owner.stage().id(),
          next.check().effort().orElse(Level.MEDIUM), next.check().observes().orElse(next.check().description()));
      out.printf("  check %s (%s): %s%n", next.id(), next.check().name(), next.favours());
      Outcome outcome = null;
      String answer;
      while (true) {
        out.print("Answer positive, negative, skip or quit [p/n/s/q]: ");
        out.flush();
        answer = readLine(in);
        if (answer == null) {
          out.println();
          break;
        }
        if (!main.interactive()) {
          out.println(answer); // a terminal shows what was typed; piped answers are shown as if typed
        }
        String a = answer.strip().toLowerCase(Locale.ROOT);
        if (a.equals("s") || a.equals("skip") || a.equals("q") || a.equals("quit")) {
          answer = a.substring(0, 1);
          break;
        }
        try {
          outcome = Outcome.parse(a);
          break;
        } catch (IllegalArgumentException e) {
          out.println("'" + answer.strip() + "' is no answer: type p if the check found it, n if it came back clean, s"
              + " to skip the check, q to stop.");
        }
      }
      if (answer == null || answer.equals("q")) {
        out.println(answer == null ? "No more answers (end of input)." : "Stopped.");
        break;
      }
      if (outcome == null) {
        skipped.add(next.id());
        out.println("Skipped " + next.id() + ".");
        continue;
      }
      out.println("→ " + next.check().meaning(outcome));
      query = query.checked(next.id(), outcome);
      given.add("--check " + next.id() + "=" + outcome.id());
      d = query.diagnose();
    }
    summary(out, d, given);
    return 0;
  }

  private static FailureMode owner(Catalog catalog, NextCheck check) {
    for (FailureMode m : catalog.failureModes()) {
      if (m.detection().contains(check.check())) {
        return m;
      }
    }
    throw new IllegalStateException("no failure mode lists check " + check.id());
  }

  private static void candidates(PrintWriter out, Diagnosis d) {
    if (d.candidates().isEmpty()) {
      return;
    }
    out.println("Candidates:");
    for (Candidate c : d.candidates()) {
      out.printf(Locale.ROOT, "  %d. %-28s %.2f  %s%n", c.rank(), c.id(), c.score(), c.failureMode().stage().id());
    }
  }

  private void summary(PrintWriter out, Diagnosis d, List<String> given) {
    d.top().ifPresent(top -> {
      out.println();
      out.println("Most likely: " + top.failureMode().name() + " (" + top.id() + ", " + String.format(Locale.ROOT,
          "%.2f", top.score()) + "). " + top.explanation());
      List<String> first = new ArrayList<>();
      for (PlannedFix p : d.plan()) {
        if (first.size() == 3) {
          break;
        }
        first.add(p.fix().id());
      }
      out.println("First fixes: " + String.join(", ", first) + ".");
    });
    if (!given.isEmpty()) {
      List<String> args = new ArrayList<>(given);
      confirmed.forEach(c -> args.add("--confirmed " + quote(c)));
      ruledOut.forEach(r -> args.add("--ruled-out " + quote(r)));
      symptoms.forEach(s -> args.add(quote(s)));
      out.println("The same diagnosis: failuremodes diagnose " + String.join(" ", args));
    }
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9._=/-]+") ? s : "\"" + s.replace("\"", "\\\"") + "\"";
  }

  private static String readLine(BufferedReader in) {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the answer from standard input", e);
    }
  }
}
