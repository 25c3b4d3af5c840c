package dev.failuremodes.internal.engine;

import dev.failuremodes.MatchKind;
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
import java.util.Optional;
import java.util.Set;

/**
 * Matches text to symptoms: an exact id, name or alias, or a name or alias occurring inside a text. Word similarity
 * over names, aliases and descriptions, where rare words weigh more, serves suggestions for inputs that match
 * nothing. Immutable and thread-safe once built.
 */
public final class SymptomIndex {
  private final List<Symptom> symptoms;
  private final Map<String, SymptomMatch> exact = new HashMap<>();
  private final Phrases<Symptom> namePhrases;
  /** Gives the engine's own string for a stem, so that the similarity index shares its words; null for none. */
  private final ModeText canonical;

  /** Builds the index over the given symptoms; deprecated ones match only by id. */
  public SymptomIndex(List<Symptom> symptoms) {
    this(symptoms, new Text.Memo(), null);
  }

  /**
   * Builds the index, stemming through a memo shared with the rest of an engine's build; {@code canonical} returns
   * the engine's string for a stem, for the index built on need.
   */
  SymptomIndex(List<Symptom> symptoms, Text.Memo stems, ModeText canonical) {
    this.symptoms = List.copyOf(symptoms);
    this.canonical = canonical;
    this.namePhrases = new Phrases<>();
    for (Symptom s : symptoms) {
      // One match per symptom and kind, shared by all its keys; keys already normalised are the catalog's strings,
      // and a key that is also a phrase's stems is one string for both.
      SymptomMatch byId = new SymptomMatch(s, 1.0, MatchKind.ID);
      exact.putIfAbsent(s.id(), byId);
      if (s.deprecated()) {
        continue;
      }
      SymptomMatch byName = new SymptomMatch(s, 1.0, MatchKind.NAME);
      exact.putIfAbsent(stems.intern(stems.normalized(s.name())), byName);
      exact.putIfAbsent(stems.intern(stems.normalized(s.id())), byName);
      namePhrases.add(s.name(), s, stems);
      SymptomMatch byAlias = new SymptomMatch(s, 1.0, MatchKind.ALIAS);
      for (String alias : s.aliases()) {
        exact.putIfAbsent(stems.intern(stems.normalized(alias)), byAlias);
        namePhrases.add(alias, s, stems);
      }
    }
  }

  /**
   * The word-similarity index behind suggestions, built the first time an input matches nothing. Words are numbered
   * ({@link Words}); per word, its idf and, as runs of flat arrays, the phrases (names and aliases) and the symptoms'
   * descriptions that contain it; per phrase, its symptom, its summed idf and its number of tokens.
   */
  private final class Similarity {
    final Words tokens;
    final double[] idf;
    final int[] phraseStart;
    final int[] phraseIds;
    final int[] descriptionStart;
    final int[] descriptionSymptoms;
    /** Per phrase: its symptom's position in {@link #symptoms}, its summed idf and how many tokens it has. */
    final int[] phraseSymptom;
    final double[] phraseMass;
    final int[] phraseTokens;

    Similarity() {
      Words words = new Words(1024);
      List<int[]> phrases = new ArrayList<>();
      List<Integer> phraseOwners = new ArrayList<>();
      int[] documentFrequency = new int[64];
      List<List<Integer>> descriptions = new ArrayList<>();
      for (int si = 0; si < symptoms.size(); si++) {
        Symptom s = symptoms.get(si);
        if (s.deprecated()) {
          continue;
        }
        Set<Integer> documentTokens = new HashSet<>();
        List<String> names = new ArrayList<>(List.of(s.name()));
        names.addAll(s.aliases());
        for (String name : names) {
          List<String> tokens = Text.tokens(name);
          int[] ids = new int[tokens.size()];
          for (int k = 0; k < ids.length; k++) {
            ids[k] = words.add(canonical(tokens.get(k)));
            documentTokens.add(ids[k]);
          }
          phrases.add(ids);
          phraseOwners.add(si);
        }
        for (String t : new java.util.LinkedHashSet<>(Text.tokens(s.description()))) {
          int id = words.add(canonical(t));
          while (descriptions.size() <= id) {
            descriptions.add(null);
          }
          if (descriptions.get(id) == null) {
            descriptions.set(id, new ArrayList<>(2));
          }
          descriptions.get(id).add(si);
          documentTokens.add(id);
        }
        for (int id : documentTokens) {
          if (id >= documentFrequency.length) {
            documentFrequency = java.util.Arrays.copyOf(documentFrequency, Math.max(id + 1, documentFrequency.length * 2));
          }
          documentFrequency[id]++;
        }
      }
      this.tokens = words.trim();
      int count = words.size();
      int n = Math.max(1, symptoms.size());
      idf = new double[count];
      for (int t = 0; t < count; t++) {
        idf[t] = Math.log(1.0 + (double) n / documentFrequency[t]);
      }
      phraseSymptom = new int[phrases.size()];
      phraseMass = new double[phrases.size()];
      phraseTokens = new int[phrases.size()];
      int[] perToken = new int[count];
      int[][] distinct = new int[phrases.size()][];
      for (int p = 0; p < phrases.size(); p++) {
        int[] ids = phrases.get(p);
        phraseSymptom[p] = phraseOwners.get(p);
        phraseTokens[p] = ids.length;
        for (int id : ids) {
          phraseMass[p] += idf[id];
        }
        distinct[p] = java.util.Arrays.stream(ids).distinct().toArray();
        for (int id : distinct[p]) {
          perToken[id]++;
        }
      }
      phraseStart = starts(perToken);
      phraseIds = new int[phraseStart[count]];
      int[] fill = java.util.Arrays.copyOf(phraseStart, count);
      for (int p = 0; p < phrases.size(); p++) {
        for (int id : distinct[p]) {
          phraseIds[fill[id]++] = p;
        }
      }
      int[] perDescription = new int[count];
      for (int t = 0; t < descriptions.size(); t++) {
        perDescription[t] = descriptions.get(t) == null ? 0 : descriptions.get(t).size();
      }
      descriptionStart = starts(perDescription);
      descriptionSymptoms = new int[descriptionStart[count]];
      for (int t = 0; t < descriptions.size(); t++) {
        if (descriptions.get(t) != null) {
          for (int k = 0; k < descriptions.get(t).size(); k++) {
            descriptionSymptoms[descriptionStart[t] + k] = descriptions.get(t).get(k);
          }
        }
      }
    }

    /** Returns the start of each run for runs of the given lengths, and the total after the last. */
    private int[] starts(int[] lengths) {
      int[] out = new int[lengths.length + 1];
      for (int i = 0; i < lengths.length; i++) {
        out[i + 1] = out[i] + lengths[i];
      }
      return out;
    }
  }

  /** Built on the first input that matches nothing (a field rather than a {@code Once}: a lambda is a spun class). */
  private volatile Similarity similarity;
  private final Object similarityLock = new Object();

  private Similarity similarity() {
    Similarity s = similarity;
    if (s == null) {
      synchronized (similarityLock) {
        s = similarity;
        if (s == null) {
          s = new Similarity();
          similarity = s;
        }
      }
    }
    return s;
  }

  /** Returns the engine's own string for a stem, or the stem. */
  private String canonical(String stem) {
    return canonical == null ? stem : canonical.canonical(stem);
  }

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

  /** Returns the symptom whose id, name or alias the input is as given (trimmed), or null. */
  SymptomMatch exactAsGiven(String input) {
    return exact.get(input.trim());
  }

  /** Returns the symptom whose normalised id, name or alias the normalised input is, or null. */
  SymptomMatch exactNormalized(String normalized) {
    return exact.get(normalized);
  }

  /** Returns the symptoms whose name or alias occurs in a passage, in order. */
  List<Phrases.Occurrence<Symptom>> find(Analysis.Passage passage) {
    return namePhrases.find(passage);
  }

  /** For suggestions: symptoms less similar than this are not offered. */
  private static final double SUGGESTION_FLOOR = 0.15;
  /** For suggestions: how much covering all of a multi-word alias counts, when the input says more besides. */
  private static final double SUGGESTION_COVERAGE_FACTOR = 0.9;
  /** For suggestions: how much a match on a symptom's description counts, relative to its name or an alias. */
  private static final double SUGGESTION_DESCRIPTION_FACTOR = 0.7;

  /** Returns every symptom the words share something with, most similar first: the basis of suggestions. */
  private List<Similar> scored(Map<String, Double> words) {
    Similarity index = similarity();
    Map<String, Similar> best = new LinkedHashMap<>();
    double queryMass = 0;
    int[] query = new int[words.size()];
    double[] factors = new double[words.size()];
    int queried = 0;
    for (Map.Entry<String, Double> w : words.entrySet()) {
      // Unknown words still dilute the match, so that a long unrelated sentence is not read as a symptom.
      int t = index.tokens.indexOf(w.getKey());
      queryMass += t < 0 ? 1.0 : index.idf[t];
      if (t >= 0) {
        query[queried] = t;
        factors[queried++] = w.getValue();
      }
    }
    // A corrected word may support a match but not carry it alone, or ordinary words would be "corrected"
    // into catalog terms ("less" into "loss"); a one-word input is the exception, as it is most likely a typo.
    boolean correctionsAlone = queried == 1;
    double[] sharedByPhrase = new double[index.phraseSymptom.length];
    boolean[] phraseWithExactWord = new boolean[index.phraseSymptom.length];
    double[] sharedByDescription = new double[symptoms.size()];
    boolean[] descriptionWithExactWord = new boolean[symptoms.size()];
    // The phrases and descriptions touched, in the order first touched.
    int[] phrases = new int[16];
    int phraseCount = 0;
    int[] descriptions = new int[16];
    int descriptionCount = 0;
    boolean[] phraseTouched = new boolean[index.phraseSymptom.length];
    boolean[] descriptionTouched = new boolean[symptoms.size()];
    for (int q = 0; q < queried; q++) {
      int t = query[q];
      double factor = factors[q];
      double w = index.idf[t] * factor;
      boolean exactWord = factor == 1.0;
      for (int k = index.phraseStart[t]; k < index.phraseStart[t + 1]; k++) {
        int p = index.phraseIds[k];
        if (!phraseTouched[p]) {
          phraseTouched[p] = true;
          if (phraseCount == phrases.length) {
            phrases = java.util.Arrays.copyOf(phrases, phraseCount * 2);
          }
          phrases[phraseCount++] = p;
        }
        sharedByPhrase[p] += w;
        phraseWithExactWord[p] |= exactWord;
      }
      for (int k = index.descriptionStart[t]; k < index.descriptionStart[t + 1]; k++) {
        int s = index.descriptionSymptoms[k];
        if (!descriptionTouched[s]) {
          descriptionTouched[s] = true;
          if (descriptionCount == descriptions.length) {
            descriptions = java.util.Arrays.copyOf(descriptions, descriptionCount * 2);
          }
          descriptions[descriptionCount++] = s;
        }
        sharedByDescription[s] += w;
        descriptionWithExactWord[s] |= exactWord;
      }
    }
    for (int i = 0; i < phraseCount; i++) {
      int p = phrases[i];
      if (!correctionsAlone && !phraseWithExactWord[p]) {
        continue;
      }
      double shared = sharedByPhrase[p];
      double mass = index.phraseMass[p];
      double dice = 2 * shared / (queryMass + mass);
      double coverage = index.phraseTokens[p] >= 2 ? shared / mass : 0;
      double confidence = Math.min(0.99, Math.max(dice, SUGGESTION_COVERAGE_FACTOR * coverage));
      offer(best, new Similar(symptoms.get(index.phraseSymptom[p]), confidence));
    }
    for (int i = 0; i < descriptionCount; i++) {
      int s = descriptions[i];
      if (!correctionsAlone && !descriptionWithExactWord[s]) {
        continue;
      }
      offer(best, new Similar(symptoms.get(s), SUGGESTION_DESCRIPTION_FACTOR * sharedByDescription[s] / queryMass));
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
