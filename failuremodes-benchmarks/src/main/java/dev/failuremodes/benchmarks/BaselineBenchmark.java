package dev.failuremodes.benchmarks;

import dev.failuremodes.Diagnoser;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import dev.failuremodes.evaluation.LuceneBaseline;
import java.util.List;
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
 * The engine beside the simplest thing a user could do instead, in one run: the accuracy table's Lucene baseline (one
 * document per failure mode with all of its text, {@code EnglishAnalyzer}, BM25, the ten best ids). The inputs are
 * {@link DiagnoseBenchmark}'s two alert titles and two sentences. The engine's diagnosis does more (values against
 * thresholds, names and symptoms found as phrases, denials, evidence per candidate, a ranking over every kind of
 * evidence); the baseline returns ids only.
 *
 * <pre>
 * ./mvnw -B -ntp -q package -DskipTests
 * java -jar failuremodes-benchmarks/target/benchmarks.jar BaselineBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class BaselineBenchmark {
  @Param({"alert", "prose"})
  public String inputs;

  private Diagnoser diagnoser;
  private LuceneBaseline lucene;
  private String[] symptoms;
  private List<String> list;

  /** Builds both indexes over the bundled catalog and runs each once. */
  @Setup
  public void setUp() {
    symptoms = DiagnoseBenchmark.inputs(inputs);
    list = List.of(symptoms);
    diagnoser = FailureModes.using(FailureModes.catalog());
    lucene = new LuceneBaseline(FailureModes.catalog());
    diagnoser.forSymptoms(symptoms).diagnose();
    lucene.apply(list);
  }

  /** The engine's diagnosis, ranked, as {@link DiagnoseBenchmark#diagnose} times it. */
  @Benchmark
  public Diagnosis engine() {
    return diagnoser.forSymptoms(symptoms).diagnose();
  }

  /** The baseline's ten best ids. */
  @Benchmark
  public List<String> lucene() {
    return lucene.apply(list);
  }
}
