package dev.failuremodes.internal.engine;

import dev.failuremodes.internal.Suggestions;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * Finds the vocabulary word a misspelt token most likely meant. Every word is indexed under its letter pairs (with
 * its start and end marked); a token's candidates are the words of about its length that share enough of its
 * pairs to be within reach — each edit destroys at most three pairs — and those are checked with the exact
 * distance. The index is small (one int per letter pair of each word) and a lookup touches only the words that
 * share a pair. Immutable and thread-safe once built.
 */
final class Typos {
  /** Tokens shorter than this are not corrected: too many short words are one edit apart. */
  static final int MIN_LENGTH = 4;
  /** Tokens at least this long may be two edits away; shorter ones one. */
  static final int TWO_EDITS_FROM = 8;
  /** Each edit (insertion, deletion, substitution or adjacent swap) destroys at most this many letter pairs. */
  private static final int PAIRS_PER_EDIT = 3;

  private final String[] words;
  /**
   * The letter pairs, ascending, and per pair the indexes of the words that contain it, ascending: those of pair
   * {@code pairs[p]} are {@code wordsByPair[pairStart[p]]} up to {@code pairStart[p + 1]}. Flat arrays, found by
   * binary search: no boxed keys, no object per pair.
   */
  private final int[] pairs;
  private final int[] pairStart;
  private final int[] wordsByPair;
  /** The longest vocabulary word: a token longer by more than the edits allowed can match nothing. */
  private final int longest;

  Typos(Collection<String> vocabulary) {
    this.words = new LinkedHashSet<>(vocabulary).toArray(new String[0]);
    // Every (pair, word) as one long, sorted: by pair, then by word.
    int[][] byWord = new int[words.length][];
    int count = 0;
    int max = 0;
    for (int w = 0; w < words.length; w++) {
      max = Math.max(max, words[w].length());
      byWord[w] = pairs(words[w]);
      count += byWord[w].length;
    }
    long[] all = new long[count];
    int at = 0;
    for (int w = 0; w < words.length; w++) {
      for (int pair : byWord[w]) {
        all[at++] = (long) pair << 32 | w;
      }
    }
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (i == 0 || (int) (all[i] >>> 32) != (int) (all[i - 1] >>> 32)) {
        distinct++;
      }
    }
    pairs = new int[distinct];
    pairStart = new int[distinct + 1];
    wordsByPair = new int[count];
    int p = -1;
    for (int i = 0; i < count; i++) {
      int pair = (int) (all[i] >>> 32);
      if (p < 0 || pairs[p] != pair) {
        pairs[++p] = pair;
        pairStart[p] = i;
      }
      wordsByPair[i] = (int) all[i];
    }
    pairStart[distinct] = count;
    longest = max;
  }

  /** Returns the distinct letter pairs of a word, its start and end marked. */
  private static int[] pairs(String word) {
    int[] out = new int[word.length() + 1];
    int n = 0;
    char previous = '^';
    for (int i = 0; i <= word.length(); i++) {
      char c = i < word.length() ? word.charAt(i) : '$';
      int pair = previous << 16 | c;
      boolean seen = false;
      for (int k = 0; k < n; k++) {
        if (out[k] == pair) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        out[n++] = pair;
      }
      previous = c;
    }
    return Arrays.copyOf(out, n);
  }

  /** Returns the word at the smallest edit distance (1, or 2 for long tokens), ties alphabetical; or null. */
  String correct(String token) {
    if (token.length() < MIN_LENGTH || !Character.isLetter(token.charAt(0))) {
      return null;
    }
    int allowed = token.length() >= TWO_EDITS_FROM ? 2 : 1;
    if (token.length() > longest + allowed) {
      return null; // a pasted URL, a trace id, a base64 blob: no word is within reach
    }
    int[] pairs = pairs(token);
    int need = pairs.length - PAIRS_PER_EDIT * allowed;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    if (need <= 0) {
      // Too few pairs to narrow the search: every word of about the token's length is a candidate.
      for (String word : words) {
        if (Math.abs(word.length() - token.length()) <= allowed) {
          int d = Suggestions.distance(token, word, allowed);
          if (d <= allowed && (d < bestDistance || d == bestDistance && word.compareTo(best) < 0)) {
            best = word;
            bestDistance = d;
          }
        }
      }
      return best;
    }
    int[] shared = new int[words.length];
    for (int pair : pairs) {
      int p = Arrays.binarySearch(this.pairs, pair);
      if (p < 0) {
        continue;
      }
      for (int k = pairStart[p]; k < pairStart[p + 1]; k++) {
        int w = wordsByPair[k];
        if (++shared[w] == need) {
          String word = words[w];
          if (Math.abs(word.length() - token.length()) > allowed) {
            continue;
          }
          int d = Suggestions.distance(token, word, allowed);
          if (d <= allowed && (d < bestDistance || d == bestDistance && word.compareTo(best) < 0)) {
            best = word;
            bestDistance = d;
          }
        }
      }
    }
    return best;
  }
}
