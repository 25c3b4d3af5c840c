package dev.failuremodes.internal.engine;

import dev.failuremodes.internal.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the vocabulary word a misspelt token most likely meant, in time independent of the vocabulary's size: every
 * word is indexed under the strings left after deleting up to two of its letters, and a token looks up its own
 * deletions (the symmetric-delete method), then the few candidates are checked with the exact distance.
 * Immutable and thread-safe once built.
 */
final class Typos {
  /** Tokens shorter than this are not corrected: too many short words are one edit apart. */
  static final int MIN_LENGTH = 4;
  /** Tokens at least this long may be two edits away; shorter ones one. */
  static final int TWO_EDITS_FROM = 8;

  private final Map<String, List<String>> wordsByDeletion = new HashMap<>();
  /** The longest vocabulary word: a token longer by more than the edits allowed can match nothing. */
  private final int longest;

  Typos(Collection<String> vocabulary) {
    int max = 0;
    for (String word : vocabulary) {
      max = Math.max(max, word.length());
      // A word may be two edits from a long token only if it is at least TWO_EDITS_FROM - 2 long.
      int edits = word.length() >= TWO_EDITS_FROM - 2 ? 2 : 1;
      for (String deletion : deletions(word, edits)) {
        wordsByDeletion.computeIfAbsent(deletion, k -> new ArrayList<>()).add(word);
      }
    }
    longest = max;
  }

  /** Returns the word at the smallest edit distance (1, or 2 for long tokens), ties alphabetical; or null. */
  String correct(String token) {
    if (token.length() < MIN_LENGTH || !Character.isLetter(token.charAt(0))) {
      return null;
    }
    int allowed = token.length() >= TWO_EDITS_FROM ? 2 : 1;
    if (token.length() > longest + allowed) {
      return null; // a pasted URL, a trace id, a base64 blob: no word is within reach, and the work would be cubic
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    Set<String> seen = new HashSet<>();
    for (String deletion : deletions(token, allowed)) {
      for (String word : wordsByDeletion.getOrDefault(deletion, List.of())) {
        if (!seen.add(word)) {
          continue;
        }
        int d = Suggestions.distance(token, word, allowed);
        if (d <= allowed && (d < bestDistance || (d == bestDistance && word.compareTo(best) < 0))) {
          best = word;
          bestDistance = d;
        }
      }
    }
    return best;
  }

  /** Returns the word itself and every string made by deleting up to {@code edits} of its letters. */
  private static Set<String> deletions(String word, int edits) {
    Set<String> out = new HashSet<>();
    out.add(word);
    List<String> frontier = List.of(word);
    for (int e = 0; e < edits; e++) {
      List<String> next = new ArrayList<>();
      for (String w : frontier) {
        for (int i = 0; i < w.length(); i++) {
          String d = w.substring(0, i) + w.substring(i + 1);
          if (out.add(d)) {
            next.add(d);
          }
        }
      }
      frontier = next;
    }
    return out;
  }
}
