package dev.failuremodes.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The words of names (of failure modes, or of symptoms) that name a failure, for reading negations. In "data drift"
 * both words name the failure, so "no drift in the inputs" speaks against it; in "no monitoring", "inadequate
 * tuning", "missing values", "loss not decreasing" or "under-fitting" the words after the privative ("no",
 * "inadequate", "missing", "not", "under", ...) name the healthy thing whose absence is the failure, so "never tuned"
 * or "cannot fit the training set" describe the failure rather than deny it. Immutable and thread-safe once built.
 *
 * @param <T> what the names belong to
 */
final class NameWords<T> {
  /** Words that turn what follows them in a name into the healthy thing that is missing. */
  private static final Set<String> PRIVATIVES = stems("no", "not", "non", "never", "without", "none", "nothing",
      "nobody", "neither", "nor", "cannot", "doesn", "don", "didn", "isn", "missing", "poor", "inadequate",
      "insufficient", "wrong", "improper", "small", "bad", "few", "under", "unstated", "incomplete", "lack",
      "untuned", "inappropriate", "weak", "low", "little", "flat", "limited", "reduced", "fails", "failing");

  private static Set<String> stems(String... words) {
    Set<String> out = new HashSet<>();
    for (String w : words) {
      out.add(Text.stem(w));
    }
    return Set.copyOf(out);
  }

  /**
   * The names, flat: name {@code n} has owner {@code owners[n]} and the words {@code nameWords[nameStart[n]]} up to
   * {@code nameStart[n + 1]}, each flagged in {@code nameFailure} when it names the failure rather than the healthy
   * thing that is missing. Flat arrays rather than an object and two lists per name keep the index small.
   */
  private final Object[] owners;
  private final int[] nameStart;
  private final String[] nameWords;
  private final boolean[] nameFailure;
  /** The distinct words of the names, numbered. */
  private final Words words;
  /** Per word, whether it names the failure in some name. */
  private final boolean[] failureWord;
  /** Per word, the names that contain it, ascending: {@code namesByWord[byWordStart[w]]} up to the next start. */
  private final int[] byWordStart;
  private final int[] namesByWord;

  /** Reads the names of each owner. */
  NameWords(Map<T, List<String>> namesByOwner) {
    this(namesByOwner, new Text.Memo());
  }

  /** Reads the names of each owner, stemming through a memo. */
  NameWords(Map<T, List<String>> namesByOwner, Text.Memo stems) {
    List<Object> ownerList = new ArrayList<>();
    List<String> flatWords = new ArrayList<>();
    // Per flat word, its number among the distinct words and whether it names the failure; per name, where it starts.
    int[] flatIds = new int[256];
    boolean[] flatFailure = new boolean[256];
    int[] starts = new int[64];
    Words distinct = new Words(256);
    for (Map.Entry<T, List<String>> entry : namesByOwner.entrySet()) {
      for (String phrase : entry.getValue()) {
        int before = flatWords.size();
        boolean healthy = false;
        for (String stem : stems.tokens(phrase)) {
          if (!Character.isLetter(stem.charAt(0))) {
            continue;
          }
          int at = flatWords.size();
          if (at == flatIds.length) {
            flatIds = Arrays.copyOf(flatIds, at * 2);
            flatFailure = Arrays.copyOf(flatFailure, at * 2);
          }
          // The privative itself names the failure ("no missing values" denies it); what follows it does not.
          flatWords.add(stem);
          flatIds[at] = distinct.add(stem);
          flatFailure[at] = !healthy;
          healthy |= PRIVATIVES.contains(stem);
        }
        if (flatWords.size() > before) {
          if (ownerList.size() == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
          }
          starts[ownerList.size()] = before;
          ownerList.add(entry.getKey());
        }
      }
    }
    this.owners = ownerList.toArray();
    this.nameStart = Arrays.copyOf(starts, owners.length + 1);
    nameStart[owners.length] = flatWords.size();
    this.nameWords = flatWords.toArray(new String[0]);
    this.nameFailure = Arrays.copyOf(flatFailure, nameWords.length);
    this.words = distinct.trim();
    this.failureWord = new boolean[words.size()];
    int[] count = new int[words.size()];
    for (int n = 0; n < owners.length; n++) {
      for (int k = nameStart[n]; k < nameStart[n + 1]; k++) {
        int w = flatIds[k];
        failureWord[w] |= nameFailure[k];
        if (!containsBefore(flatIds, nameStart[n], k, w)) {
          count[w]++;
        }
      }
    }
    this.byWordStart = new int[words.size() + 1];
    for (int w = 0; w < count.length; w++) {
      byWordStart[w + 1] = byWordStart[w] + count[w];
    }
    this.namesByWord = new int[byWordStart[words.size()]];
    int[] fill = Arrays.copyOf(byWordStart, words.size());
    for (int n = 0; n < owners.length; n++) {
      for (int k = nameStart[n]; k < nameStart[n + 1]; k++) {
        if (!containsBefore(flatIds, nameStart[n], k, flatIds[k])) {
          namesByWord[fill[flatIds[k]]++] = n;
        }
      }
    }
  }

  /** Returns whether word {@code w} is among the flat words' numbers from {@code from} to before {@code to}. */
  private static boolean containsBefore(int[] ids, int from, int to, int w) {
    for (int k = from; k < to; k++) {
      if (ids[k] == w) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether a stem names a failure in some name. */
  boolean namesAFailure(String stem) {
    int w = words.indexOf(stem);
    return w >= 0 && failureWord[w];
  }

  /** Returns whether a stem is a privative: a word that turns what follows it into something missing. */
  static boolean privative(String stem) {
    return PRIVATIVES.contains(stem);
  }

  /**
   * What denied words take from an owner: the largest share, by idf, of one of its names' failure words that they
   * cover, and those words.
   */
  record Denial<T>(T owner, double share, List<String> words) {}

  /**
   * Returns, per owner with a name that shares a denied word, how much of its best-covered name (by idf) the denied
   * words cover: {@code denied} words cover the words of a name that name the failure, {@code outright} words any
   * word of it.
   */
  List<Denial<T>> denials(Set<String> denied, Set<String> outright, ToDoubleFunction<String> idf) {
    if (denied.isEmpty() && outright.isEmpty()) {
      return List.of();
    }
    Map<T, Denial<T>> best = new IdentityHashMap<>();
    List<T> order = new ArrayList<>();
    // Only the names that share a word with the denial, in the order of the names.
    int[] positions = new int[8];
    int count = 0;
    for (Set<String> given : List.of(denied, outright)) {
      for (String w : given) {
        int id = words.indexOf(w);
        if (id < 0) {
          continue;
        }
        int from = byWordStart[id];
        int length = byWordStart[id + 1] - from;
        if (count + length > positions.length) {
          positions = java.util.Arrays.copyOf(positions, Math.max(positions.length * 2, count + length));
        }
        System.arraycopy(namesByWord, from, positions, count, length);
        count += length;
      }
    }
    java.util.Arrays.sort(positions, 0, count);
    for (int p = 0; p < count; p++) {
      int position = positions[p];
      if (p > 0 && positions[p - 1] == position) {
        continue;
      }
      @SuppressWarnings("unchecked")
      T owner = (T) owners[position];
      double covered = 0;
      double total = 0;
      List<String> found = new ArrayList<>();
      for (int i = nameStart[position]; i < nameStart[position + 1]; i++) {
        String w = nameWords[i];
        double weight = idf.applyAsDouble(w);
        total += weight;
        if (outright.contains(w) || (nameFailure[i] && denied.contains(w))) {
          covered += weight;
          found.add(w);
        }
      }
      if (covered == 0 || total == 0) {
        continue;
      }
      Denial<T> d = new Denial<>(owner, covered / total, found);
      Denial<T> current = best.get(owner);
      if (current == null) {
        order.add(owner);
      }
      if (current == null || d.share() > current.share()) {
        best.put(owner, d);
      }
    }
    List<Denial<T>> out = new ArrayList<>();
    order.forEach(o -> out.add(best.get(o)));
    return out;
  }
}
