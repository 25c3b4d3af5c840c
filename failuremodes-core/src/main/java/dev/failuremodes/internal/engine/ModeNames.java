package dev.failuremodes.internal.engine;

import dev.failuremodes.FailureMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the failure modes a text names: the whole input being a mode's id, name or alias, or one of those appearing
 * in it as whole words ("we suspect data leakage", "concept-drift"), negated or not. Immutable and thread-safe once
 * built.
 */
final class ModeNames {
  private final Phrases<FailureMode> phrases;
  private final Map<String, FailureMode> exact = new HashMap<>();

  /** Indexes the names of the given failure modes, stemming through a memo; deprecated ones are left out. */
  ModeNames(List<FailureMode> modes, Text.Memo stems) {
    this.phrases = new Phrases<>();
    for (FailureMode m : modes) {
      if (m.deprecated()) {
        continue;
      }
      for (String phrase : names(m)) {
        exact.putIfAbsent(stems.intern(stems.normalized(phrase)), m);
        phrases.add(phrase, m, stems);
      }
    }
  }

  private static List<String> names(FailureMode m) {
    List<String> out = new java.util.ArrayList<>(List.of(m.id(), m.name()));
    out.addAll(m.aliases());
    return out;
  }

  /** Returns the normalised names and aliases that are one word, for correcting a one-word input's typo. */
  List<String> oneWordNames() {
    List<String> out = new java.util.ArrayList<>();
    exact.keySet().forEach(k -> {
      if (!k.contains(" ") && !k.isEmpty() && Character.isLetter(k.charAt(0))) {
        out.add(k);
      }
    });
    return out;
  }

  /** Returns the mode whose id, name or alias the whole input is, after normalisation; or null. */
  FailureMode exact(String input) {
    return exact.get(Text.normalize(input));
  }

  /** As {@link #exact(String)}, with the input's normalised form already made. */
  FailureMode exactNormalized(String normalized) {
    return exact.get(normalized);
  }

  /** Returns the names found in a passage, in order. */
  List<Phrases.Occurrence<FailureMode>> find(Analysis.Passage passage) {
    return phrases.find(passage);
  }
}
