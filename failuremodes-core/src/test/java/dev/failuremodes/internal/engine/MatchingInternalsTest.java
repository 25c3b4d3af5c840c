package dev.failuremodes.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.FailureModes;
import dev.failuremodes.internal.Suggestions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchingInternalsTest {
  @Test
  void normalize_unifiesDashesSlashesCaseAndPunctuation() {
    assertThat(Text.normalize("  Train–Test/Gap!! ")).isEqualTo("train test gap");
    assertThat(Text.normalize("train_test—gap")).isEqualTo("train test gap");
    assertThat(Text.normalize("ＰＳＩ 0.31")).isEqualTo("psi 0.31");
    assertThat(Text.normalize("  AUC@Z[0.99] ")).isEqualTo("auc z 0.99");
  }

  /** The one-pass ASCII normalisation gives what the NFKC one gives, and normalised text back as itself. */
  @Test
  void normalize_asciiText_sameAsTheGeneralWay() {
    java.util.Random random = new java.util.Random(20261129);
    String alphabet = "aZ09 .%-_/\t\n,;:!?'\"()[]{}@#$^&*+=<>|~`xyQ";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(24);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String ascii = text.toString();
      assertThat(Text.normalize(ascii)).as("'%s'", ascii).isEqualTo(Text.normalizeAnyText(ascii));
    }
    String normalised = "train test gap 0.31";
    assertThat(Text.normalize(normalised)).isSameAs(normalised);
    assertThat(Text.normalize(" train test gap ")).isEqualTo("train test gap");
    assertThat(Text.normalize("")).isEmpty();
    assertThat(Text.normalize("--")).isEmpty();
  }

  @Test
  void tokens_stemAndDropStopWordsAndBritishSpelling() {
    assertThat(Text.tokens("The labels were mislabelled")).containsExactly("label", "mislabel");
    assertThat(Text.tokens("optimising behaviour")).isEqualTo(Text.tokens("optimizing behavior"));
    assertThat(Text.tokens("generalisation gaps")).isEqualTo(Text.tokens("generalization gap"));
    assertThat(Text.tokens("annotators annotation annotated")).containsExactly("annot", "annot", "annot");
  }

  /** Outputs given in Porter's paper and its reference vocabulary. */
  @ParameterizedTest
  @CsvSource({
    "caresses, caress", "ponies, poni", "ties, ti", "cats, cat", "feed, feed", "agreed, agre", "plastered, plaster",
    "bled, bled", "motoring, motor", "sing, sing", "conflated, conflat", "troubled, troubl", "sized, size",
    "hopping, hop", "tanned, tan", "falling, fall", "hissing, hiss", "fizzed, fizz", "failing, fail", "filing, file",
    "happy, happi", "sky, sky", "relational, relat", "conditional, condit", "rational, ration",
    "digitizer, digit", "vietnamization, vietnam", "predication, predic", "operator, oper", "feudalism, feudal",
    "decisiveness, decis", "hopefulness, hope", "callousness, callous", "formaliti, formal", "sensitiviti, sensit",
    "sensibiliti, sensibl", "triplicate, triplic", "formative, form", "formalize, formal", "electriciti, electr",
    "electrical, electr", "hopeful, hope", "goodness, good", "revival, reviv", "allowance, allow",
    "inference, infer", "airliner, airlin", "gyroscopic, gyroscop", "adjustable, adjust", "defensible, defens",
    "irritant, irrit", "replacement, replac", "adjustment, adjust", "dependent, depend", "adoption, adopt",
    "homologous, homolog", "communism, commun", "activate, activ", "angulariti, angular", "effective, effect",
    "bowdlerize, bowdler", "probate, probat", "rate, rate", "cease, ceas", "controll, control", "roll, roll"
  })
  void porter_stemsAsThePaperDoes(String word, String stem) {
    assertThat(Porter.stem(word)).isEqualTo(stem);
  }

  /** Words with runs of y, stemmed as the paper's rule for y reads them letter by letter. */
  @ParameterizedTest
  @CsvSource({
    "yyed, yy", "ayyed, ayi", "yyying, yy", "eyyyed, eyi", "ayyyyed, ayyyi", "syzygy, syzygi", "yying, yy",
    "sayyed, sayi", "preyyed, preyi", "ayyy, ayyi", "oyyyy, oyyyi", "yyyyy, yyyyi", "byyyed, byyi"
  })
  void porter_stemsRunsOfY(String word, String stem) {
    assertThat(Porter.stem(word)).isEqualTo(stem);
  }

  @Test
  void porter_readsARunOfY_asAlternatingConsonantsAndVowels() {
    // y is a consonant at the start and after a vowel, a vowel after a consonant: "yyyy" is C V C V, of measure 1.
    assertThat(Porter.stem("yyyyness")).isEqualTo("yyyy");
    assertThat(Porter.stem("ayyyness")).isEqualTo("ayyy");
    assertThat(Porter.stem("y".repeat(100_000) + "s")).hasSize(100_000).endsWith("yi");
  }

  @Test
  void porter_leavesShortAndNonAsciiWordsAlone() {
    assertThat(Porter.stem("is")).isEqualTo("is");
    assertThat(Porter.stem("résumé")).isEqualTo("résumé");
    assertThat(Porter.stem("p99")).isEqualTo("p99");
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

  private static final Metrics METRICS = new Metrics(FailureModes.catalog());

  private static Mentions.Mention only(String text) {
    List<Mentions.Mention> read = Mentions.read(text, METRICS);
    assertThat(read).as(text).hasSize(1);
    return read.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      PSI=0.31                          | psi                | 0.31   |       |      |
      psi: 0.31                         | psi                | 0.31   |       |      |
      psi of 0.31 on feature age        | psi                | 0.31   |       |      | age
      KS p=0.5 on income                | ks-p-value         | 0.5    |       |      | income
      KS p-value 0.5 for income         | ks-p-value         | 0.5    |       |      | income
      chi2 p < 0.001 in column country  | chi2-p-value       | 0.001  |       |      | country
      missing rate 31%                  | missing-rate       | 0.31   |       |      |
      missing rate 31 percent           | missing-rate       | 0.31   |       |      |
      psi 0.31 (threshold 0.2)          | psi                | 0.31   |       | 0.2  |
      AUC 0.91 -> 0.78                  | score              | 0.78   | 0.91  |      |
      accuracy dropped from 93% to 61%  | score              | 0.61   | 0.93  |      |
      ks p value 1.2e-4                 | ks-p-value         | 0.00012|       |      |
      test positives 12,000             | test-positives     | 12000  |       |      |
      cohen kappa 0.4                   | cohens-kappa       | 0.4    |       |      |
      kappa 0.4                         | cohens-kappa       | 0.4    |       |      |
      p99 latency 250 ms                | latency-ms         | 250    |       |      |
      """)
  void mentions_readTheTextFormsOfValues(String text, String metric, double value, Double reference,
      Double threshold, String feature) {
    Mentions.Mention m = only(text);
    assertThat(m.metric()).isEqualTo(metric);
    assertThat(m.value()).isCloseTo(value, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(m.reference()).isEqualTo(reference);
    assertThat(m.threshold()).isEqualTo(threshold);
    assertThat(m.feature()).isEqualTo(feature);
  }

  @Test
  void mentions_aLoneLetterNamesNoMetric() {
    assertThat(only("p < 0.001").metric()).isNull();
    assertThat(only("p=0.5").metric()).isNull();
  }

  @Test
  void mentions_stayLinearOnLongNumbersAndWords() {
    assertThat(Mentions.read("psi " + "9".repeat(200) + " and " + "x".repeat(100_000) + " 0.3", METRICS))
        .hasSize(2);
  }

  @Test
  void cues_numberChange_quickSearchesAgreeWithThePattern() {
    String[] pieces = {"from", "to", "0.91", "7", "->", "→", "vs", "vs.", "versus", "(", ")", ">", "<=", "auc", "x",
        "12%", "top", "fromage", "tovs", "v2", " ", "  ", "-", "="};
    java.util.Random random = new java.util.Random(112926);
    int changes = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder sentence = new StringBuilder();
      for (int i = random.nextInt(9); i >= 0; i--) {
        sentence.append(pieces[random.nextInt(pieces.length)]).append(random.nextInt(3) == 0 ? "" : " ");
      }
      String s = sentence.toString();
      assertThat(Cues.numberChange(s)).as("'%s'", s).isEqualTo(Cues.numberChangeScanned(s));
      changes += Cues.numberChange(s) ? 1 : 0;
    }
    assertThat(changes).as("sentences with a change among 50,000").isGreaterThan(1_000);
  }

  @Test
  void cues_numberChangesAreFoundAndBoundedOnLongTokens() {
    assertThat(Cues.numberChange("AUC went from 0.91 to 0.78")).isTrue();
    assertThat(Cues.numberChange("validation AUROC 0.97 vs 0.71")).isTrue();
    assertThat(Cues.numberChange("jensen_shannon=0.19 (>0.1)")).isTrue();
    assertThat(Cues.numberChange("the meeting is from 9 to 10")).isTrue();
    assertThat(Cues.numberChange("we moved from Berlin to Paris")).isFalse();
    assertThat(Cues.numberChange("from " + "9".repeat(100_000) + " to x")).isFalse();
  }

  @Test
  void nameWords_wordsAfterAPrivativeNameTheHealthyThing() {
    NameWords<String> words = new NameWords<>(Map.of(
        "no-monitoring", List.of("no monitoring"),
        "data-drift", List.of("data drift"),
        "underfitting", List.of("under-fitting"),
        "inadequate-tuning", List.of("inadequate hyperparameter tuning")));
    assertThat(words.namesAFailure("drift")).isTrue();
    assertThat(words.namesAFailure(Text.stem("monitoring"))).isFalse();
    assertThat(words.namesAFailure("fit")).isFalse();
    assertThat(words.namesAFailure(Text.stem("tuning"))).isFalse();
    assertThat(words.namesAFailure(Text.stem("inadequate"))).isTrue();
    assertThat(words.denials(java.util.Set.of("drift"), java.util.Set.of(), w -> w.equals("drift") ? 3.0 : 1.0))
        .singleElement()
        .satisfies(d -> {
          assertThat(d.owner()).isEqualTo("data-drift");
          assertThat(d.share()).isEqualTo(0.75);
        });
  }
}
