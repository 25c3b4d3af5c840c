package dev.failuremodes.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code interview} command: questions, answers read from standard input, and when it stops. */
class InterviewCommandTest {
  private static final String NL = System.lineSeparator();

  @Test
  void interview_asksTheBestCheck_reRanksOnEachAnswer_andStopsWhenACauseStandsOut() {
    CliRun run = CliRun.of(List.of("interview", "large train-test gap"), "p\nx\nn\nn\n");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("Candidates:" + NL
            + "  1. overfitting                  0.49  modeling" + NL
            + "  2. data-leakage                 0.24  data" + NL + NL
            + "Question 1 (modeling, effort low): Do learning curves show a wide, persistent gap between training and"
            + " validation scores?" + NL
            + "  check learning-curves (Learning curves): positive → overfitting; negative → data-leakage" + NL
            + "Answer positive, negative, skip or quit [p/n/s/q]: p" + NL
            + "→ learning curves show a wide, persistent gap between training and validation" + NL)
        .contains("Answer positive, negative, skip or quit [p/n/s/q]: x" + NL + "'x' is no answer: type p if the check"
            + " found it, n if it came back clean, s to skip the check, q to stop." + NL)
        .contains(NL + "Question 3 (modeling, effort medium): ")
        .doesNotContain("Question 4")
        .contains(NL + "overfitting stands out." + NL + NL + "Most likely: Overfitting (overfitting, 0.78).")
        .endsWith("The same diagnosis: failuremodes diagnose --check learning-curves=positive --check"
            + " feature-group-ablation=negative --check regularisation-sweep=negative \"large train-test gap\"" + NL);
  }

  @Test
  void interview_skipsAChecksOnRequest_andStopsOnQuitOrAtTheEndOfInput() {
    CliRun skipped = CliRun.of(List.of("interview", "large train-test gap"), "s\nq\n");
    assertThat(skipped.out()).contains("Skipped learning-curves." + NL)
        .contains("Question 2 (data, effort medium): ")
        .contains(NL + "Stopped." + NL + NL + "Most likely: Overfitting (overfitting, 0.49).")
        .doesNotContain("The same diagnosis");
    CliRun ended = CliRun.of(List.of("interview", "large train-test gap"), "");
    assertThat(ended.exit()).isZero();
    assertThat(ended.out()).contains(NL + "No more answers (end of input)." + NL);
  }

  @Test
  void interview_withEveryCandidateRuledOut_saysSoAndStops() {
    CliRun run = CliRun.of(List.of("interview", "--ruled-out", "overfitting", "--ruled-out", "data-leakage",
        "large train-test gap"), "");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("No candidate is left once the ruled-out modes (overfitting, data-leakage) are"
        + " dropped");
  }

  @Test
  void interview_unknownCheck_isAUsageErrorWithSuggestions() {
    CliRun run = CliRun.of(List.of("interview", "--check", "learning-curve=positive", "model overfits"), "");
    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains("Unknown check 'learning-curve'; did you mean 'learning-curves'?");
  }

  @Test
  void diagnose_takesResults_andShowsTheNextCheck() {
    CliRun run = CliRun.of(List.of("diagnose", "--check", "learning-curves=positive", "--check",
        "feature-group-ablation=n", "large train-test gap"), "");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("  1   0.72  overfitting ", "\n  next check: regularisation-sweep (positive →"
        + " poor-regularization; negative → overfitting)");
    CliRun contradiction = CliRun.of(List.of("diagnose", "--confirmed", "large train-test gap", "--ruled-out",
        "train-test-gap", "model overfits"), "");
    assertThat(contradiction.exit()).isEqualTo(Main.USAGE);
    assertThat(contradiction.err()).contains("Symptom 'train-test-gap' is both confirmed (confirmed(\"large train-test"
        + " gap\")) and ruled out (ruledOut(\"train-test-gap\")); keep the one that holds.");
  }
}
