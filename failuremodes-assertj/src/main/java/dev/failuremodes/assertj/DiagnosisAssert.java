package dev.failuremodes.assertj;

import static dev.failuremodes.assertj.ShouldBeKnownId.shouldBeKnownId;
import static dev.failuremodes.assertj.ShouldHaveNoCandidates.shouldHaveNoCandidates;
import static dev.failuremodes.assertj.ShouldHavePlanStartingWith.shouldHavePlanStartingWith;
import static dev.failuremodes.assertj.ShouldHaveRecognisedAll.shouldHaveRecognisedAll;
import static dev.failuremodes.assertj.ShouldHaveTopCandidate.shouldHaveTopCandidate;
import static dev.failuremodes.assertj.ShouldNotSuggest.shouldNotSuggest;
import static dev.failuremodes.assertj.ShouldRankWithin.shouldRankWithin;

import dev.failuremodes.Candidate;
import dev.failuremodes.Catalog;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import dev.failuremodes.UnknownIdException;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Diagnosis}: which failure mode comes first, how high one ranks, which must not appear, whether
 * every input was recognised and which fix the plan starts with. Obtain one with {@link
 * Assertions#assertThat(Diagnosis)}.
 *
 * <pre>{@code
 * assertThat(FailureModes.forSymptoms("large train-test gap").diagnose())
 *     .recognisedAll()
 *     .hasTopCandidate("overfitting")
 *     .ranks("data-leakage").within(3)
 *     .doesNotSuggest("data-drift");
 * }</pre>
 *
 * <p>Failure-mode and fix ids are checked against the bundled catalog, or the one given to {@link
 * #usingCatalog(Catalog)}: an id the catalog does not have fails the assertion with the catalog's "did you mean"
 * suggestions, so that a misspelt id never lets {@link #doesNotSuggest(String)} pass.
 */
public class DiagnosisAssert extends AbstractAssert<DiagnosisAssert, Diagnosis> {
  private Catalog catalog;

  /**
   * Creates assertions on a diagnosis; {@link Assertions#assertThat(Diagnosis)} is the usual way.
   *
   * @param actual the diagnosis, which may be null (every assertion then fails)
   */
  public DiagnosisAssert(Diagnosis actual) {
    super(actual, DiagnosisAssert.class);
  }

  /**
   * Checks ids against this catalog instead of the bundled one: use it for a diagnosis made with {@code
   * FailureModes.using(catalog)}.
   *
   * @throws NullPointerException if {@code catalog} is null
   */
  public DiagnosisAssert usingCatalog(Catalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    return myself;
  }

  /**
   * Verifies that the most likely candidate is the given failure mode.
   *
   * @param failureModeId a failure-mode id of the catalog, such as {@code "overfitting"}
   * @throws NullPointerException if {@code failureModeId} is null
   * @throws AssertionError if the diagnosis is null, the id is not in the catalog, or the top candidate is another
   *     mode or there is none
   */
  public DiagnosisAssert hasTopCandidate(String failureModeId) {
    isNotNull();
    requireFailureMode(failureModeId);
    if (actual.top().map(c -> !c.id().equals(failureModeId)).orElse(true)) {
      throwAssertionError(shouldHaveTopCandidate(actual, failureModeId));
    }
    return myself;
  }

  /**
   * Starts a check of how high a failure mode ranks; finish it with {@link Rank#within(int)}.
   *
   * <pre>{@code
   * assertThat(diagnosis).ranks("data-leakage").within(3);
   * }</pre>
   *
   * @param failureModeId a failure-mode id of the catalog
   * @throws NullPointerException if {@code failureModeId} is null
   * @throws AssertionError if the diagnosis is null or the id is not in the catalog
   */
  public Rank ranks(String failureModeId) {
    isNotNull();
    requireFailureMode(failureModeId);
    return new Rank(failureModeId);
  }

  /**
   * Verifies that the given failure mode is not a candidate at all, at any rank or score.
   *
   * @param failureModeId a failure-mode id of the catalog
   * @throws NullPointerException if {@code failureModeId} is null
   * @throws AssertionError if the diagnosis is null, the id is not in the catalog, or the mode is a candidate
   */
  public DiagnosisAssert doesNotSuggest(String failureModeId) {
    isNotNull();
    requireFailureMode(failureModeId);
    Optional<Candidate> candidate = Candidates.find(actual, failureModeId);
    if (candidate.isPresent()) {
      throwAssertionError(shouldNotSuggest(actual, candidate.get()));
    }
    return myself;
  }

  /**
   * Verifies that the diagnosis has no candidate: nothing was recognised, every value was healthy, or the query's
   * stages or minimum score left none.
   *
   * @throws AssertionError if the diagnosis is null or has a candidate
   */
  public DiagnosisAssert hasNoCandidates() {
    isNotNull();
    if (!actual.candidates().isEmpty()) {
      throwAssertionError(shouldHaveNoCandidates(actual));
    }
    return myself;
  }

  /**
   * Verifies that every input was recognised: {@link Diagnosis#unrecognized()} is empty.
   *
   * @throws AssertionError if the diagnosis is null or some input was not recognised; the message lists each one with
   *     its suggestions
   */
  public DiagnosisAssert recognisedAll() {
    isNotNull();
    if (!actual.unrecognized().isEmpty()) {
      throwAssertionError(shouldHaveRecognisedAll(actual));
    }
    return myself;
  }

  /**
   * Verifies that the fix plan's first step is the given fix.
   *
   * @param fixId a fix id of the catalog, such as {@code "strict-train-test-separation"}
   * @throws NullPointerException if {@code fixId} is null
   * @throws AssertionError if the diagnosis is null, the id is not a fix of the catalog, or the plan starts with
   *     another fix or is empty
   */
  public DiagnosisAssert hasPlanStartingWith(String fixId) {
    isNotNull();
    Objects.requireNonNull(fixId, "fixId");
    try {
      catalog().requireFix(fixId);
    } catch (UnknownIdException unknown) {
      throwAssertionError(shouldBeKnownId("fix", catalog().catalogVersion(), unknown));
    }
    if (actual.plan().isEmpty() || !actual.plan().get(0).fix().id().equals(fixId)) {
      throwAssertionError(shouldHavePlanStartingWith(actual, fixId));
    }
    return myself;
  }

  private void requireFailureMode(String failureModeId) {
    Objects.requireNonNull(failureModeId, "failureModeId");
    try {
      catalog().requireFailureMode(failureModeId);
    } catch (UnknownIdException unknown) {
      throwAssertionError(shouldBeKnownId("failure mode", catalog().catalogVersion(), unknown));
    }
  }

  private Catalog catalog() {
    return catalog != null ? catalog : FailureModes.catalog();
  }

  /**
   * The second half of {@link DiagnosisAssert#ranks(String)}: how many candidates the failure mode must be among.
   */
  public final class Rank {
    private final String failureModeId;

    private Rank(String failureModeId) {
      this.failureModeId = failureModeId;
    }

    /**
     * Verifies that the failure mode is among the first {@code k} candidates: its rank is {@code k} or better.
     *
     * @param k how many of the most likely candidates to look at, 1 or more
     * @return the diagnosis's assertions, to go on with
     * @throws IllegalArgumentException if {@code k} is less than 1
     * @throws AssertionError if the mode is not a candidate or ranks below {@code k}
     */
    public DiagnosisAssert within(int k) {
      if (k < 1) {
        throw new IllegalArgumentException("k must be at least 1, was " + k);
      }
      if (Candidates.find(actual, failureModeId).map(c -> c.rank() > k).orElse(true)) {
        throwAssertionError(shouldRankWithin(actual, failureModeId, k));
      }
      return myself;
    }
  }
}
