package dev.failuremodes.internal.match;

import dev.failuremodes.FailureMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the failure modes an input names outright: their id, name or an alias appearing in it as whole words
 * ("we suspect data leakage", "concept-drift"). Immutable and thread-safe once built.
 */
public final class ModeNames {
  private static final Set<String> NEGATIONS = Set.of("no", "not", "without", "never", "nor", "rule", "ruled");

  private final Map<String, FailureMode> byPhrase = new LinkedHashMap<>();
  private final int longestPhrase;

  /** Indexes the names of the given failure modes; deprecated ones are left out. */
  public ModeNames(List<FailureMode> modes) {
    int longest = 0;
    for (FailureMode m : modes) {
      if (m.deprecated()) {
        continue;
      }
      List<String> phrases = new ArrayList<>();
      phrases.add(m.id());
      phrases.add(m.name());
      phrases.addAll(m.aliases());
      for (String phrase : phrases) {
        List<String> tokens = Text.tokens(phrase);
        if (!tokens.isEmpty()) {
          byPhrase.putIfAbsent(String.join(" ", tokens), m);
          longest = Math.max(longest, tokens.size());
        }
      }
    }
    this.longestPhrase = longest;
  }

  /**
   * What an input names.
   *
   * @param modes the failure modes named, in the order their names appear
   * @param wholeInput whether the names account for every word of the input, so that it says nothing else
   */
  public record Found(List<FailureMode> modes, boolean wholeInput) {}

  /**
   * Returns the failure modes the input names; none when it names none. A name right after a negation ("no data
   * drift", "not overfitting") does not count.
   */
  public Found find(String input) {
    List<String> tokens = Text.tokens(input);
    List<FailureMode> out = new ArrayList<>();
    boolean[] covered = new boolean[tokens.size()];
    // Left to right, the longest name starting at each word wins, so "preprocessing leakage" is not also read as
    // "leakage"; each start tries at most longestPhrase runs, so this is linear in the input's length.
    int start = 0;
    while (start < tokens.size()) {
      int matchedEnd = -1;
      FailureMode matched = null;
      boolean negated = start > 0 && NEGATIONS.contains(tokens.get(start - 1));
      StringBuilder run = new StringBuilder();
      for (int end = start; end < Math.min(tokens.size(), start + longestPhrase); end++) {
        if (end > start) {
          run.append(' ');
        }
        run.append(tokens.get(end));
        FailureMode m = byPhrase.get(run.toString());
        if (m != null) {
          matched = m;
          matchedEnd = end;
        }
      }
      if (matched == null) {
        start++;
        continue;
      }
      if (!negated && !out.contains(matched)) {
        out.add(matched);
      }
      Arrays.fill(covered, start, matchedEnd + 1, true);
      start = matchedEnd + 1;
    }
    boolean whole = !out.isEmpty();
    for (boolean c : covered) {
      whole &= c;
    }
    return new Found(out, whole);
  }
}
