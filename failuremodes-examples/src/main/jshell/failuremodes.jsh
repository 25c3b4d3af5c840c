// JShell start-up script for failuremodes. Load it after the default imports:
//   jshell --class-path failuremodes-examples/target/failuremodes.jar \
//          --startup DEFAULT --startup failuremodes-examples/src/main/jshell/failuremodes.jsh
import dev.failuremodes.*;
import dev.failuremodes.alerts.*;
import dev.failuremodes.signals.*;

Catalog catalog = FailureModes.catalog();

/** Prints what this script adds and where to start. */
void help() {
  System.out.println("""
      diagnose("symptom", ...)         rank the likely failure modes for symptoms, alert titles or sentences
      observe(Observation.of("psi", 0.31).feature("age"), ...)
                                       the same from measured values
      report("constraint_violations.json")
                                       the same from a monitoring tool's report (format detected)
      show("data-leakage")             one failure mode: summary, symptoms, fixes in order and its checks
      catalog                          the bundled catalog: catalog.failureModes(Stage.DATA), catalog.metrics(), ...
      The first three return a Diagnosis d: d.top(), d.plan(), d.nextChecks(), d.toMarkdown() and d.toJson() take
      it further.
      interview("symptom", ...)        diagnose step by step: the candidates and the check that best tells them apart
      answer("positive")               the current check's result (positive, negative or skip); re-ranks and asks on
      checked("check-id", "negative"), confirmed("symptom"), ruledOut("mode-or-symptom")
                                       add a result to the interview yourself; current() is its Diagnosis""");
}

// The helpers return the diagnosis rather than print it: JShell and notebook kernels show a returned value.

/** Diagnoses symptom ids, alert titles or sentences. */
Diagnosis diagnose(String... symptoms) {
  return FailureModes.forSymptoms(symptoms).diagnose();
}

/** Diagnoses measured values. */
Diagnosis observe(Observation... observations) {
  return FailureModes.forObservations(observations).diagnose();
}

/** Reads a monitoring tool's report file (its format detected) and diagnoses it. */
Diagnosis report(String path) {
  return FailureModes.forReports(Report.read(java.nio.file.Path.of(path))).diagnose();
}

/** Prints one failure mode: summary, symptoms and fixes in order. */
void show(String id) {
  FailureMode m = catalog.requireFailureMode(id);
  System.out.println(m.name() + " (" + m.stage() + "): " + m.summary());
  m.indicators().forEach(i -> System.out.printf("  symptom %.2f  %s%n", i.weight(),
      catalog.requireSymptom(i.symptom()).name()));
  int[] n = {1};
  catalog.fixesFor(m).forEach(f -> System.out.printf("  fix %d. %s [leverage %s]%n", n[0]++, f.name(), f.leverage()));
  m.detection().forEach(d -> System.out.println("  check " + d.id().orElse(d.name()) + ": "
      + d.observes().orElse(d.description())));
}

// The interview: a diagnosis as a conversation, one check at a time. Its state lives in these three variables.
Query interviewQuery = null;
Diagnosis interviewDiagnosis = null;
Set<String> interviewSkipped = new HashSet<>();

/** Returns the check the interview asks about now, or null when one cause stands out or no check is left. */
NextCheck question() {
  if (interviewDiagnosis == null || interviewDiagnosis.standout().isPresent()) {
    return null;
  }
  return interviewDiagnosis.nextChecks().stream().filter(c -> !interviewSkipped.contains(c.id())).findFirst()
      .orElse(null);
}

/** Re-ranks and prints the candidates, then the next question, or why the interview is over. */
void interviewStep() {
  interviewDiagnosis = interviewQuery.diagnose();
  Diagnosis d = interviewDiagnosis;
  d.candidates().forEach(c -> System.out.printf("  %d. %-28s %.2f  %s%n", c.rank(), c.id(), c.score(),
      c.failureMode().stage().id()));
  NextCheck next = question();
  if (d.candidates().isEmpty()) {
    System.out.println(d.whyEmpty().orElse(""));
  } else if (d.standout().isPresent()) {
    System.out.println(d.standout().get().id() + " stands out. " + d.standout().get().explanation());
  } else if (next == null) {
    System.out.println("No check is left that could change which cause leads; " + d.top().get().id() + " leads.");
  } else {
    System.out.println("Next: " + next.check().observes().orElse(next.check().description()));
    System.out.println("  check " + next.id() + " (effort " + next.check().effort().orElse(Level.MEDIUM) + "): "
        + next.favours());
  }
}

/** Starts an interview: prints the candidates and the check that best tells them apart. */
void interview(String... symptoms) {
  interviewQuery = FailureModes.forSymptoms(symptoms).limit(5);
  interviewSkipped.clear();
  interviewStep();
}

/** Answers the current question: positive, negative (or p, n, yes, no) or skip; then re-ranks and asks on. */
void answer(String outcome) {
  NextCheck next = question();
  if (next == null) {
    System.out.println("No question is open: start one with interview(\"symptom\").");
    return;
  }
  if (outcome.strip().equalsIgnoreCase("skip") || outcome.strip().equalsIgnoreCase("s")) {
    interviewSkipped.add(next.id());
    System.out.println("Skipped " + next.id() + ".");
  } else {
    Outcome o = Outcome.parse(outcome);
    System.out.println("→ " + next.check().meaning(o));
    interviewQuery = interviewQuery.checked(next.id(), o);
  }
  interviewStep();
}

/** Adds a check's result to the interview, whether it was asked or not. */
void checked(String checkId, String outcome) {
  interviewQuery = interviewQuery.checked(checkId, Outcome.parse(outcome));
  interviewStep();
}

/** Adds a symptom seen to the interview. */
void confirmed(String symptom) {
  interviewQuery = interviewQuery.confirmed(symptom);
  interviewStep();
}

/** Rules a failure mode (dropped from the candidates) or a symptom out of the interview. */
void ruledOut(String idOrName) {
  interviewQuery = interviewQuery.ruledOut(idOrName);
  interviewStep();
}

/** Returns the interview's diagnosis as it stands: the table, evidence, plan and next checks. */
Diagnosis current() {
  return interviewDiagnosis;
}

System.out.println("failuremodes " + catalog.catalogVersion() + ": " + catalog.failureModes().size()
    + " failure modes; type help() for what this script adds");
