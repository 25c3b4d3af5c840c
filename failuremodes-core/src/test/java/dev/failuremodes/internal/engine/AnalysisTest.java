package dev.failuremodes.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scope of negation: which words a cue covers. */
class AnalysisTest {
  /** "no monitoring" is a catalog phrase: its "no" names the failure and denies nothing. */
  private static final Map<String, List<List<String>>> PHRASES = Map.of(
      "no", List.of(Text.tokens("no monitoring"), Text.tokens("no early stopping")),
      "not", List.of(Text.tokens("loss not decreasing")));

  /** Returns the input's words with covered ones in brackets and cues in angle brackets; passages end with |. */
  private static String marked(String input) {
    List<String> out = new ArrayList<>();
    for (Analysis.Passage p : Analysis.of(input, PHRASES, 40).passages()) {
      for (Analysis.Word w : p.words()) {
        out.add(w.cue() ? "<" + w.raw() + ">" : w.negated() ? "[" + w.raw() + "]" : w.raw());
      }
      out.add("|");
    }
    return String.join(" ", out);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      the model is not overfitting; the model is <not> [overfitting] |
      not overfitting, but accuracy dropped after release; <not> [overfitting] but accuracy dropped after release |
      we ruled out data leakage; we <ruled> <out> [data] [leakage] |
      data leakage was ruled out by the audit; [data] [leakage] [was] <ruled> <out> by the audit |
      overfitting was excluded by the learning curve; [overfitting] [was] <excluded> by the learning curve |
      we excluded overfitting; we <excluded> [overfitting] |
      no sign of data drift; <no> [sign] [of] [data] [drift] |
      it isn't leakage; it isn <t> [leakage] |
      PSI is fine, but AUC fell; [psi] [is] <fine> but auc fell |
      leakage is not the cause; [leakage] [is] <not> <the> cause |
      checked for label errors, found none; [checked] [for] [label] [errors] <found> <none> |
      drift not detected; [drift] <not> <detected> |
      we have no monitoring; we have no monitoring |
      no early stopping and val loss rises; no early stopping and val loss rises |
      loss not decreasing; loss not decreasing |
      maybe it is leakage; maybe it is leakage |
      no drift. accuracy dropped; <no> [drift] | accuracy dropped |
      we retrained, checked for label errors, found none; we retrained [checked] [for] [label] [errors] <found> <none> |
      overfitting excluded; [overfitting] <excluded> |
      excluded overfitting; <excluded> [overfitting] |
      t test shows no drift; t test shows <no> [drift] |
      the leakage theory was ruled; the leakage theory was ruled |
      """)
  void negation_coversItsClauseOnly(String input, String expected) {
    assertThat(marked(input)).isEqualTo(expected.strip());
  }

  @Test
  void passages_splitSentencesAndLongRuns() {
    String longSentence = "word ".repeat(40 * 2 + 5);
    List<Analysis.Passage> passages = Analysis.of("first sentence. " + longSentence, PHRASES, 40).passages();
    assertThat(passages).hasSize(4);
    assertThat(passages).extracting(Analysis.Passage::first).containsExactly(true, true, false, false);
    assertThat(Analysis.of("psi 0.31 on age", PHRASES, 40).passages()).hasSize(1);
    // The passages of a sentence split its words: none is left out or read twice.
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      words.add("w" + i);
    }
    List<String> read = new ArrayList<>();
    for (Analysis.Passage p : Analysis.of(String.join(" ", words), PHRASES, 40).passages()) {
      p.words().forEach(w -> read.add(w.raw()));
    }
    assertThat(read).isEqualTo(words);
  }

  /**
   * ASCII sentences are read in one pass; other text is split at commas, normalised and split at spaces. A no-break
   * space at the end sends the same text down the other path (NFKC makes it a space), so both must give the same
   * words, stems, cues, negations and passages, whatever mix of commas, full stops, percent signs, separators and
   * negation cues the text has.
   */
  @Test
  void asciiSentences_readAsTheGeneralPathReadsThem() {
    String[] pieces = {"not", "no", "none", "found", "ruled", "out", "isn't", "but", "drift", "leakage", "accuracy",
        "dropped", "0.31", "v2.1", "12%", "...", ".", ",", ", ,", ",,", "-", "/", "_", "(", ")", "'", "\"", ":", "=",
        "Train-Test", "GAP", "x.", "a.b.", "%", " ", "  ", "\t", "monitoring", "early", "stopping", "loss",
        "decreasing", "was", "excluded", "the", "fine"};
    java.util.Random random = new java.util.Random(20261129);
    int compared = 0;
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(30);
      for (int k = 0; k < length; k++) {
        String piece = pieces[random.nextInt(pieces.length)];
        boolean glued = random.nextInt(4) == 0; // sometimes no space: "drift,no", "0.31%"
        text.append(glued || k == 0 ? "" : " ").append(piece);
      }
      String ascii = text.toString();
      List<Analysis.Passage> fast = Analysis.of(ascii, PHRASES, 4).passages();
      List<Analysis.Passage> general = Analysis.of(ascii + "\u00a0", PHRASES, 4).passages();
      assertThat(general).as(ascii).hasSameSizeAs(fast);
      for (int p = 0; p < fast.size(); p++) {
        assertThat(fast.get(p).words()).as(ascii).isEqualTo(general.get(p).words());
        assertThat(fast.get(p).first()).as(ascii).isEqualTo(general.get(p).first());
        assertThat(fast.get(p).raw().strip()).as(ascii).isEqualTo(general.get(p).raw().strip());
        compared += fast.get(p).words().size();
      }
    }
    assertThat(compared).as("words compared").isGreaterThan(20_000);
  }
}
