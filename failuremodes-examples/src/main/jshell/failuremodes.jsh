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
      show("data-leakage")             one failure mode: summary, symptoms and fixes in order
      catalog                          the bundled catalog: catalog.failureModes(Stage.DATA), catalog.metrics(), ...
      The first three return a Diagnosis d: d.top(), d.plan(), d.toMarkdown() and d.toJson() take it further.""");
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
}

System.out.println("failuremodes " + catalog.catalogVersion() + ": " + catalog.failureModes().size()
    + " failure modes; type help() for what this script adds");
