package dev.failuremodes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one input was read as: the symptoms it describes, the failure modes it names outright ("data leakage", "we
 * think it is concept drift"), what it rules out ("no sign of drift", "leakage was ruled out", "psi 0.05"), and the
 * words it shares with the catalog's text.
 *
 * @param input the input as given
 * @param matches the symptoms it describes, best first
 * @param namedModes the failure modes whose id, name or alias it contains, in the order they appear
 * @param ruledOutSymptoms the symptoms it denies, or that a measured value in it contradicts
 * @param ruledOutModes the failure modes it names under a negation
 * @param words the input's words that gave text evidence to some candidate, in input order
 * @param measurements each value read from the input against a threshold, in words: {@code "psi 0.31 > 0.25 on
 *     age"}, or {@code "psi 0.05 on age, healthy (a symptom when > 0.25)"}
 * @param checks the check results the input reports, by check id ({@link Query#checked(String, Outcome)})
 */
public record Resolution(
    String input,
    List<SymptomMatch> matches,
    List<FailureMode> namedModes,
    List<SymptomMatch> ruledOutSymptoms,
    List<FailureMode> ruledOutModes,
    List<String> words,
    List<String> measurements,
    Map<String, Outcome> checks) {
  /** Copies the lists and the map. */
  public Resolution {
    checks = checks.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    matches = List.copyOf(matches);
    namedModes = List.copyOf(namedModes);
    ruledOutSymptoms = List.copyOf(ruledOutSymptoms);
    ruledOutModes = List.copyOf(ruledOutModes);
    words = List.copyOf(words);
    measurements = List.copyOf(measurements);
  }

  /** Returns a resolution without check results. */
  public Resolution(String input, List<SymptomMatch> matches, List<FailureMode> namedModes,
      List<SymptomMatch> ruledOutSymptoms, List<FailureMode> ruledOutModes, List<String> words,
      List<String> measurements) {
    this(input, matches, namedModes, ruledOutSymptoms, ruledOutModes, words, measurements, Map.of());
  }

  /** Returns a resolution without measured values or check results. */
  public Resolution(String input, List<SymptomMatch> matches, List<FailureMode> namedModes,
      List<SymptomMatch> ruledOutSymptoms, List<FailureMode> ruledOutModes, List<String> words) {
    this(input, matches, namedModes, ruledOutSymptoms, ruledOutModes, words, List.of(), Map.of());
  }

  /**
   * Returns whether the input was read as anything at all: a symptom, a name, a denial, a measured value or telling
   * words.
   */
  public boolean recognized() {
    return !matches.isEmpty() || !namedModes.isEmpty() || !ruledOutSymptoms.isEmpty() || !ruledOutModes.isEmpty()
        || !words.isEmpty() || !measurements.isEmpty() || !checks.isEmpty();
  }

  /**
   * Returns what the input was read as, in one line: {@code 'PSI 0.31 on age' → measured psi 0.31 > 0.25 on age},
   * {@code 'large train-test gap' → train-test-gap (name 1.00)}, or {@code 'xyzzy' → nothing}.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("'").append(input.length() > 60 ? input.substring(0, 57) + "..." : input)
        .append("' →");
    int start = out.length();
    part(out, "", matches);
    part(out, "names ", namedModes.stream().map(FailureMode::id).toList());
    part(out, "rules out ", ruledOutSymptoms);
    part(out, "rules out ", ruledOutModes.stream().map(FailureMode::id).toList());
    part(out, "measured ", measurements);
    part(out, "words ", words);
    part(out, "checked ", checks.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    if (out.length() == start) {
      out.append(" nothing");
    }
    return out.toString();
  }

  private static void part(StringBuilder out, String label, List<?> items) {
    if (items.isEmpty()) {
      return;
    }
    out.append(out.charAt(out.length() - 1) == '→' ? " " : "; ").append(label);
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(items.get(i));
    }
  }
}
