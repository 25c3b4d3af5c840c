package dev.failuremodes.assertj;

import static dev.failuremodes.assertj.Assertions.assertThat;
import static java.lang.String.format;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failuremodes.Catalog;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import dev.failuremodes.signals.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each assertion on a diagnosis passes when it should, and fails with its whole message when it should not. */
class DiagnosisAssertTest {
  private static final String VERSION = FailureModes.catalog().catalogVersion();

  /** "large train-test gap": overfitting first, data-leakage second. */
  private static final Diagnosis GAP = FailureModes.forSymptoms("large train-test gap").diagnose();
  private static final String GAP_TABLE = "Diagnosis of 1 input (catalog " + VERSION + ")%n"
      + "  #   score failure mode                 stage                  evidence%n"
      + "  1   0.49  overfitting                  modeling               train-test-gap%n"
      + "  2   0.24  data-leakage                 data                   train-test-gap%n"
      + "  plan: 1. adjust-model-complexity; 2. add-regularization; 3. more-training-data; "
      + "4. strict-train-test-separation; 5. fit-preprocessing-in-pipeline (+3 more)%n"
      + "  next check: learning-curves (positive → overfitting; negative → data-leakage) (+14 more)";
  private static final String OVERFITTING_EVIDENCE = "Evidence for #1 overfitting 0.49:%n"
      + "  'large train-test gap' shows symptom train-test-gap (0.49 × 1.00 = 0.49)%n";
  private static final String LEAKAGE_EVIDENCE = "Evidence for #2 data-leakage 0.24:%n"
      + "  'large train-test gap' shows symptom train-test-gap (0.24 × 1.00 = 0.24)%n";

  /** A healthy PSI: no candidate, no plan. */
  private static final Diagnosis HEALTHY =
      FailureModes.forObservations(Observation.of("psi", 0.05).feature("age")).diagnose();
  private static final String HEALTHY_TABLE = "Diagnosis of 1 input (catalog " + VERSION + ")%n"
      + "  Every value read is on the healthy side of its threshold: psi 0.05 on age, healthy (a symptom when > 0.25).";

  @Test
  void hasTopCandidate_passesForTheMostLikelyMode() {
    assertThat(GAP).hasTopCandidate("overfitting");
  }

  @Test
  void hasTopCandidate_failsWithBothCandidatesEvidence_whenTheModeRanksLower() {
    assertThatThrownBy(() -> assertThat(GAP).hasTopCandidate("data-leakage"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the top candidate to be:%n"
            + "  \"data-leakage\"%n"
            + "but was:%n"
            + "  #1 overfitting 0.49%n"
            + "and \"data-leakage\" ranks #2.%n"
            + OVERFITTING_EVIDENCE
            + LEAKAGE_EVIDENCE
            + GAP_TABLE));
  }

  @Test
  void hasTopCandidate_failsSayingSo_whenTheModeIsNoCandidate() {
    assertThatThrownBy(() -> assertThat(GAP).hasTopCandidate("data-drift"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the top candidate to be:%n"
            + "  \"data-drift\"%n"
            + "but was:%n"
            + "  #1 overfitting 0.49%n"
            + "and \"data-drift\" is not a candidate.%n"
            + OVERFITTING_EVIDENCE
            + GAP_TABLE));
  }

  @Test
  void hasTopCandidate_failsWithWhyEmpty_whenThereIsNoCandidate() {
    assertThatThrownBy(() -> assertThat(HEALTHY).hasTopCandidate("data-drift"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the top candidate to be:%n"
            + "  \"data-drift\"%n"
            + "but the diagnosis has no candidates.%n"
            + HEALTHY_TABLE));
  }

  @Test
  void hasTopCandidate_failsWithTheCatalogsSuggestions_whenTheIdIsUnknown() {
    assertThatThrownBy(() -> assertThat(GAP).hasTopCandidate("data-leak"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting a failure mode id of catalog " + VERSION + ", but:%n"
            + "  Unknown failure mode 'data-leak'; did you mean 'data-leakage'?"));
  }

  @Test
  void hasTopCandidate_saysNoIdIsClose_whenNothingIs() {
    assertThatThrownBy(() -> assertThat(GAP).hasTopCandidate("zzzzzzzzzz"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting a failure mode id of catalog " + VERSION + ", but:%n"
            + "  Unknown failure mode 'zzzzzzzzzz'; no failure mode id is close; list the valid ids from the catalog"));
  }

  @Test
  void hasTopCandidate_prefixesTheDescription() {
    assertThatThrownBy(() -> assertThat(GAP).as("run %d", 7).hasTopCandidate("data-drift"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(format("[run 7] %nExpecting the top candidate to be:%n"));
  }

  @Test
  void hasTopCandidate_failsWithAssertJsMessage_whenTheDiagnosisIsNull() {
    assertThatThrownBy(() -> assertThat((Diagnosis) null).hasTopCandidate("overfitting"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting actual not to be null"));
  }

  @Test
  void hasTopCandidate_throwsNamingTheArgument_whenTheIdIsNull() {
    assertThatNullPointerException().isThrownBy(() -> assertThat(GAP).hasTopCandidate(null))
        .withMessage("failureModeId");
  }

  @Test
  void ranksWithin_passesAtAndBelowTheRank() {
    assertThat(GAP).ranks("data-leakage").within(2).ranks("data-leakage").within(3).ranks("overfitting").within(1);
  }

  @Test
  void ranksWithin_failsWithTheRankAndEvidence_whenTheModeRanksLower() {
    assertThatThrownBy(() -> assertThat(GAP).ranks("data-leakage").within(1))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting failure mode:%n"
            + "  \"data-leakage\"%n"
            + "to rank #1, but it ranks #2.%n"
            + LEAKAGE_EVIDENCE
            + GAP_TABLE));
  }

  @Test
  void ranksWithin_failsSayingSo_whenTheModeIsNoCandidate() {
    assertThatThrownBy(() -> assertThat(GAP).ranks("data-drift").within(3))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting failure mode:%n"
            + "  \"data-drift\"%n"
            + "to rank #3 or higher, but it is not a candidate.%n"
            + GAP_TABLE));
  }

  @Test
  void ranksWithin_rejectsKBelowOne() {
    assertThatIllegalArgumentException().isThrownBy(() -> assertThat(GAP).ranks("overfitting").within(0))
        .withMessage("k must be at least 1, was 0");
  }

  @Test
  void ranks_failsWithTheCatalogsSuggestions_whenTheIdIsUnknown() {
    assertThatThrownBy(() -> assertThat(GAP).ranks("overfiting"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting a failure mode id of catalog " + VERSION + ", but:%n"
            + "  Unknown failure mode 'overfiting'; did you mean 'overfitting'?"));
  }

  @Test
  void ranks_failsWithAssertJsMessage_whenTheDiagnosisIsNull() {
    assertThatThrownBy(() -> assertThat((Diagnosis) null).ranks("overfitting"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting actual not to be null"));
  }

  @Test
  void doesNotSuggest_passesForAModeThatIsNoCandidate() {
    assertThat(GAP).doesNotSuggest("data-drift");
  }

  @Test
  void doesNotSuggest_failsWithTheCandidatesRankAndEvidence() {
    assertThatThrownBy(() -> assertThat(GAP).doesNotSuggest("data-leakage"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the diagnosis not to suggest:%n"
            + "  \"data-leakage\"%n"
            + "but it ranks #2.%n"
            + LEAKAGE_EVIDENCE
            + GAP_TABLE));
  }

  @Test
  void doesNotSuggest_failsInsteadOfPassing_whenTheIdIsMisspelt() {
    assertThatThrownBy(() -> assertThat(GAP).doesNotSuggest("dataleakage"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting a failure mode id of catalog " + VERSION + ", but:%n"
            + "  Unknown failure mode 'dataleakage'; did you mean 'data-leakage'?"));
  }

  @Test
  void hasNoCandidates_passesWhenEveryValueIsHealthy() {
    assertThat(HEALTHY).hasNoCandidates();
  }

  @Test
  void hasNoCandidates_failsWithTheCountAndTheTopEvidence() {
    assertThatThrownBy(() -> assertThat(GAP).hasNoCandidates())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the diagnosis to have no candidates, but it has 2.%n"
            + OVERFITTING_EVIDENCE
            + GAP_TABLE));
  }

  @Test
  void hasNoCandidates_failsWithAssertJsMessage_whenTheDiagnosisIsNull() {
    assertThatThrownBy(() -> assertThat((Diagnosis) null).hasNoCandidates())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting actual not to be null"));
  }

  @Test
  void recognisedAll_passesForSymptomIds() {
    assertThat(FailureModes.forSymptoms("train-test-gap", "feature-distribution-shift").diagnose()).recognisedAll();
  }

  @Test
  void recognisedAll_failsListingEachUnrecognisedInputWithItsSuggestions() {
    Diagnosis typo = FailureModes.forSymptoms("large train-test gap", "trian-test gpa").diagnose();
    assertThatThrownBy(() -> assertThat(typo).recognisedAll())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting every input to be recognised, but 1 of 2 was not:%n"
            + "  'trian-test gpa' (did you mean train-test-gap, duplicates-across-splits, "
            + "group-overlap-between-splits?)%n"
            + "Diagnosis of 2 inputs (catalog " + VERSION + ")%n"
            + "  #   score failure mode                 stage                  evidence%n"
            + "  1   0.49  overfitting                  modeling               train-test-gap%n"
            + "  2   0.24  data-leakage                 data                   train-test-gap%n"
            + "  unrecognised: 'trian-test gpa' (did you mean train-test-gap, duplicates-across-splits, "
            + "group-overlap-between-splits?)%n"
            + "  plan: 1. adjust-model-complexity; 2. add-regularization; 3. more-training-data; "
            + "4. strict-train-test-separation; 5. fit-preprocessing-in-pipeline (+3 more)%n"
            + "  next check: learning-curves (positive → overfitting; negative → data-leakage) (+14 more)"));
  }

  @Test
  void recognisedAll_failsWhenNothingWasRecognised() {
    Diagnosis nothing = FailureModes.forSymptoms("xqzv plorb").diagnose();
    assertThatThrownBy(() -> assertThat(nothing).recognisedAll())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting every input to be recognised, but 1 of 1 was not:%n"
            + "  'xqzv plorb'%n"
            + "Diagnosis of 1 input (catalog " + VERSION + ")%n"
            + "  No input was recognised as a symptom; see the suggestions, or use ids from catalog.symptoms().%n"
            + "  unrecognised: 'xqzv plorb'"));
  }

  @Test
  void hasPlanStartingWith_passesForTheFirstFix() {
    assertThat(GAP).hasPlanStartingWith("adjust-model-complexity");
  }

  @Test
  void hasPlanStartingWith_failsWithTheFirstStepAndWhereTheFixIs() {
    assertThatThrownBy(() -> assertThat(GAP).hasPlanStartingWith("strict-train-test-separation"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the fix plan to start with:%n"
            + "  \"strict-train-test-separation\"%n"
            + "but it starts with:%n"
            + "  adjust-model-complexity → overfitting%n"
            + "and \"strict-train-test-separation\" is step 4 of 8.%n"
            + OVERFITTING_EVIDENCE
            + GAP_TABLE));
  }

  @Test
  void hasPlanStartingWith_failsSayingSo_whenTheFixIsNotInThePlan() {
    assertThatThrownBy(() -> assertThat(GAP).hasPlanStartingWith("drift-detection"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the fix plan to start with:%n"
            + "  \"drift-detection\"%n"
            + "but it starts with:%n"
            + "  adjust-model-complexity → overfitting%n"
            + "and \"drift-detection\" is not in the plan.%n"
            + OVERFITTING_EVIDENCE
            + GAP_TABLE));
  }

  @Test
  void hasPlanStartingWith_failsSayingSo_whenThePlanIsEmpty() {
    assertThatThrownBy(() -> assertThat(HEALTHY).hasPlanStartingWith("drift-detection"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the fix plan to start with:%n"
            + "  \"drift-detection\"%n"
            + "but the plan is empty.%n"
            + HEALTHY_TABLE));
  }

  @Test
  void hasPlanStartingWith_failsWithTheCatalogsSuggestions_whenTheFixIdIsUnknown() {
    assertThatThrownBy(() -> assertThat(GAP).hasPlanStartingWith("strict-split"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting a fix id of catalog " + VERSION + ", but:%n"
            + "  Unknown fix 'strict-split'; did you mean 'time-based-split', 'group-aware-split' or "
            + "'strict-train-test-separation'?"));
  }

  @Test
  void hasPlanStartingWith_doesNotTakeAFailureModeIdForAFixId() {
    assertThatThrownBy(() -> assertThat(GAP).hasPlanStartingWith("overfitting"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(format("%nExpecting a fix id of catalog " + VERSION + ", but:%n"
            + "  Unknown fix 'overfitting'"));
  }

  @Test
  void hasPlanStartingWith_throwsNamingTheArgument_whenTheIdIsNull() {
    assertThatNullPointerException().isThrownBy(() -> assertThat(GAP).hasPlanStartingWith(null))
        .withMessage("fixId");
  }

  @Test
  void usingCatalog_checksIdsAgainstTheGivenCatalog() throws IOException {
    Catalog team = teamCatalog();
    Diagnosis late = FailureModes.using(team).forSymptoms("labels-arrive-late").diagnose();

    assertThat(late).usingCatalog(team).hasTopCandidate("delayed-labels").hasPlanStartingWith("monitoring-dashboards");
    assertThatThrownBy(() -> assertThat(late).hasTopCandidate("delayed-labels"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(format("%nExpecting a failure mode id of catalog " + VERSION + ", but:%n"
            + "  Unknown failure mode 'delayed-labels';"));
  }

  /** The bundled catalog with one more metric, symptom and failure mode. */
  static Catalog teamCatalog() throws IOException {
    try (InputStream in = DiagnosisAssertTest.class.getResourceAsStream("/team-catalog.json")) {
      return FailureModes.catalog().extend()
          .addJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), "team-catalog.json")
          .build();
    }
  }
}
