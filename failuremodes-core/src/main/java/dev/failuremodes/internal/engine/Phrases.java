package dev.failuremodes.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds catalog phrases (names and aliases, as stems without stop words) where they occur as runs of whole words in a
 * passage, and whether a negation covers each occurrence. Left to right, the longest phrase starting at a word
 * wins, so "preprocessing leakage" is not also read as "leakage". Immutable and thread-safe once built.
 *
 * @param <T> what a phrase stands for
 */
final class Phrases<T> {
  private final Map<String, T> byPhrase = new HashMap<>();
  /** By a phrase's first stem, the most stems a phrase starting with it has: most words start no phrase at all. */
  private final Map<String, Integer> longestFrom = new HashMap<>();

  /** Starts an empty index. */
  Phrases() {}

  /** Adds a phrase for a value, stemming through a memo; the first value given a phrase keeps it. Only while building. */
  void add(String phrase, T value, Text.Memo stems) {
    List<String> tokens = stems.tokens(phrase);
    if (!tokens.isEmpty()) {
      byPhrase.putIfAbsent(stems.intern(String.join(" ", tokens)), value);
      String first = stems.intern(tokens.get(0));
      Integer known = longestFrom.get(first);
      if (known == null || known < tokens.size()) {
        longestFrom.put(first, tokens.size());
      }
    }
  }

  /**
   * One occurrence.
   *
   * @param value what the phrase stands for
   * @param words the passage's words that make it up, as typed (normalised)
   * @param negated whether a negation covers it
   * @param length the number of content words it spans
   * @param stems the stems of those words, in order
   */
  record Occurrence<T>(T value, String words, boolean negated, int length, List<String> stems) {}

  /**
   * Returns the occurrences in a passage, in order. Each start tries at most as many runs as the longest phrase that
   * starts with its word has stems; a word that starts no phrase, none.
   */
  List<Occurrence<T>> find(Analysis.Passage passage) {
    List<Analysis.Word> words = passage.content();
    List<Occurrence<T>> out = null;
    int start = 0;
    while (start < words.size()) {
      Integer longest = longestFrom.get(words.get(start).stem());
      if (longest == null) {
        start++;
        continue;
      }
      int matchedEnd = -1;
      T matched = null;
      StringBuilder run = null;
      for (int end = start; end < Math.min(words.size(), start + longest); end++) {
        String key;
        if (end == start) {
          key = words.get(end).stem();
        } else {
          if (run == null) {
            run = new StringBuilder(words.get(start).stem());
          }
          key = run.append(' ').append(words.get(end).stem()).toString();
        }
        T value = byPhrase.get(key);
        if (value != null) {
          matched = value;
          matchedEnd = end;
        }
      }
      if (matched == null) {
        start++;
        continue;
      }
      StringBuilder raw = new StringBuilder();
      String[] stems = new String[matchedEnd + 1 - start];
      for (int k = start; k <= matchedEnd; k++) {
        raw.append(k > start ? " " : "").append(words.get(k).raw());
        stems[k - start] = words.get(k).stem();
      }
      if (out == null) {
        out = new ArrayList<>(2);
      }
      out.add(new Occurrence<>(matched, raw.toString(), words.get(start).negated(), stems.length, List.of(stems)));
      start = matchedEnd + 1;
    }
    return out == null ? List.of() : out;
  }
}
