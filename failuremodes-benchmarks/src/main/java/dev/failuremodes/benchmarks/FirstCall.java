package dev.failuremodes.benchmarks;

import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;

/**
 * One call in a fresh JVM, for timing whole processes side by side: {@code hello} does nothing (the JVM's own
 * start-up), {@code catalog} loads the bundled catalog, {@code diagnose} also runs one diagnosis of a sentence.
 *
 * <pre>
 * hyperfine -N --warmup 3 \
 *   'java -cp failuremodes-benchmarks/target/benchmarks.jar dev.failuremodes.benchmarks.FirstCall hello' \
 *   'java -cp failuremodes-benchmarks/target/benchmarks.jar dev.failuremodes.benchmarks.FirstCall catalog' \
 *   'java -cp failuremodes-benchmarks/target/benchmarks.jar dev.failuremodes.benchmarks.FirstCall diagnose'
 * </pre>
 */
public final class FirstCall {
  private FirstCall() {}

  /** Runs the named call. */
  public static void main(String[] args) {
    switch (args.length == 0 ? "hello" : args[0]) {
      case "catalog" -> System.out.println(FailureModes.catalog().catalogVersion());
      case "diagnose" -> {
        // No lambda here: the first lambda a JVM meets costs it milliseconds, which would be this class's, not the
        // library's.
        Diagnosis d = FailureModes.forSymptoms("accuracy dropped after the release").diagnose();
        System.out.println(d.top().isPresent() ? d.top().get().id() : "none");
      }
      default -> System.out.println("hello");
    }
  }
}
