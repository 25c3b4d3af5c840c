package dev.failuremodes.benchmarks;

import dev.failuremodes.Catalog;
import dev.failuremodes.Diagnoser;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How load time, building a diagnoser's indexes and a prose diagnosis grow with a catalog's size, over synthetic
 * catalogs of 1, 10, 100 and 233 copies of the bundled one (43 to 10,019 failure modes; see {@link SyntheticCatalogs}).
 * The prose diagnosis warms up for twelve seconds in each of two forks: over 10,019 modes, two or three seconds of
 * each fork's first six ran three times slower than the rest, and with six warm-up iterations they fell into the
 * measured ones. Forks run with a fixed, pre-touched heap of 2 GiB: with the default heap sizing, whole measured
 * iterations over 10,019 modes ran three to four times slower than the others, in the code before and after a change
 * alike, which swamped what a change did.
 *
 * <pre>
 * ./mvnw -B -ntp -q package -DskipTests
 * java -jar failuremodes-benchmarks/target/benchmarks.jar ScalingBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class ScalingBenchmark {
  @Param({"1", "10", "100", "233"})
  public int copies;

  private java.util.List<String> documents;
  private Catalog catalog;
  private Diagnoser diagnoser;
  private String[] prose;

  /** Makes the catalog and builds its index. */
  @Setup
  public void setUp() {
    documents = SyntheticCatalogs.documents(copies);
    catalog = SyntheticCatalogs.catalog(copies);
    diagnoser = FailureModes.using(catalog);
    prose = new String[] {
      "After the release the accuracy dropped sharply and the trian/test gap looked suspicious",
      "we think some features are computed after the event"
    };
    diagnoser.forSymptoms(prose).diagnose();
  }

  /** Parse and validate the catalog: the bundled one extended by the copies' documents. */
  @Benchmark
  public Catalog load() {
    Catalog.Extension extension = FailureModes.catalog().extend();
    for (String json : documents) {
      extension.addJson(json, "synthetic");
    }
    return extension.build();
  }

  /**
   * A new diagnoser's first query: building its indexes over the catalog (text, names, symptoms, typos), then the two
   * sentences. Each call builds them afresh, so it is timed one call at a time.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public Diagnosis firstDiagnosis() {
    return FailureModes.using(catalog).forSymptoms(prose).diagnose();
  }

  /** Two practitioner sentences against the whole catalog. */
  @Benchmark
  @Warmup(iterations = 12, time = 1)
  @Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
  public Diagnosis prose() {
    return diagnoser.forSymptoms(prose).diagnose();
  }
}
