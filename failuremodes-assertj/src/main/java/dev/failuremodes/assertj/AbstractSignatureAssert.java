package dev.failuremodes.assertj;

import static dev.failuremodes.assertj.ShouldBeDiagnosable.shouldBeDiagnosable;
import static dev.failuremodes.assertj.ShouldBeKnownId.shouldBeKnownId;
import static dev.failuremodes.assertj.ShouldHaveRecognisedAll.shouldNameKnownMetrics;
import static dev.failuremodes.assertj.ShouldShowNoSignature.shouldShowNoSignature;
import static dev.failuremodes.assertj.ShouldShowSignature.shouldShowSignature;

import dev.failuremodes.Candidate;
import dev.failuremodes.Catalog;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Stage;
import dev.failuremodes.UnknownIdException;
import dev.failuremodes.signals.Observation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the measured values of a model run: whether they show the signature of a known failure mode.
 *
 * <p><b>Signature.</b> The values show the signature of a failure mode when their diagnosis ({@code
 * FailureModes.forObservations(values).diagnose()}) has that mode as a candidate with at least one piece of evidence
 * of kind {@link dev.failuremodes.EvidenceKind#MEASURED} that is not {@linkplain dev.failuremodes.Evidence#against()
 * against} it: a value that crossed one of the catalog's thresholds, such as {@code psi 0.31 > 0.25 on age}. Nothing
 * else counts: not the candidate's score, not its rank, and not a healthy value, which is evidence against.
 *
 * <p>Before any of these checks, the values must be diagnosable and every one must be of a catalog metric: no values at
 * all, a missing or non-finite value, a value outside its metric's range, or a metric name the catalog does not know
 * fails the assertion, naming the value and, for an unknown name, the nearest metric ids. An unknown failure-mode id
 * fails it too, with the catalog's suggestions.
 *
 * @param <SELF> the type of the assertions, returned by every assertion for chaining
 * @param <ACTUAL> the type of the values: observations or a map of metric values
 */
public abstract class AbstractSignatureAssert<SELF extends AbstractSignatureAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {
  private Catalog catalog;
  private Diagnosis diagnosis;

  AbstractSignatureAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Returns the values as observations, in the order they are diagnosed.
   *
   * @throws IllegalArgumentException saying what is wrong with a value, if one cannot become an observation
   */
  abstract List<Observation> observations();

  /**
   * Diagnoses the values with this catalog instead of the bundled one, and checks ids against it.
   *
   * @throws NullPointerException if {@code catalog} is null
   */
  public SELF usingCatalog(Catalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.diagnosis = null;
    return myself;
  }

  /**
   * Verifies that the values show the signature of the given failure mode: it is a candidate with a value that
   * crossed one of its thresholds (see the class description).
   *
   * @param failureModeId a failure-mode id of the catalog, such as {@code "data-leakage"}
   * @throws NullPointerException if {@code failureModeId} is null
   * @throws AssertionError if the values are null or cannot be diagnosed, a metric is unknown, the id is not in the
   *     catalog, or the mode does not show its signature
   */
  public SELF showsSignature(String failureModeId) {
    isNotNull();
    Objects.requireNonNull(failureModeId, "failureModeId");
    try {
      catalog().requireFailureMode(failureModeId);
    } catch (UnknownIdException unknown) {
      throwAssertionError(shouldBeKnownId("failure mode", catalog().catalogVersion(), unknown));
    }
    Diagnosis d = diagnosed();
    if (!Candidates.find(d, failureModeId).map(Candidates::showsSignature).orElse(false)) {
      throwAssertionError(shouldShowSignature(d, failureModeId));
    }
    return myself;
  }

  /**
   * Verifies that the values show no failure mode's signature: no value crossed a threshold, so that every candidate,
   * if there is any, rests on healthy values alone.
   *
   * @throws AssertionError if the values are null or cannot be diagnosed, a metric is unknown, or a value crossed a
   *     threshold; the message names each such value and the modes it points to
   */
  public SELF showsNoKnownFailureSignature() {
    isNotNull();
    check(diagnosed(), "no known failure signature", EnumSet.allOf(Stage.class));
    return myself;
  }

  /**
   * Verifies that the values show the signature of no failure mode whose cause lies in the given stages; modes of
   * other stages may show theirs.
   *
   * @param stages one or more stages, such as {@code Stage.DATA}
   * @throws NullPointerException if {@code stages} or one of them is null
   * @throws IllegalArgumentException if no stage is given
   * @throws AssertionError if the values are null or cannot be diagnosed, a metric is unknown, or a mode of one of the
   *     stages shows its signature
   */
  public SELF showsNoSignatureIn(Stage... stages) {
    isNotNull();
    Objects.requireNonNull(stages, "stages");
    if (stages.length == 0) {
      throw new IllegalArgumentException("stages must name at least one stage, was empty");
    }
    for (int i = 0; i < stages.length; i++) {
      Objects.requireNonNull(stages[i], "stages[" + i + "]");
    }
    Set<Stage> only = EnumSet.copyOf(Arrays.asList(stages));
    String names = Message.inWords(only.stream().map(Stage::id).collect(Collectors.toList()));
    check(diagnosed(), "no failure signature in " + (only.size() == 1 ? "stage " : "stages ") + names, only);
    return myself;
  }

  private void check(Diagnosis d, String scope, Set<Stage> stages) {
    List<Candidate> offending = d.candidates().stream()
        .filter(c -> stages.contains(c.failureMode().stage()))
        .filter(Candidates::showsSignature)
        .collect(Collectors.toList());
    if (!offending.isEmpty()) {
      throwAssertionError(shouldShowNoSignature(d, scope, offending));
    }
  }

  /** Returns the diagnosis of the values, made once; fails if they cannot be diagnosed or a metric is unknown. */
  private Diagnosis diagnosed() {
    if (diagnosis == null) {
      Diagnosis d = null;
      try {
        List<Observation> observations = observations();
        if (observations.isEmpty()) {
          throw new IllegalArgumentException("there are none; pass at least one value");
        }
        d = FailureModes.using(catalog()).forObservations(observations).diagnose();
      } catch (IllegalArgumentException invalid) {
        throwAssertionError(shouldBeDiagnosable(invalid.getMessage()));
      }
      if (!d.unrecognized().isEmpty()) {
        throwAssertionError(shouldNameKnownMetrics(d));
      }
      diagnosis = d;
    }
    return diagnosis;
  }

  private Catalog catalog() {
    return catalog != null ? catalog : FailureModes.catalog();
  }
}
