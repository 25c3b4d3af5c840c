package dev.failuremodes.internal.match;

import dev.failuremodes.MatchKind;
import dev.failuremodes.Signal;
import dev.failuremodes.Symptom;
import dev.failuremodes.SymptomMatch;
import dev.failuremodes.internal.Suggestions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves free text to symptoms: exact id, name and alias first, then metric values that cross a signal's
 * threshold, then weighted token similarity over names, aliases and descriptions, where rare words weigh more.
 * Immutable and thread-safe once built.
 */
public final class SymptomIndex {
  /** Matches below this confidence are not accepted, so noise is reported rather than guessed. */
  public static final double CONFIDENCE_FLOOR = 0.5;
  /** At most this many symptoms per input. */
  static final int MAX_MATCHES = 3;
  /** A second match must come this close to the best one to be kept. */
  static final double RELATIVE_CUTOFF = 0.8;

  private static final Pattern METRIC_VALUE =
      Pattern.compile("([a-z][a-z0-9 ]{0,40}?)\\s*(?:=|:|of|is|at|>|>=|<|<=)?\\s*(-?\\d+(?:\\.\\d+)?)(%?)");

  private record Phrase(Symptom symptom, MatchKind kind, List<String> tokens) {}

  private final List<Symptom> symptoms;
  private final Map<String, SymptomMatch> exact = new HashMap<>();
  private final List<Phrase> phrases = new ArrayList<>();
  private final Map<Symptom, Set<String>> descriptionTokens = new LinkedHashMap<>();
  private final Map<String, Double> idf = new HashMap<>();
  private final Set<String> vocabulary = new HashSet<>();
  private final Map<String, List<SignalEntry>> signalsByMetric = new HashMap<>();

  private record SignalEntry(Symptom symptom, Signal signal) {}

  /** Builds the index over the given symptoms; deprecated ones match only by id. */
  public SymptomIndex(List<Symptom> symptoms) {
    this.symptoms = List.copyOf(symptoms);
    Map<String, Integer> documentFrequency = new HashMap<>();
    for (Symptom s : symptoms) {
      exact.putIfAbsent(s.id(), new SymptomMatch(s, 1.0, MatchKind.ID));
      if (s.deprecated()) {
        continue;
      }
      exact.putIfAbsent(Text.normalize(s.name()), new SymptomMatch(s, 1.0, MatchKind.NAME));
      exact.putIfAbsent(Text.normalize(s.id()), new SymptomMatch(s, 1.0, MatchKind.NAME));
      for (String alias : s.aliases()) {
        exact.putIfAbsent(Text.normalize(alias), new SymptomMatch(s, 1.0, MatchKind.ALIAS));
      }
      Set<String> documentTokens = new HashSet<>();
      phrases.add(new Phrase(s, MatchKind.NAME, Text.tokens(s.name())));
      documentTokens.addAll(Text.tokens(s.name()));
      for (String alias : s.aliases()) {
        List<String> tokens = Text.tokens(alias);
        phrases.add(new Phrase(s, MatchKind.ALIAS, tokens));
        documentTokens.addAll(tokens);
      }
      Set<String> description = new HashSet<>(Text.tokens(s.description()));
      descriptionTokens.put(s, description);
      documentTokens.addAll(description);
      documentTokens.forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
      for (Signal signal : s.signals()) {
        signalsByMetric.computeIfAbsent(metricKey(signal.metric()), k -> new ArrayList<>())
            .add(new SignalEntry(s, signal));
      }
    }
    int n = Math.max(1, symptoms.size());
    documentFrequency.forEach((t, df) -> idf.put(t, Math.log(1.0 + (double) n / df)));
    vocabulary.addAll(documentFrequency.keySet());
  }

  private static String metricKey(String metric) {
    return Text.normalize(metric).replace(" ", "");
  }

  /** Returns the symptoms an input resolves to, best first; empty when nothing reaches the confidence floor. */
  public List<SymptomMatch> resolve(String input) {
    String normalized = Text.normalize(input);
    SymptomMatch hit = exact.get(input.trim());
    if (hit == null) {
      hit = exact.get(normalized);
    }
    if (hit != null) {
      return List.of(hit);
    }
    Map<Symptom, SymptomMatch> best = new LinkedHashMap<>();
    signalMatches(normalized, best);
    similarityMatches(Text.tokens(input), best);
    List<SymptomMatch> out = new ArrayList<>();
    for (SymptomMatch m : bestFirst(best)) {
      if (m.confidence() < CONFIDENCE_FLOOR || out.size() == MAX_MATCHES) {
        break;
      }
      if (!out.isEmpty() && m.confidence() < RELATIVE_CUTOFF * out.get(0).confidence()) {
        break;
      }
      out.add(m);
    }
    return out;
  }

  private void signalMatches(String normalized, Map<Symptom, SymptomMatch> best) {
    if (signalsByMetric.isEmpty()) {
      return;
    }
    Matcher m = METRIC_VALUE.matcher(normalized);
    while (m.find()) {
      String[] words = m.group(1).trim().split(" ");
      double value = Double.parseDouble(m.group(2)) / (m.group(3).isEmpty() ? 1.0 : 100.0);
      // The metric name is the last word or two before the number ("psi 0.31", "p99 latency ms 250").
      for (int take = 1; take <= Math.min(3, words.length); take++) {
        StringBuilder key = new StringBuilder();
        for (int i = words.length - take; i < words.length; i++) {
          key.append(words[i]);
        }
        for (SignalEntry e : signalsByMetric.getOrDefault(key.toString(), List.of())) {
          if (e.signal().matches(value)) {
            offer(best, new SymptomMatch(e.symptom(), 0.95, MatchKind.SIGNAL));
          }
        }
      }
    }
  }

  private void similarityMatches(List<String> rawTokens, Map<Symptom, SymptomMatch> best) {
    List<String> query = new ArrayList<>();
    Map<String, Double> factor = new HashMap<>();
    Map<String, String> corrected = new HashMap<>();
    double queryMass = 0;
    for (String t : rawTokens) {
      String known = vocabulary.contains(t) ? t : corrected.computeIfAbsent(t, k -> String.valueOf(correct(k)));
      boolean inVocabulary = vocabulary.contains(known);
      // Unknown words still dilute the match, so that a long unrelated sentence is not read as a symptom.
      queryMass += inVocabulary ? idf.get(known) : 1.0;
      if (inVocabulary && !factor.containsKey(known)) {
        query.add(known);
        factor.put(known, known.equals(t) ? 1.0 : 0.8);
      }
    }
    if (query.isEmpty()) {
      return;
    }
    for (Phrase p : phrases) {
      if (p.tokens().isEmpty()) {
        continue;
      }
      double shared = 0;
      double phraseMass = 0;
      for (String t : p.tokens()) {
        double w = idf.getOrDefault(t, 1.0);
        phraseMass += w;
        if (factor.containsKey(t)) {
          shared += w * factor.get(t);
        }
      }
      if (shared == 0) {
        continue;
      }
      double dice = 2 * shared / (queryMass + phraseMass);
      double coverage = p.tokens().size() >= 2 ? shared / phraseMass : 0;
      double confidence = Math.min(0.99, Math.max(dice, 0.9 * coverage));
      offer(best, new SymptomMatch(p.symptom(), confidence, MatchKind.SIMILARITY));
    }
    for (Map.Entry<Symptom, Set<String>> d : descriptionTokens.entrySet()) {
      double shared = 0;
      for (String t : query) {
        if (d.getValue().contains(t)) {
          shared += idf.getOrDefault(t, 1.0) * factor.get(t);
        }
      }
      double confidence = 0.7 * shared / queryMass;
      if (confidence > 0) {
        offer(best, new SymptomMatch(d.getKey(), confidence, MatchKind.SIMILARITY));
      }
    }
  }

  /** Returns the vocabulary word a typo most likely meant, or null. */
  private String correct(String token) {
    if (token.length() < 4 || !Character.isLetter(token.charAt(0))) {
      return null;
    }
    int allowed = token.length() >= 7 ? 2 : 1;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String v : vocabulary) {
      if (Math.abs(v.length() - token.length()) > allowed) {
        continue;
      }
      int d = Suggestions.distance(token, v);
      if (d <= allowed && (d < bestDistance || (d == bestDistance && v.compareTo(best) < 0))) {
        best = v;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Returns the matches by confidence, highest first, ties by symptom id so results are deterministic. */
  private static List<SymptomMatch> bestFirst(Map<Symptom, SymptomMatch> best) {
    List<SymptomMatch> ranked = new ArrayList<>(best.values());
    ranked.sort(Comparator.comparingDouble(SymptomMatch::confidence).reversed()
        .thenComparing(m -> m.symptom().id()));
    return ranked;
  }

  private static void offer(Map<Symptom, SymptomMatch> best, SymptomMatch candidate) {
    SymptomMatch current = best.get(candidate.symptom());
    if (current == null || candidate.confidence() > current.confidence()) {
      best.put(candidate.symptom(), candidate);
    }
  }

  /** Returns up to three symptom ids near an unrecognised input, for suggestions. */
  public List<String> suggest(String input) {
    Map<Symptom, SymptomMatch> best = new LinkedHashMap<>();
    similarityMatches(Text.tokens(input), best);
    List<String> out = new ArrayList<>();
    for (SymptomMatch m : bestFirst(best)) {
      if (out.size() == 3 || m.confidence() < 0.15) {
        break;
      }
      out.add(m.symptom().id());
    }
    if (out.isEmpty()) {
      List<String> ids = new ArrayList<>();
      symptoms.forEach(s -> ids.add(s.id()));
      out.addAll(Suggestions.nearest(Text.normalize(input).replace(' ', '-'), ids, 3));
    }
    return out;
  }
}
