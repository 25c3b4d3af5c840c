package dev.failuremodes.benchmarks;

import dev.failuremodes.Diagnosis;
import dev.failuremodes.Diagnoser;
import dev.failuremodes.FailureModes;
import dev.failuremodes.signals.Observation;
import java.util.List;
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
 * Time of one diagnosis from ten measured values over the bundled catalog: drift on some features and not others,
 * a missing rate against its reference, calibration, a training and a validation score (whose gap is derived),
 * latency, skew and label agreement. Beside it, the same ten values written as one line of text, which is what a
 * caller without the observation API would pass.
 *
 * <pre>
 * ./mvnw -B -ntp -q package -DskipTests
 * java -jar failuremodes-benchmarks/target/benchmarks.jar ObservationsBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObservationsBenchmark {
  private Diagnoser diagnoser;
  private List<Observation> ten;
  private String asText;

  /** Builds the diagnoser, its index, and the values. */
  @Setup
  public void setUp() {
    diagnoser = FailureModes.using(FailureModes.catalog());
    ten = List.of(
        Observation.of("psi", 0.31).feature("age"),
        Observation.of("psi", 0.05).feature("income"),
        Observation.of("ks-p-value", 0.001).feature("tenure"),
        Observation.of("missing-rate", 0.3).feature("country").reference(0.02),
        Observation.of("ece", 0.08),
        Observation.of("train-score", 0.99),
        Observation.of("validation-score", 0.8),
        Observation.of("latency-ms", 120),
        Observation.of("serving-mismatch-rate", 0.0),
        Observation.of("cohens-kappa", 0.7));
    asText = "PSI 0.31 on age, PSI 0.05 on income, KS p-value 0.001 on tenure, missing rate 0.3 on country,"
        + " ECE 0.08, train accuracy 0.99, validation accuracy 0.8, latency 120 ms, serving mismatch rate 0,"
        + " cohens kappa 0.7";
    diagnoser.forObservations(ten).diagnose(); // the index is built on the first query
  }

  /** Ten observations, read against their thresholds and ranked (the plan is made when asked for). */
  @Benchmark
  public Diagnosis tenObservations() {
    return diagnoser.forObservations(ten).diagnose();
  }

  /** The same values as one line of text, read by the text reader. */
  @Benchmark
  public Diagnosis tenValuesAsText() {
    return diagnoser.forSymptoms(asText).diagnose();
  }
}
