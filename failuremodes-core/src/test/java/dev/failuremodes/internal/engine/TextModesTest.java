package dev.failuremodes.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.CaseStudy;
import dev.failuremodes.Catalog;
import dev.failuremodes.FailureMode;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Symptom;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Text evidence is kept for the best {@link Engine#MAX_TEXT_MODES} modes of an input: chosen without sorting every
 * mode the input's words reach, they must be exactly the ones a full sort chooses, ties included; and scoring that
 * skips the modes that cannot make them must give exactly what scoring every mode gives.
 */
class TextModesTest {

  /** The reference: sort by score, highest first, ties by mode; keep the first {@code max}; return them by mode. */
  private static int[] bySorting(int[] candidates, int n, double[] score, int max) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(candidates[i]);
    }
    all.sort(Comparator.<Integer>comparingDouble(d -> -score[d]).thenComparingInt(d -> d));
    int[] kept = all.subList(0, Math.min(max, n)).stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(kept);
    return kept;
  }

  @Test
  void best_keepsWhatAFullSortKeeps_withManyTies() {
    Random random = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      int docs = 1 + random.nextInt(300);
      double[] score = new double[docs];
      int levels = 1 + random.nextInt(6); // few distinct scores: many ties at the cut
      for (int d = 0; d < docs; d++) {
        score[d] = random.nextInt(levels) / 4.0;
      }
      int n = random.nextInt(docs + 1);
      int[] candidates = new int[docs];
      List<Integer> order = new ArrayList<>();
      for (int d = 0; d < docs; d++) {
        order.add(d);
      }
      java.util.Collections.shuffle(order, random); // scoring touches modes in no particular order
      for (int i = 0; i < n; i++) {
        candidates[i] = order.get(i);
      }
      int max = 1 + random.nextInt(70);

      assertThat(ModeText.best(candidates, n, score, max))
          .as("round %d: %d of %d modes, max %d", round, n, docs, max)
          .containsExactly(bySorting(candidates, n, score, max));
    }
  }

  /** The text index of a catalog's modes, each mode {@code copies} times over: copies tie, word for word. */
  private static ModeText index(Catalog catalog, int copies) {
    Map<String, Symptom> symptoms = new HashMap<>();
    catalog.symptoms().forEach(s -> symptoms.put(s.id(), s));
    Map<String, List<CaseStudy>> cases = new HashMap<>();
    for (CaseStudy c : catalog.caseStudies()) {
      c.failureModes().forEach(m -> cases.computeIfAbsent(m, k -> new ArrayList<>()).add(c));
    }
    List<FailureMode> modes = new ArrayList<>();
    for (int k = 0; k < copies; k++) {
      modes.addAll(catalog.failureModes());
    }
    return new ModeText(modes, symptoms, cases, Routine.TEXT, Tuning.DEFAULT, new Text.Memo());
  }

  private static Catalog frozen() {
    try {
      return Catalog.load(Path.of(TextModesTest.class.getResource("/catalogs/engine-checks.json").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The words that reach at least one document in {@code share} (the modes and the routine document): the words
   * whose postings are found in constant time, in a catalog of more than 1,024 modes.
   */
  private static int reachingOneModeIn(ModeText text, int share) {
    int documents = text.modes().size() + 1;
    int count = 0;
    for (int t = 0; t + 1 < text.termStart.length; t++) {
      count += (text.termStart[t + 1] - text.termStart[t]) * share >= documents ? 1 : 0;
    }
    return count;
  }

  @Test
  void commonWords_onlyInCatalogsOfMoreThan1024Modes() {
    ModeText bundled = index(FailureModes.catalog(), 1);
    int copies = 1024 / bundled.modes().size(); // the most copies with at most 1,024 modes
    assertThat(index(FailureModes.catalog(), copies).commonWords()).isZero();
    ModeText larger = index(FailureModes.catalog(), copies + 1);
    assertThat(larger.modes().size()).isGreaterThan(1024);
    assertThat(larger.commonWords()).isEqualTo(reachingOneModeIn(larger, 32)).isPositive();
  }

  @Test
  void score_skippingModesThatCannotMakeIt_givesWhatScoringEveryModeGives() {
    Random random = new Random(11);
    // Two small catalogs search every word's postings; 25 copies make more modes than ModeText.DENSE_FROM, so both
    // ways of finding a posting are taken: some words are found in constant time, the others searched for.
    ModeText frozenCopies = index(frozen(), 7);
    ModeText bundledCopies = index(FailureModes.catalog(), 3);
    ModeText large = index(FailureModes.catalog(), 25);
    assertThat(frozenCopies.commonWords()).as("small catalogs search every word's postings").isZero();
    assertThat(bundledCopies.commonWords()).as("small catalogs search every word's postings").isZero();
    assertThat(large.modes().size()).isGreaterThan(ModeText.DENSE_FROM);
    assertThat(large.commonWords()).as("words found in constant time").isGreaterThan(100)
        .isLessThan(large.vocabulary().size()).isEqualTo(reachingOneModeIn(large, 32));
    for (ModeText text : List.of(frozenCopies, bundledCopies, large)) {
      List<String> vocabulary = text.vocabulary();
      for (int round = 0; round < 3_000; round++) {
        Map<String, Double> words = new LinkedHashMap<>();
        int count = 1 + random.nextInt(12);
        for (int i = 0; i < count; i++) {
          double factor = random.nextInt(4) == 0 ? 0.5 + random.nextInt(5) / 10.0 : 1.0; // corrected typos
          String word = random.nextInt(15) == 0 ? "zzunknown" + i : vocabulary.get(random.nextInt(vocabulary.size()));
          words.put(word, factor);
        }
        int max = 1 + random.nextInt(random.nextBoolean() ? 8 : 80);

        ModeText.Scores pruned = text.score(words, max, true);
        ModeText.Scores all = text.score(words, max, false);

        String what = "round " + round + ": " + words + ", max " + max;
        assertThat(pruned.routine()).as(what).isEqualTo(all.routine());
        assertThat(pruned.core()).as(what).isEqualTo(all.core());
        assertThat(pruned.used()).as(what).isEqualTo(all.used());
        assertThat(pruned.count()).as(what).isEqualTo(all.count());
        for (int i = 0; i < all.count(); i++) {
          assertThat(List.of(pruned.index(i), pruned.score(i), pruned.field(i), pruned.matched(i),
              pruned.words(i, null))).as(what)
              .isEqualTo(List.of(all.index(i), all.score(i), all.field(i), all.matched(i), all.words(i, null)));
        }
      }
    }
  }
}
