package dev.failuremodes.examples;

import static dev.failuremodes.assertj.Assertions.assertThatMetrics;
import static dev.failuremodes.assertj.Assertions.assertThatObservations;
import static java.lang.String.format;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failuremodes.FailureModes;
import dev.failuremodes.Stage;
import dev.failuremodes.signals.Observation;
import dev.failuremodes.statistics.PopulationStabilityIndex;
import dev.failuremodes.statistics.SampleStatistics;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Recipe: a model run checks itself for known failure signatures in its own test. The test makes synthetic loan data,
 * fits a logistic regression, measures training and validation accuracy and the drift of a feature between the
 * training rows and a production sample, and hands the numbers to the assertions of {@code failuremodes-assertj}.
 * Nothing is written down but the seed: every value asserted on comes out of the run.
 *
 * <p>The leaky run adds a feature recorded after the outcome (a chargeback flag, the label plus a little noise), as a
 * join on the wrong timestamp would. Its validation accuracy is near 1, above the catalog's "suspiciously high"
 * threshold of 0.99, which is the signature of data leakage.
 */
class ModelRunSignatureTest {
  private static final long SEED = 20_261_129L;
  private static final int TRAINING_ROWS = 2_000;
  private static final int VALIDATION_ROWS = 1_000;
  private static final int PRODUCTION_ROWS = 1_000;

  @Test
  void healthyRun_showsNoKnownFailureSignature() {
    Run run = Run.of(false);

    assertThatObservations(
            Observation.of("train-score", run.trainingAccuracy()),
            Observation.of("validation-score", run.validationAccuracy()),
            run.amountDrift().toObservation().feature("amount"))
        .showsNoKnownFailureSignature();
  }

  @Test
  void leakyRun_showsTheSignatureOfDataLeakage() {
    Run run = Run.of(true);

    // The leak, not drift: the production sample of the amount is as stable as in the healthy run.
    assertThatMetrics(run.metrics()).showsSignature("data-leakage").showsNoSignatureIn(Stage.DEPLOYMENT_MONITORING);
  }

  @Test
  void leakyRun_failsShowsNoKnownFailureSignature_withTheCrossingValueAndTheTable() {
    Run run = Run.of(true);

    assertThatThrownBy(() -> assertThatMetrics(run.metrics()).showsNoKnownFailureSignature())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the values to show no known failure signature, but 1 value crosses a "
            + "threshold:%n"
            + "  validation-score 1 > 0.99%n"
            + "showing the signature of feature-leakage, data-leakage, preprocessing-leakage and "
            + "test-set-contamination.%n"
            + "Evidence for #1 feature-leakage 0.44:%n"
            + "  'validation accuracy = 1' measures suspiciously-high-performance: validation-score 1 > 0.99 "
            + "(0.46 × 0.95 = 0.44)%n"
            + "Values read:%n"
            + "  psi 0.005, healthy (a symptom when > 0.25)%n"
            + "  train-score 1, no threshold of its own%n"
            + "  validation-score 1 > 0.99%n"
            + "  train-test-gap 0, healthy (a symptom when > 0.1)%n"
            + "Diagnosis of 3 inputs (catalog %s)%n"
            + "  #   score failure mode                 stage                  evidence%n"
            + "  1   0.44  feature-leakage              feature-engineering    suspiciously-high-performance%n"
            + "  2   0.43  data-leakage                 data                   suspiciously-high-performance +1%n"
            + "  3   0.25  preprocessing-leakage        data                   suspiciously-high-performance%n"
            + "  4   0.25  test-set-contamination       evaluation             suspiciously-high-performance%n"
            + "  plan: 1. strict-train-test-separation; 2. remove-leaky-features; 3. fit-preprocessing-in-pipeline; "
            + "4. point-in-time-features; 5. feature-audit (+3 more)%n"
            + "  next check: point-in-time-audit (positive → feature-leakage, data-leakage; negative →"
            + " preprocessing-leakage, test-set-contamination) (+17 more)",
            FailureModes.catalog().catalogVersion()));
  }

  /** One training run: the model's accuracy on the rows it saw and on held-out rows, and the drift of a feature. */
  record Run(double trainingAccuracy, double validationAccuracy, PopulationStabilityIndex amountDrift) {
    /** Generates the data, fits the model and measures it; {@code leaky} adds a feature derived from the label. */
    static Run of(boolean leaky) {
      Random random = new Random(SEED);
      Rows training = Rows.generate(random, TRAINING_ROWS, leaky);
      Rows validation = Rows.generate(random, VALIDATION_ROWS, leaky);
      Rows production = Rows.generate(random, PRODUCTION_ROWS, leaky);
      LogisticRegression model = LogisticRegression.fit(training, 300, 0.5);
      return new Run(model.accuracy(training), model.accuracy(validation),
          SampleStatistics.psi(training.column(0), production.column(0)));
    }

    /** Returns the run's metrics by the names a training script would log them under: catalog aliases. */
    Map<String, Double> metrics() {
      return Map.of("train accuracy", trainingAccuracy, "validation accuracy", validationAccuracy,
          "psi", amountDrift.value());
    }
  }

  /** Feature rows and 0/1 labels. Column 0 is the loan amount, 1 the customer's tenure, 2 (if leaky) the chargeback. */
  record Rows(double[][] x, int[] y) {
    /**
     * Draws {@code n} rows. Both kinds of run draw the same numbers, so that a leaky run differs from a healthy one in
     * the chargeback column alone.
     */
    static Rows generate(Random random, int n, boolean leaky) {
      double[][] x = new double[n][];
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        double amount = random.nextGaussian();
        double tenure = random.nextGaussian();
        double noise = random.nextGaussian();
        y[i] = 1.2 * amount - 0.8 * tenure + noise > 0 ? 1 : 0;
        double chargeback = y[i] + 0.1 * random.nextGaussian();
        x[i] = leaky ? new double[] {amount, tenure, chargeback} : new double[] {amount, tenure};
      }
      return new Rows(x, y);
    }

    double[] column(int j) {
      double[] out = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        out[i] = x[i][j];
      }
      return out;
    }
  }

  /** Logistic regression fitted by full-batch gradient descent on the mean log loss. */
  record LogisticRegression(double[] weights, double bias) {
    static LogisticRegression fit(Rows rows, int steps, double learningRate) {
      int n = rows.x().length;
      int features = rows.x()[0].length;
      double[] w = new double[features];
      double b = 0;
      for (int step = 0; step < steps; step++) {
        double[] gradient = new double[features];
        double biasGradient = 0;
        for (int i = 0; i < n; i++) {
          double error = probability(w, b, rows.x()[i]) - rows.y()[i];
          for (int j = 0; j < features; j++) {
            gradient[j] += error * rows.x()[i][j];
          }
          biasGradient += error;
        }
        for (int j = 0; j < features; j++) {
          w[j] -= learningRate * gradient[j] / n;
        }
        b -= learningRate * biasGradient / n;
      }
      return new LogisticRegression(w, b);
    }

    double accuracy(Rows rows) {
      int correct = 0;
      for (int i = 0; i < rows.x().length; i++) {
        correct += (probability(weights, bias, rows.x()[i]) >= 0.5 ? 1 : 0) == rows.y()[i] ? 1 : 0;
      }
      return (double) correct / rows.x().length;
    }

    private static double probability(double[] w, double b, double[] x) {
      double z = b;
      for (int j = 0; j < w.length; j++) {
        z += w[j] * x[j];
      }
      // StrictMath: the same bits on every platform, so the accuracies, and the messages, are the same everywhere.
      return 1 / (1 + StrictMath.exp(-z));
    }
  }
}
