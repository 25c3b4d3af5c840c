package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.signals.Observation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A diagnosis is the same in every JVM, not only from one call to the next in one: child processes with other
 * identity hash codes (as each JVM run has), including one where every identity hash collides, give the same JSON,
 * byte for byte, as this JVM.
 */
class DeterminismTest {
  /** Inputs that reach every route: ids, alert titles, prose with a typo and a negation, values, a long input. */
  static final List<List<String>> INPUTS = List.of(
      List.of("train-test-gap", "launch-regression"),
      List.of("PSI 0.31 on feature age", "Null rate spike on column country"),
      List.of("After the release the accuracy dropped sharply and the trian/test gap looked suspicious",
          "we think some features are computed after the event, not overfitting"),
      List.of("We retrained the forecaster; validation error fell by half. A month after launch forecasts were far"
          + " worse than the old heuristic. The pipeline averaged weeks after each prediction date."),
      List.of("the office wifi keeps dropping"));

  /** Prints the JSON of every diagnosis of {@link #INPUTS}, for a child JVM. */
  public static void main(String[] args) {
    System.out.print(all());
  }

  static String all() {
    StringBuilder out = new StringBuilder();
    for (List<String> inputs : INPUTS) {
      out.append(FailureModes.forSymptoms(inputs).diagnose().toJson());
    }
    out.append(FailureModes.forObservations(Observation.of("psi", 0.4).feature("age"),
        Observation.of("ks-p-value", 0.5).feature("income"), Observation.of("train-score", 0.99),
        Observation.of("validation-score", 0.7)).diagnose().toJson());
    return out.toString();
  }

  private static String child(String... jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    // Tests may run on the module path: the child gets both, as a plain class path.
    String classPath = System.getProperty("java.class.path", "");
    String modulePath = System.getProperty("jdk.module.path", "");
    String both = modulePath.isEmpty() ? classPath : modulePath + java.io.File.pathSeparator + classPath;
    command.addAll(List.of("-cp", both, DeterminismTest.class.getName()));
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void diagnoses_areTheSameInOtherJvms() throws Exception {
    String here = all();
    assertThat(child()).isEqualTo(here);
    // Every object's identity hash the same: any order that leaned on identity hashes would change.
    assertThat(child("-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2")).isEqualTo(here);
  }
}
