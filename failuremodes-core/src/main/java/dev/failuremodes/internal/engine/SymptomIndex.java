package dev.failuremodes.internal.engine;

import dev.failuremodes.MatchKind;
import dev.failuremodes.Symptom;
import dev.failuremodes.SymptomMatch;
import dev.failuremodes.internal.Suggestions;
import dev.failuremodes.internal.Once;
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

/**
 * Matches text to symptoms: an exact id, name or alias, or a name or alias occurring inside a text. Word similarity
 * over names, aliases and descriptions, where rare words weigh more, serves suggestions for inputs that match
 * nothing. Immutable and thread-safe once built.
 */
public final class SymptomIndex {
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
  private final Phrases<Symptom> namePhrases;

  /** Builds the index over the given symptoms; deprecated ones match only by id. */
  public SymptomIndex(List<Symptom> symptoms) {
    this(symptoms, new HashMap<>());
  }

  /** Builds the index, stemming through a memo shared with the rest of an engine's build. */
  SymptomIndex(List<Symptom> symptoms, Map<String, String> stems) {
    this.symptoms = List.copyOf(symptoms);
    this.namePhrases = new Phrases<>(stems);
    for (Symptom s : symptoms) {
      exact.putIfAbsent(s.id(), new SymptomMatch(s, 1.0, MatchKind.ID));
      if (s.deprecated()) {
        continue;
      }
      exact.putIfAbsent(Text.normalize(s.name()), new SymptomMatch(s, 1.0, MatchKind.NAME));
      exact.putIfAbsent(Text.normalize(s.id()), new SymptomMatch(s, 1.0, MatchKind.NAME));
      namePhrases.add(s.name(), s);
      for (String alias : s.aliases()) {
        exact.putIfAbsent(Text.normalize(alias), new SymptomMatch(s, 1.0, MatchKind.ALIAS));
        namePhrases.add(alias, s);
      }
    }
  }

  /** The word-similarity index behind suggestions, built the first time an input matches nothing. */
  private final class Similarity {
    /** For each token, the phrases that contain it, so that a query only scores phrases it shares a word with. */
    final Map<String, List<Phrase>> phrasesByToken = new HashMap<>();
    /** For each token, the symptoms whose description contains it. */
    final Map<String, List<Symptom>> descriptionsByToken = new HashMap<>();
    final Map<String, Double> idf = new HashMap<>();

    Similarity() {
      Map<String, Integer> documentFrequency = new HashMap<>();
      List<Phrase> phrases = new ArrayList<>();
      for (Symptom s : symptoms) {
        if (s.deprecated()) {
          continue;
        }
        Set<String> documentTokens = new HashSet<>();
        List<String> names = new ArrayList<>(List.of(s.name()));
        names.addAll(s.aliases());
        for (String name : names) {
          List<String> tokens = Text.tokens(name);
          phrases.add(new Phrase(s, tokens));
          documentTokens.addAll(tokens);
        }
        Set<String> description = new HashSet<>(Text.tokens(s.description()));
        description.forEach(t -> descriptionsByToken.computeIfAbsent(t, k -> new ArrayList<>()).add(s));
        documentTokens.addAll(description);
        documentTokens.forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
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
  }

  private final Once<Similarity> similarity = new Once<>(Similarity::new);

  /** Returns the normalised names and aliases that are one word, for correcting a one-word input's typo. */
  List<String> oneWordNames() {
    List<String> out = new ArrayList<>();
    exact.keySet().forEach(k -> {
      if (!k.contains(" ") && !k.contains("-") && !k.isEmpty() && Character.isLetter(k.charAt(0))) {
        out.add(k);
      }
    });
    return out;
  }

  /** Returns the symptom whose id, name or alias the whole input is, after normalisation. */
  public Optional<SymptomMatch> exact(String input) {
    SymptomMatch hit = exact.get(input.trim());
    return hit != null ? Optional.of(hit) : Optional.ofNullable(exact.get(Text.normalize(input)));
  }

  /** Returns the symptoms whose name or alias occurs in a passage, in order. */
  List<Phrases.Occurrence<Symptom>> find(Analysis.Passage passage) {
    return namePhrases.find(passage);
  }

  /** Returns every name and alias as its stems, for the negation reader. */
  List<List<String>> phrases() {
    return namePhrases.all();
  }

  /** For suggestions: symptoms less similar than this are not offered. */
  private static final double SUGGESTION_FLOOR = 0.15;
  /** For suggestions: how much covering all of a multi-word alias counts, when the input says more besides. */
  private static final double SUGGESTION_COVERAGE_FACTOR = 0.9;
  /** For suggestions: how much a match on a symptom's description counts, relative to its name or an alias. */
  private static final double SUGGESTION_DESCRIPTION_FACTOR = 0.7;

  /** Returns every symptom the words share something with, most similar first: the basis of suggestions. */
  private List<Similar> scored(Map<String, Double> words) {
    Similarity index = similarity.get();
    Map<String, Double> idf = index.idf;
    Map<String, List<Phrase>> phrasesByToken = index.phrasesByToken;
    Map<String, List<Symptom>> descriptionsByToken = index.descriptionsByToken;
    Map<String, Similar> best = new LinkedHashMap<>();
    double queryMass = 0;
    List<String> query = new ArrayList<>();
    for (Map.Entry<String, Double> w : words.entrySet()) {
      // Unknown words still dilute the match, so that a long unrelated sentence is not read as a symptom.
      queryMass += idf.getOrDefault(w.getKey(), 1.0);
      if (idf.containsKey(w.getKey())) {
        query.add(w.getKey());
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
      double factor = words.get(t);
      double w = idf.get(t) * factor;
      boolean exactWord = factor == 1.0;
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
      double dice = 2 * shared / (queryMass + p.mass);
      double coverage = p.tokens.size() >= 2 ? shared / p.mass : 0;
      double confidence = Math.min(0.99, Math.max(dice, SUGGESTION_COVERAGE_FACTOR * coverage));
      offer(best, new Similar(p.symptom, confidence));
    }
    for (Map.Entry<Symptom, Double> e : sharedByDescription.entrySet()) {
      if (!correctionsAlone && !descriptionsWithExactWord.contains(e.getKey())) {
        continue;
      }
      offer(best, new Similar(e.getKey(), SUGGESTION_DESCRIPTION_FACTOR * e.getValue() / queryMass));
    }
    List<Similar> ranked = new ArrayList<>(best.values());
    ranked.sort(Comparator.comparingDouble(Similar::similarity).reversed().thenComparing(m -> m.symptom().id()));
    return ranked;
  }

  /** A symptom and how similar some words are to it, for suggestions. */
  private record Similar(Symptom symptom, double similarity) {}

  private static void offer(Map<String, Similar> best, Similar candidate) {
    // Keyed by id: value types hash all their attributes, which a hot path should not pay for.
    Similar current = best.get(candidate.symptom().id());
    if (current == null || candidate.similarity() > current.similarity()) {
      best.put(candidate.symptom().id(), candidate);
    }
  }

  /** Returns up to three symptom ids near an unrecognised input, for suggestions. */
  List<String> suggest(Map<String, Double> words, String input) {
    List<String> out = new ArrayList<>();
    for (Similar m : scored(words)) {
      if (out.size() == 3 || m.similarity() < SUGGESTION_FLOOR) {
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
