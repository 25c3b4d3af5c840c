package dev.failuremodes.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhrasesTest {
  private static List<Phrases.Occurrence<String>> find(Phrases<String> phrases, String text) {
    List<Phrases.Occurrence<String>> out = new ArrayList<>();
    for (Analysis.Passage p : Analysis.of(text, Map.of(), 40).passages()) {
      out.addAll(phrases.find(p));
    }
    return out;
  }

  private static List<String> values(List<Phrases.Occurrence<String>> found) {
    return found.stream().map(Phrases.Occurrence::value).toList();
  }

  @Test
  void find_takesTheLongestPhraseAtEachStart_throughRunsThatAreNoPhrase() {
    Phrases<String> phrases = new Phrases<>();
    Text.Memo memo = new Text.Memo();
    phrases.add("alpha", "A", memo);
    phrases.add("alpha beta gamma", "ABG", memo);
    List<Phrases.Occurrence<String>> found = find(phrases, "alpha beta gamma then alpha beta");
    assertThat(values(found)).containsExactly("ABG", "A");
    assertThat(found.get(0).words()).isEqualTo("alpha beta gamma");
    assertThat(found.get(0).stems()).containsExactly("alpha", "beta", "gamma");
    assertThat(found.get(0).length()).isEqualTo(3);
    assertThat(found.get(1).words()).isEqualTo("alpha");
    assertThat(values(find(phrases, "beta gamma"))).isEmpty();
  }

  @Test
  void add_keepsTheFirstValueGivenAPhrase() {
    Phrases<String> phrases = new Phrases<>();
    Text.Memo memo = new Text.Memo();
    phrases.add("alpha beta", "first", memo);
    phrases.add("Alpha, beta!", "second", memo); // the same stems
    assertThat(values(find(phrases, "alpha beta"))).containsExactly("first");
  }

  @Test
  void find_doesNotTakeARunWhoseJoinedStemsOnlyShareAPhrasesHash() {
    // "pkgm gcgt" and "tgrr tvkd" have the same String hash and length: the run must be compared, not only hashed.
    assertThat("pkgm gcgt".hashCode()).isEqualTo("tgrr tvkd".hashCode());
    Phrases<String> phrases = new Phrases<>();
    Text.Memo memo = new Text.Memo();
    phrases.add("pkgm gcgt", "P", memo);
    phrases.add("tgrr zzzz", "T", memo); // so that a run starting with "tgrr" is looked up
    assertThat(values(find(phrases, "tgrr tvkd"))).isEmpty();
    assertThat(values(find(phrases, "pkgm gcgt and tgrr zzzz"))).containsExactly("P", "T");
  }

  @Test
  void find_findsEveryPhraseOfAManyPhraseIndex() {
    Phrases<String> phrases = new Phrases<>();
    Text.Memo memo = new Text.Memo();
    for (int i = 0; i < 2_000; i++) {
      phrases.add("w" + i + " x" + i + (i % 3 == 0 ? " y" + i : ""), "v" + i, memo);
    }
    for (int i = 0; i < 2_000; i++) {
      String phrase = "w" + i + " x" + i + (i % 3 == 0 ? " y" + i : "");
      assertThat(values(find(phrases, phrase))).as(phrase).containsExactly("v" + i);
      assertThat(values(find(phrases, "w" + i + " x" + (i + 1)))).as(phrase).isEmpty();
    }
  }
}
