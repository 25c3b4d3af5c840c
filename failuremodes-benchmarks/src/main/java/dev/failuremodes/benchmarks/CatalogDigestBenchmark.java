package dev.failuremodes.benchmarks;

import dev.failuremodes.internal.CatalogData;
import dev.failuremodes.internal.digest.DigestReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Time to read the bundled catalog from its digest in a warm JVM, as the first {@code FailureModes.catalog()} does:
 * the JSON's checksum, the digest's checksum and every value built and checked. Compare with {@link
 * CatalogParseBenchmark}, the JSON path.
 *
 * <pre>
 * ./mvnw -B -ntp -q package -DskipTests
 * java -jar failuremodes-benchmarks/target/benchmarks.jar CatalogDigestBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CatalogDigestBenchmark {
  private byte[] json;
  private byte[] digest;

  /** Reads the bundled catalog's JSON and digest once. */
  @Setup
  public void setUp() {
    json = resource(CatalogDigestBenchmark.class.getClassLoader(), "dev/failuremodes/catalog/catalog.json");
    digest = resource(DigestReader.class.getClassLoader(), DigestReader.RESOURCE.substring(1));
  }

  /** One read of the digest into the catalog's values. */
  @Benchmark
  public CatalogData read() {
    return DigestReader.read(digest, json, DigestReader.RESOURCE);
  }

  private static byte[] resource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
