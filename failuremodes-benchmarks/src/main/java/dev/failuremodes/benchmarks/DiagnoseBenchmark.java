package dev.failuremodes.benchmarks;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.Diagnoser;
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
 * Time of one diagnosis over the bundled catalog, by kind of input: exact ids (the alert-annotation case), alert
 * titles with values, two free-text sentences with a typo, and a three-sentence incident description. Two forks
 * with ten seconds of warm-up each: with three, the JSON of the text inputs was still getting faster in the measured
 * iterations, and one fork's compiled code can differ from the next by 10%.
 *
 * <pre>
 * ./mvnw -B -ntp -q package -DskipTests
 * java -jar failuremodes-benchmarks/target/benchmarks.jar DiagnoseBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DiagnoseBenchmark {
  @Param({"ids", "alert", "prose", "description"})
  public String inputs;

  private Diagnoser diagnoser;
  private String[] symptoms;

  /** Builds the diagnoser and picks the inputs. */
  @Setup
  public void setUp() {
    diagnoser = FailureModes.using(FailureModes.catalog());
    symptoms = inputs(inputs);
  }

  /** The inputs of one kind: "ids", "alert", "prose" or "description"; shared with {@link BaselineBenchmark}. */
  static String[] inputs(String kind) {
    switch (kind) {
      case "ids":
        return new String[] {"train-test-gap", "launch-regression"};
      case "alert":
        return new String[] {"PSI 0.31 on feature age", "Null rate spike on column country"};
      case "prose":
        return new String[] {
          "After the release the accuracy dropped sharply and the trian/test gap looked suspicious",
          "we think some features are computed after the event"
        };
      case "description":
        return new String[] {
          "We retrained the demand forecaster on two years of orders and its validation error fell by half. A month"
              + " after launch the stores reported forecasts far worse than the old heuristic. The feature pipeline"
              + " had computed the weekly averages over the whole dataset, including weeks after each prediction date."
        };
      default:
        throw new IllegalArgumentException("inputs " + kind + ": use ids, alert, prose or description");
    }
  }

  /** One query, resolved and ranked (the plan and the next checks are made when first asked for). */
  @Benchmark
  public Diagnosis diagnose() {
    return diagnoser.forSymptoms(symptoms).diagnose();
  }

  /**
   * One query whose every candidate's evidence is read: a candidate's evidence is made when first read, so this is
   * what {@link #diagnose} costs a caller who looks at all of it.
   */
  @Benchmark
  public int diagnoseAndReadEvidence() {
    int n = 0;
    for (Candidate c : diagnoser.forSymptoms(symptoms).diagnose().candidates()) {
      n += c.evidence().get(0).words().size();
    }
    return n;
  }

  /** One query with everything a report shows: ranked, planned, and the next checks chosen. */
  @Benchmark
  public int diagnoseWithPlanAndNextChecks() {
    Diagnosis d = diagnoser.forSymptoms(symptoms).diagnose();
    return d.plan().size() + d.nextChecks().size();
  }

  /** One query written as JSON, as an alert annotation or a service response would be. */
  @Benchmark
  public String diagnoseToJson() {
    return diagnoser.forSymptoms(symptoms).diagnose().toJson();
  }
}
