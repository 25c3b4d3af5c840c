package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateTest {
  private static final Diagnosis DIAGNOSIS =
      FailureModes.forSymptoms("train-test-gap", "launch-regression", "not overfitting").diagnose();

  @Test
  void explanation_madeFromTheEvidence_saysWhyItRanks() {
    Candidate top = DIAGNOSIS.top().orElseThrow();
    assertThat(top.explanation()).isEqualTo(
        "Data leakage (data) is indicated by 'launch-regression' (launch-regression) and 1 more piece of evidence.");
  }

  @Test
  void candidateExplainedByItsEvidence_equalsTheDiagnosisOne() {
    for (Candidate c : DIAGNOSIS.candidates()) {
      Candidate rebuilt = new Candidate(c.rank(), c.failureMode(), c.score(), c.evidence());
      assertThat(rebuilt).isEqualTo(c).hasSameHashCodeAs(c);
      assertThat(rebuilt.explanation()).isEqualTo(c.explanation());
      assertThat(new Candidate(c.rank(), c.failureMode(), c.score(), c.evidence(), c.explanation())).isEqualTo(c);
      assertThat(new Candidate(c.rank(), c.failureMode(), c.score(), c.evidence(), "Another reason.")).isNotEqualTo(c);
    }
  }

  @Test
  void candidateWithoutEvidence_needsAnExplanationOfItsOwn() {
    FailureMode overfitting = FailureModes.catalog().requireFailureMode("overfitting");
    assertThat(new Candidate(1, overfitting, 0.5, List.of(), "Given.").explanation()).isEqualTo("Given.");
    assertThatThrownBy(() -> new Candidate(1, overfitting, 0.5, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A candidate explained by its evidence needs at least one piece of evidence; for overfitting none"
            + " was given. Pass the evidence, or an explanation of your own.");
    assertThatThrownBy(() -> new Candidate(1, overfitting, 0.5, List.of(), null))
        .isInstanceOf(NullPointerException.class).hasMessage("explanation");
  }

  @Test
  void toString_isRankIdAndScore() {
    assertThat(DIAGNOSIS.top().orElseThrow().toString()).matches("#1 data-leakage 0\\.\\d\\d");
  }
}
