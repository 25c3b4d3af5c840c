package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Next checks on a diagnosis, and results that re-rank it, through the public API over the bundled catalog. */
class DifferentialDiagnosisTest {
  private static final Query GAP = FailureModes.forSymptoms("large train-test gap");
  private static final Query RELEASE = FailureModes.forSymptoms("accuracy dropped after release").limit(5);

  @Test
  void nextChecks_bestFirst_eachSayingWhatEachResultFavours() {
    Diagnosis d = GAP.diagnose();
    NextCheck first = d.nextChecks().get(0);
    assertThat(first.id()).isEqualTo("learning-curves");
    assertThat(first.ifPositive()).containsExactly("overfitting");
    assertThat(first.ifNegative()).containsExactly("data-leakage");
    assertThat(first.favours()).isEqualTo("positive → overfitting; negative → data-leakage");
    assertThat(first.check().observes()).hasValueSatisfying(q -> assertThat(q).endsWith("?"));
    assertThat(d.nextChecks()).isSortedAccordingTo((a, b) -> Long.compare(Math.round(b.gainPerEffort() * 20),
        Math.round(a.gainPerEffort() * 20)));
    assertThat(d.nextChecks()).allSatisfy(n -> assertThat(n.expectedGain()).isPositive());
    assertThat(d.toString()).contains("\n  next check: learning-curves (positive → overfitting; negative →"
        + " data-leakage) (+");
    assertThat(d.toMarkdown()).contains("### Next checks\n\n| Check | Question | Positive favours | Negative favours"
        + " | Expected gain | Effort |\n|---|---|---|---|---|---|\n| Learning curves (`learning-curves`) | Do learning"
        + " curves show a wide, persistent gap between training and validation scores? | overfitting | data-leakage |");
    assertThat(d.toJson()).contains("\"nextChecks\" : [ {\n    \"id\" : \"learning-curves\"");
  }

  @Test
  void checked_reRanks_withTheResultsOwnLineInTheExplanation_andIsNotOfferedAgain() {
    Diagnosis d = RELEASE.checked("logged-feature-comparison", Outcome.NEGATIVE).diagnose();
    Candidate skew = d.candidates().stream().filter(c -> c.id().equals("training-serving-skew")).findFirst()
        .orElseThrow();
    assertThat(skew.rank()).isGreaterThan(1);
    assertThat(skew.explanation()).endsWith("Against it: serving features match training for the same requests.");
    assertThat(skew.evidence()).filteredOn(e -> e.kind() == EvidenceKind.CHECK).singleElement()
        .satisfies(e -> assertThat(e.toString()).isEqualTo("'check logged-feature-comparison: negative' counts against"
            + " it: serving features match training for the same requests (0.90 × 1.00 = 0.90)"));
    assertThat(d.inputs())
        .containsExactly("accuracy dropped after release", "check logged-feature-comparison: negative");
    assertThat(d.resolutions().get(1).toString())
        .isEqualTo("'check logged-feature-comparison: negative' → checked logged-feature-comparison negative");
    assertThat(d.nextChecks()).extracting(NextCheck::id).doesNotContain("logged-feature-comparison");
    assertThat(d.toJson()).contains("\"checks\" : [ {\n      \"id\" : \"logged-feature-comparison\",\n"
        + "      \"outcome\" : \"negative\"");
  }

  @Test
  void ruledOutMode_isDropped_andListed() {
    Diagnosis d = RELEASE.ruledOut("training-serving-skew").diagnose();
    assertThat(d.candidates()).extracting(Candidate::id).doesNotContain("training-serving-skew");
    assertThat(d.ruledOut()).extracting(FailureMode::id).containsExactly("training-serving-skew");
    assertThat(d.toString()).contains("\n  ruled out: training-serving-skew\n");
    assertThat(d.toMarkdown()).contains("Ruled out: training-serving-skew.");
    assertThat(d.toJson()).contains("\"ruledOut\" : [ \"training-serving-skew\" ]");
    // By name as well as by id.
    assertThat(RELEASE.ruledOut("Training-serving skew").diagnose().ruledOut()).extracting(FailureMode::id)
        .containsExactly("training-serving-skew");
  }

  @Test
  void ruledOutSymptom_countsAgainst_andAConfirmedOneFor() {
    Diagnosis denied = GAP.ruledOut("suspiciously high validation performance").diagnose();
    assertThat(denied.resolutions().get(1).ruledOutSymptoms()).extracting(m -> m.symptom().id())
        .containsExactly("suspiciously-high-performance");
    Candidate leakage = denied.candidates().stream().filter(c -> c.id().equals("data-leakage")).findFirst()
        .orElseThrow();
    assertThat(leakage.evidence()).anyMatch(e -> e.against() && e.symptom().orElse("").equals(
        "suspiciously-high-performance"));
    Diagnosis confirmed = GAP.confirmed("validation-loss-rising").diagnose();
    assertThat(confirmed.inputs()).endsWith("confirmed: validation-loss-rising");
    assertThat(confirmed.top()).map(Candidate::id).contains("overfitting");
    assertThat(confirmed.top().orElseThrow().score()).isGreaterThan(GAP.diagnose().top().orElseThrow().score());
  }

  @Test
  void ruledOut_everyCandidate_givesAnEmptyDiagnosisThatSaysSo() {
    Diagnosis d = GAP.ruledOut("overfitting").ruledOut("data-leakage").diagnose();
    assertThat(d.candidates()).isEmpty();
    assertThat(d.nextChecks()).isEmpty();
    assertThat(d.whyEmpty()).contains("No candidate is left once the ruled-out modes (overfitting, data-leakage) are"
        + " dropped: the cause may be none of them, or a result may be wrong; check the results, or describe more of"
        + " what was seen.");
    assertThat(d.toString()).contains("No candidate is left once the ruled-out modes");
  }

  @Test
  void unknownIds_areErrorsWithSuggestions() {
    assertThatThrownBy(() -> GAP.checked("learning-curve", Outcome.POSITIVE)).isInstanceOf(UnknownIdException.class)
        .hasMessage("Unknown check 'learning-curve'; did you mean 'learning-curves'?");
    assertThatThrownBy(() -> GAP.confirmed("trian-test gap")).isInstanceOf(UnknownIdException.class)
        .hasMessageStartingWith("Unknown symptom 'trian-test gap'; did you mean 'train-test-gap'");
    assertThatThrownBy(() -> GAP.ruledOut("data-leakge")).isInstanceOf(UnknownIdException.class)
        .hasMessageStartingWith("Unknown failure mode or symptom 'data-leakge'; did you mean 'data-leakage'");
  }

  @Test
  void contradictoryResults_areErrorsNamingBoth() {
    assertThatThrownBy(() -> GAP.confirmed("large train-test gap").ruledOut("train-test-gap"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Symptom 'train-test-gap' is both confirmed (confirmed(\"large train-test gap\")) and ruled out"
            + " (ruledOut(\"train-test-gap\")); keep the one that holds.");
    assertThatThrownBy(() -> GAP.checked("learning-curves", Outcome.POSITIVE).checked("learning-curves",
        Outcome.NEGATIVE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Check 'learning-curves' is both positive (checked(\"learning-curves\", POSITIVE)) and negative"
            + " (checked(\"learning-curves\", NEGATIVE)); keep the result the check gave.");
    // The same result twice is one result.
    assertThat(GAP.checked("learning-curves", Outcome.POSITIVE).checked("learning-curves", Outcome.POSITIVE)
        .diagnose().inputs()).hasSize(2);
  }

  @Test
  void nullArguments_failFastNamingTheParameter() {
    assertThatThrownBy(() -> GAP.checked(null, Outcome.POSITIVE)).isInstanceOf(NullPointerException.class)
        .hasMessage("checkId");
    assertThatThrownBy(() -> GAP.checked("learning-curves", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("outcome");
    assertThatThrownBy(() -> GAP.confirmed(null)).isInstanceOf(NullPointerException.class).hasMessage("symptom");
    assertThatThrownBy(() -> GAP.ruledOut(null)).isInstanceOf(NullPointerException.class).hasMessage("idOrName");
  }

  @Test
  void standout_whenTheTopCandidateIsTwiceAsLikelyAsEverythingElse() {
    assertThat(GAP.diagnose().standout()).isEmpty();
    Diagnosis one = GAP.checked("learning-curves", Outcome.POSITIVE).diagnose();
    assertThat(one.top()).map(Candidate::id).contains("overfitting");
    assertThat(one.standout()).isEmpty();
    Diagnosis d = GAP.checked("learning-curves", Outcome.POSITIVE).checked("feature-group-ablation", Outcome.NEGATIVE)
        .checked("regularisation-sweep", Outcome.NEGATIVE).diagnose();
    assertThat(d.standout()).map(Candidate::id).contains("overfitting");
    assertThat(d.toJson()).contains("\"standout\" : \"overfitting\"");
  }

  @Test
  void outcome_parsesWhatPeopleType() {
    assertThat(Outcome.parse(" Yes ")).isEqualTo(Outcome.POSITIVE);
    assertThat(Outcome.parse("-")).isEqualTo(Outcome.NEGATIVE);
    assertThatThrownBy(() -> Outcome.parse("maybe")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown outcome 'maybe'; answer positive (the check found it: positive, pos, p, yes, y, +) or"
            + " negative (it came back clean: negative, neg, n, no, -)");
  }
}
