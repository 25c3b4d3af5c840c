package dev.failuremodes.internal.engine;

import java.util.ArrayList;
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

  /** A name's words, and which of them name the failure rather than the healthy thing that is missing. */
  private record Name<T>(T owner, List<String> words, List<Boolean> failure) {}

  private final List<Name<T>> names = new ArrayList<>();
  private final Set<String> failureWords = new HashSet<>();
  /** Per word, the positions in {@link #names} of the names that contain it, ascending. */
  private final java.util.Map<String, List<Integer>> namesByWord = new java.util.HashMap<>();

  /** Reads the names of each owner. */
  NameWords(Map<T, List<String>> namesByOwner) {
    this(namesByOwner, new java.util.HashMap<>());
  }

  /** Reads the names of each owner, stemming through a memo. */
  NameWords(Map<T, List<String>> namesByOwner, Map<String, String> stems) {
    namesByOwner.forEach((owner, phrases) -> {
      for (String phrase : phrases) {
        List<String> words = new ArrayList<>();
        List<Boolean> failure = new ArrayList<>();
        boolean healthy = false;
        for (String stem : Text.tokens(phrase, stems)) {
          if (!Character.isLetter(stem.charAt(0))) {
            continue;
          }
          // The privative itself names the failure ("no missing values" denies it); what follows it does not.
          words.add(stem);
          failure.add(!healthy);
          if (!healthy) {
            failureWords.add(stem);
          }
          healthy |= PRIVATIVES.contains(stem);
        }
        if (!words.isEmpty()) {
          int position = names.size();
          names.add(new Name<>(owner, List.copyOf(words), List.copyOf(failure)));
          for (String w : new java.util.LinkedHashSet<>(words)) {
            namesByWord.computeIfAbsent(w, k -> new ArrayList<>()).add(position);
          }
        }
      }
    });
  }

  /** Returns whether a stem names a failure in some name. */
  boolean namesAFailure(String stem) {
    return failureWords.contains(stem);
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
    java.util.TreeSet<Integer> positions = new java.util.TreeSet<>();
    for (Set<String> words : List.of(denied, outright)) {
      for (String w : words) {
        positions.addAll(namesByWord.getOrDefault(w, List.of()));
      }
    }
    for (int position : positions) {
      Name<T> n = names.get(position);
      double covered = 0;
      double total = 0;
      List<String> words = new ArrayList<>();
      for (int i = 0; i < n.words().size(); i++) {
        String w = n.words().get(i);
        double weight = idf.applyAsDouble(w);
        total += weight;
        if (outright.contains(w) || (n.failure().get(i) && denied.contains(w))) {
          covered += weight;
          words.add(w);
        }
      }
      if (covered == 0 || total == 0) {
        continue;
      }
      Denial<T> d = new Denial<>(n.owner(), covered / total, words);
      Denial<T> current = best.get(n.owner());
      if (current == null) {
        order.add(n.owner());
      }
      if (current == null || d.share() > current.share()) {
        best.put(n.owner(), d);
      }
    }
    List<Denial<T>> out = new ArrayList<>();
    order.forEach(o -> out.add(best.get(o)));
    return out;
  }
}
