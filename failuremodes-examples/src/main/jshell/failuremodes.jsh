// JShell start-up script for failuremodes. Load it after the default imports:
//   jshell --class-path failuremodes-examples/target/failuremodes.jar \
//          --startup DEFAULT --startup failuremodes-examples/src/main/jshell/failuremodes.jsh
import dev.failuremodes.*;

Catalog catalog = FailureModes.catalog();

/** Diagnoses symptom ids or phrases and prints the table. */
Diagnosis diagnose(String... symptoms) {
  Diagnosis d = FailureModes.forSymptoms(symptoms).diagnose();
  System.out.println(d);
  return d;
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

System.out.println("failuremodes catalog " + catalog.catalogVersion() + ": try diagnose(\"large train-test gap\"), "
    + "show(\"data-leakage\"), catalog.failureModes(Stage.DATA)");
