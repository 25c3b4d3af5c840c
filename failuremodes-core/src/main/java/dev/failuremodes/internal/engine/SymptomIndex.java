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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  public static final double CONFIDENCE_FLOOR = 0.4;
  /** At most this many symptoms per input. */
  static final int MAX_MATCHES = 3;
  /** A second match must come this close to the best one to be kept. */
  static final double RELATIVE_CUTOFF = 0.8;

  /** A number standing alone (not inside a word such as "p99"), with an optional percent sign. */
  private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}.])(\\d+(?:\\.\\d+)?)(%?)");
  /** Words that name a score on training data, and on held-out data, for the derived train_test_gap metric. */
  private static final Set<String> TRAIN_WORDS = Set.of("train", "training");
  private static final Set<String> HELD_OUT_WORDS =
      Set.of("validation", "val", "valid", "test", "testing", "holdout", "dev", "eval", "evaluation");
  /** The metric key of the training minus held-out score, read from texts that give both. */
  static final String GAP_METRIC = "traintestgap";
  /** Words that may stand between a metric's name and its value ("psi of 0.3", "ece is 0.1"). */
  private static final Set<String> CONNECTORS = Set.of("of", "is", "at", "was", "above", "below", "now");

  /** A name or alias as tokens; identity-keyed, since two symptoms may phrase something alike. */
  private static final class Phrase {
    final Symptom symptom;
    final List<String> tokens;
    /** The summed idf of the tokens, set once while the index is built. */
    double mass;

    Phrase(Symptom symptom, List<String> tokens) {
      this.symptom = symptom;
      this.tokens = tokens;
    }
  }

  private final List<Symptom> symptoms;
  private final Map<String, SymptomMatch> exact = new HashMap<>();
  /** For each token, the phrases that contain it, so that a query only scores phrases it shares a word with. */
  private final Map<String, List<Phrase>> phrasesByToken = new HashMap<>();
  /** For each token, the symptoms whose description contains it. */
  private final Map<String, List<Symptom>> descriptionsByToken = new HashMap<>();
  private final Map<String, Double> idf = new HashMap<>();
  /** Built on the first input with an unknown word, since inputs that are ids never need it. */
  private volatile Typos typos;
  private final Map<String, List<SignalEntry>> signalsByMetric = new HashMap<>();

  private record SignalEntry(Symptom symptom, Signal signal) {}

  /** Builds the index over the given symptoms; deprecated ones match only by id. */
  public SymptomIndex(List<Symptom> symptoms) {
    this.symptoms = List.copyOf(symptoms);
    Map<String, Integer> documentFrequency = new HashMap<>();
    List<Phrase> phrases = new ArrayList<>();
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
      phrases.add(new Phrase(s, Text.tokens(s.name())));
      documentTokens.addAll(Text.tokens(s.name()));
      for (String alias : s.aliases()) {
        List<String> tokens = Text.tokens(alias);
        phrases.add(new Phrase(s, tokens));
        documentTokens.addAll(tokens);
      }
      Set<String> description = new HashSet<>(Text.tokens(s.description()));
      description.forEach(t -> descriptionsByToken.computeIfAbsent(t, k -> new ArrayList<>()).add(s));
      documentTokens.addAll(description);
      documentTokens.forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
      for (Signal signal : s.signals()) {
        signalsByMetric.computeIfAbsent(metricKey(signal.metric()), k -> new ArrayList<>())
            .add(new SignalEntry(s, signal));
      }
    }
    int n = Math.max(1, symptoms.size());
    documentFrequency.forEach((t, df) -> idf.put(t, Math.log(1.0 + (double) n / df)));
    for (Phrase p : phrases) {
      for (String t : p.tokens) {
        p.mass += idf.get(t);
      }
      p.tokens.stream().distinct().forEach(t -> phrasesByToken.computeIfAbsent(t, k -> new ArrayList<>()).add(p));
    }
  }

  private static String metricKey(String metric) {
    return Text.normalize(metric).replace(" ", "");
  }

  /** Returns the symptoms an input resolves to, best first; empty when nothing reaches the confidence floor. */
  public List<SymptomMatch> resolve(String input) {
    SymptomMatch hit = exact.get(input.trim());
    if (hit != null) {
      return List.of(hit);
    }
    String normalized = Text.normalize(input);
    hit = exact.get(normalized);
    if (hit != null) {
      return List.of(hit);
    }
    List<SymptomMatch> out = new ArrayList<>();
    for (SymptomMatch m : scored(input, normalized)) {
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

  /** Returns every symptom the input shares evidence with, most confident first, before any floor is applied. */
  List<SymptomMatch> scored(String input, String normalized) {
    Map<String, SymptomMatch> best = new LinkedHashMap<>();
    Set<String> contradicted = new HashSet<>();
    signalMatches(normalized, best, contradicted);
    similarityMatches(Text.tokens(input), best);
    // A value that was measured and did not cross the threshold ("psi 0.05", "train 0.91, validation 0.90")
    // outweighs word overlap with the same symptom.
    contradicted.forEach(id -> best.computeIfPresent(id, (k, m) -> m.kind() == MatchKind.SIGNAL ? m : null));
    return bestFirst(best);
  }

  private void signalMatches(String normalized, Map<String, SymptomMatch> best, Set<String> contradicted) {
    if (signalsByMetric.isEmpty()) {
      return;
    }
    Double train = null;
    Double heldOut = null;
    boolean lowerIsBetter = false;
    Matcher m = NUMBER.matcher(normalized);
    while (m.find()) {
      boolean percent = !m.group(2).isEmpty() || normalized.startsWith(" percent", m.end());
      double value = Double.parseDouble(m.group(1)) / (percent ? 100.0 : 1.0);
      // The metric's name is the last one to three words before the number ("psi 0.31", "cohens kappa 0.41").
      // Look back a bounded distance, so that many numbers in a long text keep the scan linear.
      int from = Math.max(0, m.start() - 80);
      List<String> words = new ArrayList<>(List.of(normalized.substring(from, m.start()).trim().split(" ")));
      if (from > 0) {
        words.remove(0); // possibly cut in half
      }
      while (!words.isEmpty() && CONNECTORS.contains(words.get(words.size() - 1))) {
        words.remove(words.size() - 1);
      }
      StringBuilder key = new StringBuilder();
      for (int take = 1; take <= Math.min(3, words.size()); take++) {
        String word = words.get(words.size() - take);
        key.insert(0, word);
        offerSignals(key.toString(), value, best, contradicted);
        if (TRAIN_WORDS.contains(word) && train == null) {
          train = value;
        } else if (HELD_OUT_WORDS.contains(word) && heldOut == null) {
          heldOut = value;
        }
        lowerIsBetter |= word.equals("loss") || word.equals("error");
      }
    }
    // "training accuracy 99% validation 70%": the difference is a metric of its own, train_test_gap.
    if (train != null && heldOut != null) {
      offerSignals(GAP_METRIC, lowerIsBetter ? heldOut - train : train - heldOut, best, contradicted);
    }
  }

  private void offerSignals(
      String metricKey, double value, Map<String, SymptomMatch> best, Set<String> contradicted) {
    for (SignalEntry e : signalsByMetric.getOrDefault(metricKey, List.of())) {
      if (e.signal().matches(value)) {
        offer(best, new SymptomMatch(e.symptom(), 0.95, MatchKind.SIGNAL));
      } else {
        contradicted.add(e.symptom().id());
      }
    }
  }

  private void similarityMatches(List<String> rawTokens, Map<String, SymptomMatch> best) {
    List<String> query = new ArrayList<>();
    Map<String, Double> factor = new HashMap<>();
    Map<String, Optional<String>> corrected = new HashMap<>();
    double queryMass = 0;
    for (String t : rawTokens) {
      Optional<String> known =
          idf.containsKey(t) ? Optional.of(t) : corrected.computeIfAbsent(t, k -> Optional.ofNullable(typos().correct(k)));
      // Unknown words still dilute the match, so that a long unrelated sentence is not read as a symptom.
      queryMass += known.map(idf::get).orElse(1.0);
      if (known.isPresent() && !factor.containsKey(known.get())) {
        query.add(known.get());
        factor.put(known.get(), known.get().equals(t) ? 1.0 : 0.8);
      }
    }
    // A corrected word may support a match but not carry it alone, or ordinary words would be "corrected"
    // into catalog terms ("less" into "loss"); a one-word input is the exception, as it is most likely a typo.
    boolean correctionsAlone = query.size() == 1;
    Map<Phrase, Double> sharedByPhrase = new HashMap<>();
    Set<Phrase> phrasesWithExactWord = new HashSet<>();
    Map<Symptom, Double> sharedByDescription = new IdentityHashMap<>();
    Set<Symptom> descriptionsWithExactWord = new HashSet<>();
    for (String t : query) {
      double w = idf.get(t) * factor.get(t);
      boolean exactWord = factor.get(t) == 1.0;
      for (Phrase p : phrasesByToken.getOrDefault(t, List.of())) {
        sharedByPhrase.merge(p, w, Double::sum);
        if (exactWord) {
          phrasesWithExactWord.add(p);
        }
      }
      for (Symptom s : descriptionsByToken.getOrDefault(t, List.of())) {
        sharedByDescription.merge(s, w, Double::sum);
        if (exactWord) {
          descriptionsWithExactWord.add(s);
        }
      }
    }
    for (Map.Entry<Phrase, Double> e : sharedByPhrase.entrySet()) {
      Phrase p = e.getKey();
      if (!correctionsAlone && !phrasesWithExactWord.contains(p)) {
        continue;
      }
      double shared = e.getValue();
      double mass = p.mass;
      double dice = 2 * shared / (queryMass + mass);
      double coverage = p.tokens.size() >= 2 ? shared / mass : 0;
      double confidence = Math.min(0.99, Math.max(dice, 0.9 * coverage));
      offer(best, new SymptomMatch(p.symptom, confidence, MatchKind.SIMILARITY));
    }
    for (Map.Entry<Symptom, Double> e : sharedByDescription.entrySet()) {
      if (!correctionsAlone && !descriptionsWithExactWord.contains(e.getKey())) {
        continue;
      }
      offer(best, new SymptomMatch(e.getKey(), 0.7 * e.getValue() / queryMass, MatchKind.SIMILARITY));
    }
  }

  private Typos typos() {
    Typos built = typos;
    if (built == null) {
      synchronized (this) {
        built = typos;
        if (built == null) {
          built = new Typos(idf.keySet());
          typos = built;
        }
      }
    }
    return built;
  }

  /** Returns the matches by confidence, highest first, ties by symptom id so results are deterministic. */
  private static List<SymptomMatch> bestFirst(Map<String, SymptomMatch> best) {
    List<SymptomMatch> ranked = new ArrayList<>(best.values());
    ranked.sort(Comparator.comparingDouble(SymptomMatch::confidence).reversed()
        .thenComparing(m -> m.symptom().id()));
    return ranked;
  }

  private static void offer(Map<String, SymptomMatch> best, SymptomMatch candidate) {
    // Keyed by id: value types hash all their attributes, which a hot path should not pay for.
    SymptomMatch current = best.get(candidate.symptom().id());
    if (current == null || candidate.confidence() > current.confidence()) {
      best.put(candidate.symptom().id(), candidate);
    }
  }

  /** Returns up to three symptom ids near an unrecognised input, for suggestions. */
  public List<String> suggest(String input) {
    List<String> out = new ArrayList<>();
    for (SymptomMatch m : scored(input, Text.normalize(input))) {
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
