package dev.failuremodes.internal.engine;

import dev.failuremodes.Catalog;
import dev.failuremodes.Metric;
import dev.failuremodes.Signal;
import dev.failuremodes.Symptom;
import dev.failuremodes.internal.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's metrics by every name they go by, and the signal rules that apply to each. A name is compared as its
 * letters and digits only ("KS p-value", "ks_p_value" and "ks pvalue" agree). A catalog without a metrics section
 * (schemaVersion 1) gets one metric per distinct signal metric name. Immutable and thread-safe once built.
 */
final class Metrics {
  /** A symptom's signal, the rule a value of its metric is read against. */
  record Rule(Symptom symptom, Signal signal) {}

  private final Map<String, String> idByKey = new HashMap<>();
  private final Map<String, Metric> byId = new LinkedHashMap<>();
  private final Map<String, List<Rule>> rulesById = new HashMap<>();
  private final int longestName;

  Metrics(Catalog catalog) {
    int longest = 1;
    for (Metric m : catalog.metrics()) {
      byId.put(m.id(), m);
      List<String> names = new ArrayList<>(List.of(m.id(), m.name()));
      names.addAll(m.aliases());
      for (String name : names) {
        idByKey.putIfAbsent(key(name), m.id());
        longest = Math.max(longest, words(Text.normalize(name)));
      }
    }
    for (Symptom s : catalog.symptoms()) {
      if (s.deprecated()) {
        continue;
      }
      for (Signal signal : s.signals()) {
        String id = catalog.metrics().isEmpty() ? key(signal.metric()) : signal.metric();
        if (catalog.metrics().isEmpty()) {
          idByKey.putIfAbsent(id, id);
          longest = Math.max(longest, words(Text.normalize(signal.metric())));
        }
        List<Rule> rules = rulesById.get(id);
        if (rules == null) {
          rules = new ArrayList<>();
          rulesById.put(id, rules);
        }
        rules.add(new Rule(s, signal));
      }
    }
    this.longestName = longest;
  }

  /** Returns how many words a normalised name has: its spaces and one (normalised text has no runs of them). */
  private static int words(String normalized) {
    int words = 1;
    for (int i = normalized.indexOf(' '); i >= 0; i = normalized.indexOf(' ', i + 1)) {
      words++;
    }
    return words;
  }

  /** Returns a name's comparison key: its letters and digits, lowercase. */
  static String key(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** Returns the id of the metric a name or alias names, if any. */
  Optional<String> resolve(String name) {
    return Optional.ofNullable(idByKey.get(key(name)));
  }

  /** Returns the metric with this id, if the catalog declares it. */
  Optional<Metric> metric(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Returns the rules that apply to a metric. */
  List<Rule> rules(String id) {
    return rulesById.getOrDefault(id, List.of());
  }

  /** Returns the most words a metric name has, so that text is searched back that far. */
  int longestName() {
    return longestName;
  }

  /** Returns up to three metric ids near an unknown name. */
  List<String> suggest(String name) {
    List<String> ids = new ArrayList<>(byId.isEmpty() ? rulesById.keySet() : byId.keySet());
    ids.sort(null);
    return Suggestions.nearest(name.toLowerCase(Locale.ROOT).strip().replace(' ', '-').replace('_', '-'), ids, 3);
  }
}
