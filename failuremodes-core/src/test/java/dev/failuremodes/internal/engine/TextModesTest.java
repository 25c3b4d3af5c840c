package dev.failuremodes.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Text evidence is kept for the best {@link Engine#MAX_TEXT_MODES} modes of an input: chosen without sorting every
 * mode the input's words reach, they must be exactly the ones a full sort chooses, ties included.
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
}
