package dev.failuremodes.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
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
  // The phrases, as their stems joined by spaces, with their values by the same number. A run of a passage's stems
  // is looked up by a hash worked out from the stems' own (String's hash of a + " " + b is a's hash times 31 to the
  // power of b's length plus one, plus that of " " + b), probing the table as Words does, so that no joined string is
  // made.
  private final Words keys = new Words(16);
  private Object[] values = new Object[16];
  /** By a phrase's first stem, the most stems a phrase starting with it has: most words start no phrase at all. */
  private final Map<String, Integer> longestFrom = new HashMap<>();

  /** Starts an empty index. */
  Phrases() {}

  /** Adds a phrase for a value, stemming through a memo; the first value given a phrase keeps it. Only while building. */
  void add(String phrase, T value, Text.Memo stems) {
    List<String> tokens = stems.tokens(phrase);
    if (!tokens.isEmpty()) {
      int before = keys.size();
      int id = keys.add(stems.intern(String.join(" ", tokens)));
      if (keys.size() > before) { // new: the first value given a phrase keeps it
        if (id == values.length) {
          values = Arrays.copyOf(values, id * 2);
        }
        values[id] = value;
      }
      String first = stems.intern(tokens.get(0));
      Integer known = longestFrom.get(first);
      if (known == null || known < tokens.size()) {
        longestFrom.put(first, tokens.size());
      }
    }
  }

  /**
   * Returns the value of the phrase that is the stems of {@code words[start, end]} joined by spaces, whose String hash
   * is {@code h} and length {@code length}; null when there is none.
   */
  @SuppressWarnings("unchecked")
  private T get(List<Analysis.Word> words, int start, int end, int h, int length) {
    int[] table = keys.table();
    int[] hashes = keys.hashes();
    int mask = table.length - 1;
    for (int slot = Words.spread(h) & mask, id = table[slot]; id != 0; slot = (slot + 1) & mask, id = table[slot]) {
      String key = keys.get(id - 1);
      if (hashes[id - 1] == h && key.length() == length && joins(key, words, start, end)) {
        return (T) values[id - 1];
      }
    }
    return null;
  }

  /** Returns whether {@code key} is the stems of {@code words[start, end]} joined by single spaces. */
  private static boolean joins(String key, List<Analysis.Word> words, int start, int end) {
    int at = 0;
    for (int k = start; k <= end; k++) {
      String stem = words.get(k).stem();
      if (k > start && key.charAt(at++) != ' ' || !key.startsWith(stem, at)) {
        return false;
      }
      at += stem.length();
    }
    return at == key.length();
  }

  /** 31 to the power of n, as String's hash multiplies (wrapping as it does). */
  private static int pow31(int n) {
    int out = 1;
    int base = 31;
    for (int e = n; e > 0; e >>= 1) {
      if ((e & 1) != 0) {
        out *= base;
      }
      base *= base;
    }
    return out;
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
      int h = 0;
      int length = -1;
      for (int end = start; end < Math.min(words.size(), start + longest); end++) {
        String stem = words.get(end).stem();
        // The hash and length of the run joined by spaces, from the run so far and this stem: String's hash of
        // run + " " + stem is run's hash times 31^(n + 1), plus ' ' times 31^n, plus stem's hash, for n = stem's length.
        int p = pow31(stem.length());
        h = end == start ? stem.hashCode() : h * p * 31 + ' ' * p + stem.hashCode();
        length += stem.length() + 1;
        T value = get(words, start, end, h, length);
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
