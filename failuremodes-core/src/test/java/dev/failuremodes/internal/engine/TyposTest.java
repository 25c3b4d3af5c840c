package dev.failuremodes.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.FailureModes;
import dev.failuremodes.internal.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Typo correction finds exactly what a scan of the whole vocabulary finds (the word at the smallest edit distance,
 * 1 or 2 for long tokens, ties alphabetical), for typos of every kind made in the bundled catalog's words.
 */
class TyposTest {
  private static String bruteForce(List<String> vocabulary, String token) {
    if (token.length() < Typos.MIN_LENGTH || !Character.isLetter(token.charAt(0))) {
      return null;
    }
    int allowed = token.length() >= Typos.TWO_EDITS_FROM ? 2 : 1;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String word : vocabulary) {
      int d = Suggestions.distance(token, word, allowed);
      if (d <= allowed && (d < bestDistance || d == bestDistance && word.compareTo(best) < 0)) {
        best = word;
        bestDistance = d;
      }
    }
    return best;
  }

  private static String typo(String word, Random r, int edits) {
    StringBuilder s = new StringBuilder(word);
    for (int e = 0; e < edits && s.length() > 1; e++) {
      int i = r.nextInt(s.length());
      switch (r.nextInt(4)) {
        case 0 -> s.deleteCharAt(i);
        case 1 -> s.insert(i, (char) ('a' + r.nextInt(26)));
        case 2 -> s.setCharAt(i, (char) ('a' + r.nextInt(26)));
        default -> {
          if (i + 1 < s.length()) {
            char c = s.charAt(i);
            s.setCharAt(i, s.charAt(i + 1));
            s.setCharAt(i + 1, c);
          }
        }
      }
    }
    return s.toString();
  }

  @Test
  void correct_findsWhatAScanOfTheWholeVocabularyFinds() {
    Engine engine = new Engine(FailureModes.catalog());
    List<String> vocabulary = new ArrayList<>(engine.vocabularyForTests());
    Typos typos = new Typos(vocabulary);
    Random r = new Random(7);
    int corrected = 0;
    for (int i = 0; i < 3000; i++) {
      String word = vocabulary.get(r.nextInt(vocabulary.size()));
      String token = typo(word, r, 1 + r.nextInt(2));
      String expected = bruteForce(vocabulary, token);
      assertThat(typos.correct(token)).as("typo '%s' of '%s'", token, word).isEqualTo(expected);
      if (expected != null) {
        corrected++;
      }
    }
    assertThat(corrected).as("typos that have a correction").isGreaterThan(1000);
  }

  @Test
  void correct_repeatedLettersAndShortWords() {
    Typos typos = new Typos(List.of("aaaa", "aaab", "drift", "leakage", "overfitting"));
    assertThat(typos.correct("aaaaa")).isEqualTo("aaaa");
    assertThat(typos.correct("drfit")).isEqualTo("drift");
    assertThat(typos.correct("overfiting")).isEqualTo("overfitting");
    assertThat(typos.correct("ovrfiting")).isEqualTo("overfitting");
    assertThat(typos.correct("leak")).isNull();
    assertThat(typos.correct("x".repeat(5000))).isNull();
  }
}
