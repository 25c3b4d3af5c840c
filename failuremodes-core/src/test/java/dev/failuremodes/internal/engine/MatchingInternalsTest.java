package dev.failuremodes.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.FailureModes;
import dev.failuremodes.internal.Suggestions;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingInternalsTest {
  @Test
  void normalize_unifiesDashesSlashesCaseAndPunctuation() {
    assertThat(Text.normalize("  Train–Test/Gap!! ")).isEqualTo("train test gap");
    assertThat(Text.normalize("train_test—gap")).isEqualTo("train test gap");
    assertThat(Text.normalize("ＰＳＩ 0.31")).isEqualTo("psi 0.31");
  }

  @Test
  void tokens_stemAndDropStopWordsAndBritishSpelling() {
    assertThat(Text.tokens("The labels were mislabelled")).containsExactly("label", "mislabel");
    assertThat(Text.tokens("optimising behaviour")).isEqualTo(Text.tokens("optimizing behavior"));
    assertThat(Text.tokens("generalisation gaps")).isEqualTo(Text.tokens("generalization gap"));
  }

  @Test
  void distance_boundedVersionAgreesWithinTheLimitAndStopsAbove() {
    assertThat(Suggestions.distance("overfit", "overfti")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("kitten", "sitting", 3)).isEqualTo(3);
    assertThat(Suggestions.distance("kitten", "sitting", 1)).isGreaterThan(1);
    assertThat(Suggestions.distance("abcdefgh", "zyxwvuts", 2)).isGreaterThan(2);
  }

  @Test
  void typos_correctOneOrTwoEditsToTheNearestWord() {
    Typos typos = new Typos(List.of("train", "leakage", "multicollinearity", "drift"));
    assertThat(typos.correct("trian")).isEqualTo("train");
    assertThat(typos.correct("leakge")).isEqualTo("leakage");
    assertThat(typos.correct("multicolinearty")).isEqualTo("multicollinearity");
    assertThat(typos.correct("drfit")).isEqualTo("drift");
    assertThat(typos.correct("zebra")).isNull();
    assertThat(typos.correct("tran")).as("one edit allowed for short words").isEqualTo("train");
    assertThat(typos.correct("dr")).as("too short to correct").isNull();
  }

  @Test
  void unknownWords_doNotMatchAnySymptom() {
    // Regression: an uncorrectable word used to be looked up as the text "null" and matched null-rate-spike.
    SymptomIndex index = new SymptomIndex(FailureModes.catalog().symptoms());
    assertThat(index.resolve("qwertyuiop asdfghjkl")).isEmpty();
    assertThat(index.suggest("qwertyuiop asdfghjkl")).doesNotContain("null-rate-spike");
  }

  @Test
  void signals_readMetricNamesBeforeNumbersAndApplyThresholds() {
    SymptomIndex index = new SymptomIndex(FailureModes.catalog().symptoms());
    assertThat(index.resolve("PSI of 0.31 on feature age")).first()
        .satisfies(m -> assertThat(m.symptom().id()).isEqualTo("feature-distribution-shift"));
    assertThat(index.resolve("cohens kappa 0.41")).first()
        .satisfies(m -> assertThat(m.symptom().id()).isEqualTo("label-errors-found"));
    assertThat(index.resolve("psi 0.05")).as("below the threshold: the value contradicts the symptom")
        .noneSatisfy(m -> assertThat(m.symptom().id()).isEqualTo("feature-distribution-shift"));
  }

  @Test
  void unrelatedSentences_matchNoSymptom() {
    SymptomIndex index = new SymptomIndex(FailureModes.catalog().symptoms());
    for (String noise : List.of("the weather is nice today", "please review my pull request before lunch",
        "the coffee machine on floor three is broken again", "we are hiring two engineers next quarter")) {
      assertThat(index.resolve(noise)).as(noise).isEmpty();
    }
  }

  @Test
  void correctedWords_supportButDoNotCarryAMatch() {
    SymptomIndex index = new SymptomIndex(FailureModes.catalog().symptoms());
    // "less" is one edit from "loss"; alone it must not pull in the loss-curve symptoms.
    assertThat(index.resolve("women are approved far less often than men"))
        .noneSatisfy(m -> assertThat(m.symptom().id()).startsWith("loss-"));
    // With an exact word beside it, a typo still helps: "trian" supports "test gap".
    assertThat(index.resolve("the trian/test gap is large")).first()
        .satisfies(m -> assertThat(m.symptom().id()).isEqualTo("train-test-gap"));
  }

  @Test
  void trainAndHeldOutScores_giveTheDerivedGapSignal() {
    SymptomIndex index = new SymptomIndex(FailureModes.catalog().symptoms());
    for (String text : List.of("training accuracy 99 percent validation 70 percent", "train acc 0.99, test acc 0.72",
        "train loss 0.05 val loss 0.9")) {
      assertThat(index.resolve(text)).as(text).first().satisfies(m -> {
        assertThat(m.symptom().id()).isEqualTo("train-test-gap");
        assertThat(m.kind()).isEqualTo(dev.failuremodes.MatchKind.SIGNAL);
      });
    }
    assertThat(index.resolve("train accuracy 0.91 validation 0.90")).as("a one-point gap is no symptom")
        .noneSatisfy(m -> assertThat(m.symptom().id()).isEqualTo("train-test-gap"));
  }
}
