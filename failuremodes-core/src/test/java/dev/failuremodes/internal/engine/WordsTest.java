package dev.failuremodes.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The numbered word set behind the engine's flat indexes agrees with a map from word to its first position. */
class WordsTest {
  @Test
  void numbersEachDistinctWordInTheOrderFirstAdded() {
    Words words = new Words(2);
    assertThat(words.add("drift")).isZero();
    assertThat(words.add("leak")).isEqualTo(1);
    assertThat(words.add(new String("drift"))).isZero();
    assertThat(words.trim().size()).isEqualTo(2);
    assertThat(words.list()).containsExactly("drift", "leak");
    assertThat(words.indexOf("leak")).isEqualTo(1);
    assertThat(words.indexOf("leakage")).isEqualTo(-1);
    assertThat(words.contains("")).isFalse();
  }

  @Test
  void aSetTakenFromItsArraysFindsTheSameWords() {
    Words built = Words.of(List.of("drift", "leak", "gap", "Aa", "BB", "skew"));
    Words taken = new Words(built.list().toArray(new String[0]), built.hashes().clone(), built.table().clone());

    assertThat(taken.sameAs(built)).isTrue();
    for (String w : List.of("drift", "leak", "gap", "Aa", "BB", "skew", "shift", "")) {
      assertThat(taken.indexOf(new String(w))).as(w).isEqualTo(built.indexOf(w));
    }
    assertThat(Words.of(List.of("drift", "leak")).sameAs(built)).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Words(new String[] {"a", "b", "c"}, new int[3], new int[4]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void canonicalReturnsTheStoredStringOrTheWordItself() {
    String stored = "gap";
    Words words = Words.of(List.of(stored));
    assertThat(words.canonical(new String("gap"))).isSameAs(stored);
    String other = "gaps";
    assertThat(words.canonical(other)).isSameAs(other);
  }

  @Test
  void agreesWithAMapThroughGrowthAndTrimming() {
    // Words that collide in String.hashCode ("Aa" and "BB") and many random ones, past several rehashes.
    Random r = new Random(11);
    List<String> added = new ArrayList<>(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"));
    for (int i = 0; i < 5000; i++) {
      StringBuilder w = new StringBuilder();
      for (int k = 0, n = 1 + r.nextInt(6); k < n; k++) {
        w.append((char) ('a' + r.nextInt(5)));
      }
      added.add(w.toString());
    }
    Words words = new Words(1);
    Map<String, Integer> expected = new HashMap<>();
    for (String w : added) {
      Integer first = expected.putIfAbsent(w, expected.size());
      assertThat(words.add(w)).isEqualTo(first == null ? expected.size() - 1 : first);
    }
    words.trim();
    assertThat(words.size()).isEqualTo(expected.size());
    expected.forEach((w, id) -> {
      assertThat(words.indexOf(w)).isEqualTo(id);
      assertThat(words.get(id)).isEqualTo(w);
    });
    assertThat(words.indexOf("zzzzzzz")).isEqualTo(-1);
  }
}
