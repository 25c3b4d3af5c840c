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
}
