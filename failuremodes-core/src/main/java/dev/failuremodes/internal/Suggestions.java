package dev.failuremodes.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the existing ids or names nearest to a mistyped one, for "did you mean" messages. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * Returns up to {@code max} candidates near {@code input}, best first: those within a small edit distance, or,
   * when none is, those sharing a whole word (so "leakage" suggests "data-leakage" and "feature-leakage").
   */
  public static List<String> nearest(String input, Collection<String> candidates, int max) {
    String key = input.toLowerCase(Locale.ROOT).trim();
    // Work stays linear in the input: edit distances are bounded and only computed for lengths that could be
    // close, and the input's words are split once.
    java.util.Set<String> keyWords = words(key);
    List<Scored> scored = new ArrayList<>();
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(Locale.ROOT);
      int allowed = Math.max(2, Math.min(key.length(), c.length()) / 3);
      int distance = Math.abs(key.length() - c.length()) > allowed ? allowed + 1 : distance(key, c, allowed);
      double score;
      if (distance <= allowed) {
        score = distance;
      } else if (sharesWord(keyWords, c)) {
        int apart = key.length() <= MAX_RANKED_LENGTH ? distance(key, c) : Math.abs(key.length() - c.length());
        score = allowed + 1 + apart / 100.0;
      } else {
        continue;
      }
      scored.add(new Scored(candidate, score, distance <= allowed));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).thenComparing(Scored::candidate));
    // Near misspellings are better answers than words in common; offer the latter only when there is none.
    boolean anyClose = scored.stream().anyMatch(Scored::close);
    if (anyClose) {
      scored.removeIf(s -> !s.close());
    }
    List<String> out = new ArrayList<>();
    for (Scored s : scored) {
      if (out.size() == max) {
        break;
      }
      out.add(s.candidate());
    }
    return out;
  }

  /** Inputs longer than this rank shared-word suggestions by length instead of by edit distance. */
  private static final int MAX_RANKED_LENGTH = 200;

  /**
   * Returns {@code "did you mean 'a', 'b' or 'c'?"} for a non-empty list, or an empty string for an empty one.
   */
  public static String didYouMean(List<String> suggestions) {
    if (suggestions.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("did you mean ");
    for (int i = 0; i < suggestions.size(); i++) {
      if (i > 0) {
        out.append(i == suggestions.size() - 1 ? " or " : ", ");
      }
      out.append('\'').append(suggestions.get(i)).append('\'');
    }
    return out.append('?').toString();
  }

  private record Scored(String candidate, double score, boolean close) {}

  /** Returns the words of at least three letters or digits in a lower-case text. */
  private static java.util.Set<String> words(String text) {
    java.util.Set<String> out = new java.util.HashSet<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      char ch = i < text.length() ? text.charAt(i) : ' ';
      boolean word = ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9';
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        if (i - start >= 3) {
          out.add(text.substring(start, i));
        }
        start = -1;
      }
    }
    return out;
  }

  private static boolean sharesWord(java.util.Set<String> keyWords, String candidate) {
    if (keyWords.isEmpty()) {
      return false;
    }
    for (String w : words(candidate)) {
      if (keyWords.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
  public static int distance(String a, String b) {
    return distance(a, b, Integer.MAX_VALUE - 1);
  }

  /**
   * Returns the optimal-string-alignment distance if it is at most {@code limit}, or some value above
   * {@code limit} as soon as every alignment is known to exceed it.
   */
  public static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = d[i][0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
        rowMin = Math.min(rowMin, best);
      }
      // A swap can reach back two rows, so stop only when two consecutive rows are over the limit.
      if (rowMin > limit && i > 1 && minOf(d[i - 1]) > limit) {
        return limit + 1;
      }
    }
    return d[a.length()][b.length()];
  }

  private static int minOf(int[] row) {
    int min = Integer.MAX_VALUE;
    for (int v : row) {
      min = Math.min(min, v);
    }
    return min;
  }
}
