package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first diagnosis in a fresh JVM with default flags: the engine reads the bundled catalog's text index from its
 * digest, and neither building the engine nor reading a sentence spins a lambda's class at run time or bootstraps
 * string concatenation through method handles (each lambda or method reference would cost a class, and the first of
 * them milliseconds of set-up), nor loads the Unicode normaliser, which plain ASCII never needs, nor the renderers.
 */
class FirstDiagnosisTest {
  /** Diagnoses one sentence and prints the top candidate: the whole of the child JVM's work. */
  public static final class Main {
    private Main() {}

    /** Runs one diagnosis. */
    public static void main(String[] args) {
      Diagnosis d = FailureModes.forSymptoms("accuracy dropped after the release").diagnose();
      System.out.println(d.candidates().isEmpty() ? "none" : d.candidates().get(0).id());
    }
  }

  @Test
  void diagnose_firstCall_readsTheIndexDigestAndSpinsNoClass() throws Exception {
    List<String> path = new ArrayList<>();
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isEmpty()) {
        path.add(value);
      }
    }
    List<String> loaded = classesLoaded(String.join(File.pathSeparator, path));
    List<String> ours = loaded.subList(loaded.indexOf(Main.class.getName()), loaded.size());

    assertThat(ours).as("classes loaded by the first diagnosis")
        .contains("dev.failuremodes.internal.engine.IndexDigest", "dev.failuremodes.internal.engine.Engine")
        .noneMatch(c -> c.startsWith("jdk.internal.icu."))
        // Lambdas spun at run time; the JDK's own archived ones (marked shared) cost nothing to speak of. (The JDK's
        // regular expressions may still link one of those, which spins a method handle form of the JDK's own.)
        .noneMatch(c -> c.contains("$$Lambda") && !c.endsWith(" (shared)"))
        // String concatenation compiled to invokedynamic would bootstrap this.
        .noneMatch(c -> c.startsWith("java.lang.invoke.StringConcatFactory"))
        // The JSON writer and its kept parts wait for the first toJson().
        .noneMatch(c -> c.startsWith("dev.failuremodes.internal.render."));
  }

  /** Runs {@link Main} in a fresh JVM with default flags and returns the classes it loaded, in order. */
  private static List<String> classesLoaded(String classPath) throws IOException, InterruptedException {
    return ClassLoadLog.of(classPath, Main.class, FailureModes.forSymptoms("accuracy dropped after the release").diagnose().candidates().get(0).id());
  }
}
