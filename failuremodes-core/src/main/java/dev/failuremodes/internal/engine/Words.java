package dev.failuremodes.internal.engine;

import java.util.Arrays;
import java.util.Collection;

/**
 * Distinct strings numbered in the order they were added, found by an open-addressing hash table: per string, its
 * reference, its hash and two table slots, with no entry objects and no boxed numbers, so that an index keyed by
 * words costs a few bytes a word beyond the words themselves. Built once, then only read: immutable and thread-safe
 * once {@link #trim()} has been called and the instance published safely (the engine's final fields do that).
 */
final class Words {
  private String[] words;
  private int[] hashes;
  /** Per slot, a word's number plus one; 0 for an empty slot. Its length is a power of two, at least twice size. */
  private int[] table;
  private int size;

  /** Starts an empty set with room for about {@code expected} words. */
  Words(int expected) {
    int capacity = Math.max(4, expected);
    words = new String[capacity];
    hashes = new int[capacity];
    table = new int[tableLength(capacity)];
  }

  /**
   * Takes the arrays of a finished set, as {@link #hashes()} and {@link #table()} give them with its words: for an
   * index read from a digest, which then computes no hash and probes no table.
   *
   * @throws IllegalArgumentException if the arrays cannot be those of a finished set of these words
   */
  Words(String[] words, int[] hashes, int[] table) {
    if (hashes.length != words.length || Integer.bitCount(table.length) != 1 || table.length < 2 * words.length) {
      throw new IllegalArgumentException("the arrays of " + words.length + " words cannot have these lengths");
    }
    for (int slot : table) {
      if (slot < 0 || slot > words.length) {
        throw new IllegalArgumentException("a slot out of range: " + slot);
      }
    }
    this.words = words;
    this.hashes = hashes;
    this.table = table;
    this.size = words.length;
  }

  /** Returns each word's hash, in order; the set's own array, not to be changed. */
  int[] hashes() {
    return hashes;
  }

  /** Returns the table of slots; the set's own array, not to be changed. */
  int[] table() {
    return table;
  }

  /** Returns whether another finished set has the same words in the same order and the same table. */
  boolean sameAs(Words other) {
    return size == other.size && Arrays.equals(words, 0, size, other.words, 0, other.size)
        && Arrays.equals(hashes, 0, size, other.hashes, 0, other.size) && Arrays.equals(table, other.table);
  }

  /** Returns the words of a collection, numbered in its iteration order (each distinct word once). */
  static Words of(Collection<String> words) {
    Words out = new Words(words.size());
    words.forEach(out::add);
    return out.trim();
  }

  private static int tableLength(int capacity) {
    return Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
  }

  /** Where a hash starts probing: {@link #table()} at {@code spread(h) & (table().length - 1)}. */
  static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Returns the word's number, adding it when new. Only while building. */
  int add(String word) {
    int h = word.hashCode();
    int slot = slotOf(word, h);
    if (table[slot] != 0) {
      return table[slot] - 1;
    }
    if (size == words.length) {
      words = Arrays.copyOf(words, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    words[size] = word;
    hashes[size] = h;
    size++;
    if (size * 2 > table.length) {
      rehash(table.length * 2);
    } else {
      table[slot] = size;
    }
    return size - 1;
  }

  private void rehash(int length) {
    table = new int[length];
    int mask = length - 1;
    for (int id = 0; id < size; id++) {
      int slot = spread(hashes[id]) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = id + 1;
    }
  }

  /** Cuts the arrays to the words held, once building is done; returns this. */
  Words trim() {
    if (words.length != size) {
      words = Arrays.copyOf(words, size);
      hashes = Arrays.copyOf(hashes, size);
    }
    int length = tableLength(size);
    if (length < table.length) {
      rehash(length);
    }
    return this;
  }

  /** Returns the word's number, or -1 when it is not here. */
  int indexOf(String word) {
    return table[slotOf(word, word.hashCode())] - 1; // an empty slot holds 0: -1, not here
  }

  /** Returns the slot that holds the word (its number plus one), or the empty slot where it would go. */
  private int slotOf(String word, int h) {
    int mask = table.length - 1;
    int slot = spread(h) & mask;
    for (int id = table[slot]; id != 0; id = table[slot]) {
      if (hashes[id - 1] == h && words[id - 1].equals(word)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Returns whether the word is here. */
  boolean contains(String word) {
    return indexOf(word) >= 0;
  }

  /** Returns the word with this number. */
  String get(int id) {
    return words[id];
  }

  /** Returns the string here equal to {@code word}, or {@code word} itself when there is none. */
  String canonical(String word) {
    int id = indexOf(word);
    return id < 0 ? word : words[id];
  }

  /** Returns how many words there are. */
  int size() {
    return size;
  }

  /** Returns the words in their order, as a list that reads this set. */
  java.util.List<String> list() {
    return java.util.Collections.unmodifiableList(Arrays.asList(words).subList(0, size));
  }
}
