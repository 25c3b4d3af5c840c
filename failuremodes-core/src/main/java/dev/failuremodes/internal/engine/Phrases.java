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
  private int longest;

  /** Starts an empty index. */
  Phrases() {}

  /** Adds a phrase for a value, stemming through a memo; the first value given a phrase keeps it. Only while building. */
  void add(String phrase, T value, Text.Memo stems) {
    List<String> tokens = stems.tokens(phrase);
    if (!tokens.isEmpty()) {
      byPhrase.putIfAbsent(stems.intern(String.join(" ", tokens)), value);
      longest = Math.max(longest, tokens.size());
    }
  }

  /**
   * One occurrence.
   *
   * @param value what the phrase stands for
   * @param words the passage's words that make it up, as typed (normalised)
   * @param negated whether a negation covers it
   * @param length the number of content words it spans
   */
  record Occurrence<T>(T value, String words, boolean negated, int length) {}

  /** Returns the occurrences in a passage, in order. Each start tries at most the longest phrase's length of runs. */
  List<Occurrence<T>> find(Analysis.Passage passage) {
    List<Analysis.Word> words = new ArrayList<>();
    for (Analysis.Word w : passage.words()) {
      if (!w.stop()) {
        words.add(w);
      }
    }
    List<Occurrence<T>> out = new ArrayList<>();
    int start = 0;
    while (start < words.size()) {
      int matchedEnd = -1;
      T matched = null;
      StringBuilder run = new StringBuilder();
      for (int end = start; end < Math.min(words.size(), start + longest); end++) {
        if (end > start) {
          run.append(' ');
        }
        run.append(words.get(end).stem());
        T value = byPhrase.get(run.toString());
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
      for (int k = start; k <= matchedEnd; k++) {
        raw.append(k > start ? " " : "").append(words.get(k).raw());
      }
      out.add(new Occurrence<>(matched, raw.toString(), words.get(start).negated(), matchedEnd + 1 - start));
      start = matchedEnd + 1;
    }
    return out;
  }
}
