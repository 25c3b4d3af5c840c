package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The first {@link FailureModes#catalog()} in a fresh JVM stays cheap: it reads the digest, so it loads nothing of
 * Jackson, the validator or the engine, and it spins no class at run time (each lambda, method reference or string
 * concatenation on that path would cost one, and the first of them several milliseconds of set-up).
 */
class FirstCatalogLoadTest {
  /** Loads the bundled catalog and prints its version: the whole of the child JVM's work. */
  public static final class Main {
    private Main() {}

    /** Loads the bundled catalog once. */
    public static void main(String[] args) {
      System.out.println(FailureModes.catalog().catalogVersion());
    }
  }

  @Test
  void catalog_firstCallInAFreshJvm_loadsNoJsonClassesAndSpinsNoClass() throws IOException, InterruptedException {
    List<String> loaded = classesLoadedBy(Main.class);
    List<String> ours = loaded.subList(indexOf(loaded, Main.class.getName()), loaded.size());

    assertThat(ours).as("classes loaded by the first FailureModes.catalog()")
        .contains("dev.failuremodes.internal.digest.DigestReader", "dev.failuremodes.Catalog")
        .noneMatch(c -> c.startsWith("com.fasterxml.jackson."))
        .noneMatch(c -> c.startsWith("dev.failuremodes.internal.json."))
        .noneMatch(c -> c.startsWith("dev.failuremodes.internal.engine."))
        // Classes spun at run time; the JDK's own archived ones (marked shared) cost nothing to speak of.
        .noneMatch(c -> c.contains("$$Lambda") && !c.endsWith(" (shared)"))
        .noneMatch(c -> c.startsWith("java.lang.invoke.LambdaForm$") && !c.endsWith(" (shared)"));
  }

  /** Runs a main class in a fresh JVM with default flags and returns the classes it loaded, in order. */
  private static List<String> classesLoadedBy(Class<?> main) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> path = new ArrayList<>();
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isEmpty()) {
        path.add(value);
      }
    }
    Process process = new ProcessBuilder(java, "-Xlog:class+load=info", "-cp", String.join(File.pathSeparator, path),
        main.getName()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    // "[0.045s][info][class,load] java.lang.Object source: shared objects file"
    return output.lines()
        .filter(line -> line.contains("[class,load] "))
        .map(line -> line.substring(line.indexOf("[class,load] ") + 13))
        .map(line -> line.split(" ")[0] + (line.contains("source: shared objects file") ? " (shared)" : ""))
        .collect(Collectors.toList());
  }

  private static int indexOf(List<String> loaded, String name) {
    for (int i = 0; i < loaded.size(); i++) {
      if (loaded.get(i).equals(name)) {
        return i;
      }
    }
    throw new AssertionError(name + " was not loaded: " + loaded);
  }
}
