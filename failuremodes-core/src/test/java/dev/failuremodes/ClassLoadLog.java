package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The classes a fresh JVM loads, in order, for the tests of what a first call costs. */
final class ClassLoadLog {
  private ClassLoadLog() {}

  /**
   * Runs {@code main} in a fresh JVM with default flags and returns the classes it loaded, in order, those from the
   * JDK's shared archive marked {@code " (shared)"}; fails unless it exits 0 and prints {@code expected}.
   */
  static List<String> of(String classPath, Class<?> main, String expected) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xlog:class+load=info", "-cp", classPath, main.getName())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).as("what the child prints").contains(expected);
    // "[0.045s][info][class,load] java.lang.Object source: shared objects file"
    return output.lines()
        .filter(line -> line.contains("[class,load] "))
        .map(line -> line.substring(line.indexOf("[class,load] ") + 13))
        .map(line -> line.split(" ")[0] + (line.contains("source: shared objects file") ? " (shared)" : ""))
        .collect(Collectors.toList());
  }
}
