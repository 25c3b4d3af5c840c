package dev.failuremodes.benchmarks;

import dev.failuremodes.Catalog;
import dev.failuremodes.FailureModes;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to parse and validate the bundled catalog's JSON in a warm JVM: what {@code Catalog.parse}, {@code read} and
 * {@code load} do for a catalog of that size, and what the bundled catalog costs when it has no digest (the first
 * {@code FailureModes.catalog()} reads the digest instead; see {@link CatalogDigestBenchmark}).
 *
 * <pre>
 * ./mvnw -B -ntp -q package -DskipTests
 * java -jar failuremodes-benchmarks/target/benchmarks.jar CatalogParseBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CatalogParseBenchmark {
  private String json;

  /** Serialises the bundled catalog once. */
  @Setup
  public void setUp() {
    json = FailureModes.catalog().toJson();
  }

  /** One parse and full validation. */
  @Benchmark
  public Catalog parse() {
    return Catalog.parse(json, "bundled");
  }
}
