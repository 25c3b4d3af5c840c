package dev.failuremodes.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Near names for misspelt fields and format ids, for rejection reasons. */
final class Suggestions {
  private Suggestions() {}

  /** Returns {@code " (did you mean "x"?)"} for the nearest of {@code valid} within two edits, or "". */
  static String didYouMean(String name, List<String> valid) {
    String best = null;
    int bestDistance = 3;
    for (String v : valid) {
      int d = distance(name.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = v;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean \"" + best + "\"?)";
  }

  /** Returns {@link #didYouMean(String, List)} over an array. */
  static String didYouMean(String name, String[] valid) {
    return didYouMean(name, Arrays.asList(valid));
  }

  /**
   * Returns {@code "; its field "txt" may be a misspelt "text""} for the first field of an object within two edits
   * of one of {@code wanted}, or "".
   */
  static String misspeltField(JsonNode object, List<String> wanted) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      String near = didYouMean(name, wanted);
      if (!near.isEmpty()) {
        String target = near.substring(near.indexOf('"') + 1, near.lastIndexOf('"'));
        return "; its field \"" + name + "\" may be a misspelt \"" + target + "\"";
      }
    }
    return "";
  }

  /** Returns the Levenshtein distance, capped at 3 for speed: larger distances are never suggested. */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) >= 3) {
      return 3;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[b.length()], 3);
  }
}
