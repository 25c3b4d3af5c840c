package dev.failuremodes.benchmarks;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import dev.failuremodes.NextCheck;
import dev.failuremodes.Outcome;
import dev.failuremodes.Query;
import dev.failuremodes.internal.engine.Answers;
import dev.failuremodes.internal.engine.Checks;
import dev.failuremodes.internal.engine.Engine;
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
 * Time to choose the next checks over the bundled catalog (58 checks): every check's expected information gain over
 * the candidates, whether either of its results would change the leader, and the ordered list with what each result
 * favours. For five candidates ("accuracy dropped after release"), for ten (four symptoms), and for five after two
 * answered checks. Beside them, a whole diagnosis with two results, which includes the choice.
 *
 * <pre>
 * ./mvnw -B -ntp -q package -DskipTests
 * java -jar failuremodes-benchmarks/target/benchmarks.jar NextChecksBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NextChecksBenchmark {
  private Checks checks;
  private List<Candidate> five;
  private List<Candidate> ten;
  private List<Candidate> afterTwo;
  private Answers two;
  private Query answered;

  /** Builds the engine and the candidate lists the choice runs on. */
  @Setup
  public void setUp() {
    Engine engine = new Engine(FailureModes.catalog());
    checks = engine.checks();
    five = FailureModes.forSymptoms("accuracy dropped after release").limit(5).diagnose().candidates();
    ten = FailureModes.forSymptoms("large train-test gap", "accuracy dropped after release", "Model degrades silently",
        "Model performance unstable").limit(10).diagnose().candidates();
    answered = FailureModes.forSymptoms("accuracy dropped after release").limit(5)
        .checked("feature-drift-tests", Outcome.POSITIVE).checked("domain-classifier-at-launch", Outcome.POSITIVE);
    afterTwo = answered.diagnose().candidates();
    two = Answers.NONE.with(checks.check("feature-drift-tests", Outcome.POSITIVE))
        .with(checks.check("domain-classifier-at-launch", Outcome.POSITIVE));
    if (five.size() < 4 || ten.size() != 10 || afterTwo.size() != 5) {
      throw new IllegalStateException("unexpected candidates: " + five + " " + ten + " " + afterTwo);
    }
  }

  /** The next checks for the candidates of one symptom, no answer yet. */
  @Benchmark
  public List<NextCheck> fiveCandidates() {
    return checks.next(five, Answers.NONE);
  }

  /** The next checks for ten candidates. */
  @Benchmark
  public List<NextCheck> tenCandidates() {
    return checks.next(ten, Answers.NONE);
  }

  /** The next checks for five candidates after two answered checks (those two and their twins left out). */
  @Benchmark
  public List<NextCheck> fiveCandidatesAfterTwoAnswers() {
    return checks.next(afterTwo, two);
  }

  /** A whole diagnosis of one symptom and two check results, next checks included (they are made when asked). */
  @Benchmark
  public int diagnosisWithTwoResults() {
    Diagnosis d = answered.diagnose();
    return d.candidates().size() + d.nextChecks().size();
  }
}
