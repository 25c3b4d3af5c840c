package dev.failuremodes.internal.engine;

import dev.failuremodes.CaseStudy;
import dev.failuremodes.Catalog;
import dev.failuremodes.DetectionMethod;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Indicator;
import dev.failuremodes.Presentation;
import dev.failuremodes.Symptom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A BM25F index over all of each failure mode's text, field by field, so that an input's words count as evidence
 * for the modes whose text contains them, weighted by how rare each word is among modes, how much of the field it
 * fills and how telling the field is. A mode's indicator symptoms count in proportion to their weights. Immutable
 * and thread-safe once built.
 */
final class ModeText {
  /** The fields of a mode's text, each with its own boost and length normalisation in {@link Tuning}. */
  enum Field {
    /** The mode's id, name and aliases. */
    NAMES("names"),
    /** Its summary and description. */
    SUMMARY("summary"),
    /** The names, aliases and descriptions of its indicator symptoms, weighted by indicator weight. */
    SYMPTOMS("symptoms"),
    /** Its mechanisms. */
    MECHANISMS("mechanisms"),
    /** Its detection methods. */
    DETECTION("detection"),
    /** Its presentations: how it showed up in real cases. */
    PRESENTATIONS("presentations"),
    /** The summaries of its case studies. */
    CASES("case studies");

    final String label;

    Field(String label) {
      this.label = label;
    }
  }

  private static final Field[] FIELDS = Field.values();

  private final List<FailureMode> modes;
  private final Tuning tuning;
  /**
   * The words of the index, numbered. A word's postings are the flat arrays' entries from {@code termStart[t]} to
   * {@code termStart[t + 1]}, and {@code termIdf[t]} is its idf. Per posting, worked out once when the index is
   * built: the mode's index, BM25F's saturation of the boosted, length-normalised counts of all fields together
   * ({@code tf / (k1 + tf) × (k1 + 1)}), the same over the core fields only (names, summary, symptoms, mechanisms,
   * detection), and the field that gives the most. Flat arrays keep the index small: no object per word or posting.
   * Visible to {@link IndexDigest}, which writes and reads them; nothing changes them once the index is built.
   */
  final Words terms;
  final int[] termStart;
  final double[] termIdf;
  final int[] postingMode;
  final double[] postingSaturated;
  final double[] postingCore;
  final byte[] postingField;
  /** Per mode and field, the field's length over the average length of that field. */
  final double[][] relativeLength;

  /** The index of the routine document, after the modes. */
  private final int routine;

  /** Indexes a catalog's modes with the routine document, stemming through a memo: the engine's text index. */
  static ModeText of(Catalog catalog, Tuning tuning, Text.Memo stems) {
    Map<String, Symptom> symptomsById = new HashMap<>();
    for (Symptom s : catalog.symptoms()) {
      symptomsById.put(s.id(), s);
    }
    Map<String, List<CaseStudy>> cases = new HashMap<>();
    for (CaseStudy c : catalog.caseStudies()) {
      for (String m : c.failureModes()) {
        List<CaseStudy> list = cases.get(m);
        if (list == null) {
          list = new ArrayList<>();
          cases.put(m, list);
        }
        list.add(c);
      }
    }
    return new ModeText(catalog.failureModes(), symptomsById, cases, Routine.TEXT, tuning, stems);
  }

  /**
   * Indexes the modes' text, and a document of routine talk that is scored beside them (see {@link Routine}).
   */
  ModeText(List<FailureMode> all, Map<String, Symptom> symptoms, Map<String, List<CaseStudy>> casesByMode,
      String routineText, Tuning tuning, Text.Memo stems) {
    this.tuning = tuning;
    this.modes = live(all);
    this.routine = modes.size();
    int docs = modes.size() + 1;
    this.scratch = new Scratches(docs);
    Map<String, List<RawPosting>> raw = new HashMap<>();
    double[][] length = new double[docs][FIELDS.length];
    double[] total = new double[FIELDS.length];
    for (int i = 0; i < modes.size(); i++) {
      FailureMode m = modes.get(i);
      Map<String, double[]> counts = new HashMap<>();
      add(stems, counts, length[i], Field.NAMES, 1.0, m.id().replace('-', ' '), m.name());
      add(stems, counts, length[i], Field.NAMES, 1.0, m.aliases());
      add(stems, counts, length[i], Field.SUMMARY, 1.0, m.summary(), m.description());
      for (Indicator ind : m.indicators()) {
        Symptom s = symptoms.get(ind.symptom());
        if (s != null && !s.deprecated()) {
          add(stems, counts, length[i], Field.SYMPTOMS, ind.weight(), s.name(), s.description());
          add(stems, counts, length[i], Field.SYMPTOMS, ind.weight(), s.aliases());
        }
      }
      add(stems, counts, length[i], Field.MECHANISMS, 1.0, m.mechanisms());
      for (DetectionMethod d : m.detection()) {
        add(stems, counts, length[i], Field.DETECTION, 1.0, d.name(), d.description());
      }
      for (Presentation p : m.presentations()) {
        add(stems, counts, length[i], Field.PRESENTATIONS, 1.0, p.text());
      }
      for (CaseStudy c : casesByMode.getOrDefault(m.id(), List.of())) {
        add(stems, counts, length[i], Field.CASES, 1.0, c.summary());
      }
      for (Map.Entry<String, double[]> e : counts.entrySet()) {
        raw.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new RawPosting(i, e.getValue()));
      }
      for (int f = 0; f < FIELDS.length; f++) {
        total[f] += length[i][f];
      }
    }
    Map<String, double[]> routineCounts = new HashMap<>();
    add(stems, routineCounts, length[routine], Field.PRESENTATIONS, 1.0, routineText);
    for (Map.Entry<String, double[]> e : routineCounts.entrySet()) {
      raw.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new RawPosting(routine, e.getValue()));
    }
    relativeLength = new double[docs][FIELDS.length];
    for (int i = 0; i < docs; i++) {
      for (int f = 0; f < FIELDS.length; f++) {
        double average = total[f] / Math.max(1, modes.size());
        relativeLength[i][f] = average == 0 ? 1 : length[i][f] / average;
      }
    }
    int n = docs;
    double k1 = tuning.bm25K1();
    double b = tuning.bm25B();
    int count = 0;
    for (List<RawPosting> list : raw.values()) {
      count += list.size();
    }
    postingMode = new int[count];
    postingSaturated = new double[count];
    postingCore = new double[count];
    postingField = new byte[count];
    terms = new Words(raw.size());
    termStart = new int[raw.size() + 1];
    termIdf = new double[raw.size()];
    int at = 0;
    for (Map.Entry<String, List<RawPosting>> entry : raw.entrySet()) {
      List<RawPosting> list = entry.getValue();
      int t = terms.add(entry.getKey());
      termStart[t] = at;
      termIdf[t] = Math.log(1 + (n - list.size() + 0.5) / (list.size() + 0.5));
      for (RawPosting p : list) {
        double tf = 0;
        double coreTf = 0;
        double best = -1;
        int bestField = 0;
        for (int f = 0; f < FIELDS.length; f++) {
          if (p.tf()[f] == 0) {
            continue;
          }
          double part = tuning.fieldBoost()[f] * p.tf()[f] / (1 - b + b * relativeLength[p.mode()][f]);
          tf += part;
          if (f < Field.PRESENTATIONS.ordinal()) {
            coreTf += part;
          }
          if (part > best) {
            best = part;
            bestField = f;
          }
        }
        postingMode[at] = p.mode();
        postingSaturated[at] = tf * (k1 + 1) / (k1 + tf);
        postingCore[at] = coreTf * (k1 + 1) / (k1 + coreTf);
        postingField[at] = (byte) bestField;
        at++;
      }
    }
    termStart[terms.size()] = at;
    terms.trim();
  }

  /**
   * Takes an index built before, from the same modes' text with the same tuning (see {@link IndexDigest}): the words,
   * numbered, and the flat arrays described above.
   */
  ModeText(List<FailureMode> all, Tuning tuning, Words terms, int[] termStart, double[] termIdf, int[] postingMode,
      double[] postingSaturated, double[] postingCore, byte[] postingField, double[][] relativeLength) {
    this.tuning = tuning;
    this.modes = live(all);
    this.routine = modes.size();
    this.scratch = new Scratches(modes.size() + 1);
    this.terms = terms;
    this.termStart = termStart;
    this.termIdf = termIdf;
    this.postingMode = postingMode;
    this.postingSaturated = postingSaturated;
    this.postingCore = postingCore;
    this.postingField = postingField;
    this.relativeLength = relativeLength;
  }

  /** Returns the modes that are not deprecated, in catalog order. */
  static List<FailureMode> live(List<FailureMode> all) {
    List<FailureMode> live = new ArrayList<>();
    for (FailureMode m : all) {
      if (!m.deprecated()) {
        live.add(m);
      }
    }
    return List.copyOf(live);
  }

  /** Returns whether another index has the same words, in the same order, and the same arrays. */
  boolean sameIndex(ModeText other) {
    return modes.equals(other.modes)
        && terms.sameAs(other.terms)
        && Arrays.equals(termStart, other.termStart)
        && Arrays.equals(termIdf, other.termIdf)
        && Arrays.equals(postingMode, other.postingMode)
        && Arrays.equals(postingSaturated, other.postingSaturated)
        && Arrays.equals(postingCore, other.postingCore)
        && Arrays.equals(postingField, other.postingField)
        && Arrays.deepEquals(relativeLength, other.relativeLength);
  }

  /** A mode's weighted counts of one word, per field, while the index is built. */
  private record RawPosting(int mode, double[] tf) {}

  private static void add(Text.Memo stems, Map<String, double[]> counts, double[] length, Field field, double weight,
      String... texts) {
    add(stems, counts, length, field, weight, Arrays.asList(texts));
  }

  private static void add(Text.Memo stems, Map<String, double[]> counts, double[] length, Field field, double weight,
      Collection<String> texts) {
    for (String text : texts) {
      for (String token : Text.tokens(text, stems)) {
        if (!Character.isLetter(token.charAt(0))) {
          continue;
        }
        counts.computeIfAbsent(token, k -> new double[FIELDS.length])[field.ordinal()] += weight;
        length[field.ordinal()] += weight;
      }
    }
  }

  /** Returns whether a stem occurs anywhere in the modes' text. */
  boolean knows(String stem) {
    return terms.contains(stem);
  }

  /** Returns every stem of the index, for typo correction. */
  List<String> vocabulary() {
    return terms.list();
  }

  /** Returns the index's own string equal to a stem, or the stem itself when the index does not have it. */
  String canonical(String stem) {
    return terms.canonical(stem);
  }

  /** Returns the inverse document frequency of a stem among modes; 0 for an unknown one. */
  double idf(String stem) {
    int t = terms.indexOf(stem);
    return t < 0 ? 0.0 : termIdf[t];
  }

  /**
   * What a passage's words give one mode. The words are put in order only when asked for: most matches never make
   * it into a diagnosis.
   */
  static final class Match {
    private final FailureMode mode;
    private final int index;
    private final double score;
    private final Field field;
    private final int matched;
    private final Hits hits;
    private List<String> words;

    Match(FailureMode mode, int index, double score, Field field, int matched, Hits hits) {
      this.mode = mode;
      this.index = index;
      this.score = score;
      this.field = field;
      this.matched = matched;
      this.hits = hits;
    }

    /** Returns the mode. */
    FailureMode mode() {
      return mode;
    }

    /** Returns the mode's index in the index's live modes. */
    int index() {
      return index;
    }

    /** Returns the BM25F score. */
    double score() {
      return score;
    }

    /** Returns the field that gave the most. */
    Field field() {
      return field;
    }

    /** Returns how many distinct words matched. */
    int matched() {
      return matched;
    }

    /** Returns the words that matched, those that gave the most first, ties alphabetical. */
    List<String> words() {
      if (words == null) {
        words = hits.words(index, matched);
      }
      return words;
    }
  }

  /**
   * The words of one scoring with their terms and weights, in the order scored: a mode's matched words are worked out
   * from the postings when its evidence is shown, so that scoring does no per-posting bookkeeping for the thousands of
   * modes whose evidence is never shown.
   */
  final class Hits {
    private final String[] word;
    private final int[] term;
    private final double[] weight;

    Hits(String[] word, int[] term, double[] weight) {
      this.word = word;
      this.term = term;
      this.weight = weight;
    }

    /** Returns the words that matched mode {@code m}: most gain first, ties alphabetical. */
    List<String> words(int m, int count) {
      String[] w = new String[count];
      double[] g = new double[count];
      int n = 0;
      for (int i = 0; i < word.length && n < count; i++) {
        int k = posting(term[i], m);
        if (k >= 0) {
          w[n] = word[i];
          g[n] = weight[i] * postingSaturated[k];
          n++;
        }
      }
      // Insertion sort: a handful of words, most gain first, ties alphabetical.
      for (int i = 1; i < n; i++) {
        String wi = w[i];
        double gi = g[i];
        int j = i - 1;
        while (j >= 0 && (g[j] < gi || g[j] == gi && w[j].compareTo(wi) > 0)) {
          w[j + 1] = w[j];
          g[j + 1] = g[j];
          j--;
        }
        w[j + 1] = wi;
        g[j + 1] = gi;
      }
      return Arrays.asList(n == count ? w : Arrays.copyOf(w, n));
    }
  }

  /**
   * One thread's accumulators for scoring, as long as the index has documents; only the entries a scoring touched
   * are reset after it, so that a query's work depends on the modes its words reach, not on the catalog's size.
   */
  private static final class Scratch {
    final double[] total;
    final double[] core;
    final int[] matched;
    final boolean[] exact;
    final int[] touched;
    int count;

    Scratch(int docs) {
      total = new double[docs];
      core = new double[docs];
      matched = new int[docs];
      exact = new boolean[docs];
      touched = new int[docs];
    }
  }

  private final ThreadLocal<Scratch> scratch;

  /** Each thread's scratch, made on its first scoring: a class rather than a lambda, which would be spun at run time. */
  private static final class Scratches extends ThreadLocal<Scratch> {
    private final int docs;

    Scratches(int docs) {
      this.docs = docs;
    }

    @Override
    protected Scratch initialValue() {
      return new Scratch(docs);
    }
  }

  /**
   * The scores of one text.
   *
   * @param modes the modes that share an exact (not typo-corrected) word with it, in mode order: at most the best
   *     {@code max} by score (see {@link #best})
   * @param routine the score of the routine document
   * @param core the best mode's score from its core fields alone (names, summary, symptoms, mechanisms, detection):
   *     the vocabulary of failures, without the narrative of presentations and case studies
   * @param used the words, in input order, that matched some mode in {@code modes}
   */
  record Scores(List<Match> modes, double routine, double core, List<String> used) {}

  /**
   * Scores every mode that shares a word with the passage and returns the best {@code max} of them. Each distinct
   * word counts once; a word given with a factor below 1 (a corrected typo) counts that much less.
   */
  Scores score(Map<String, Double> words, int max) {
    Scratch sc = scratch.get();
    String[] hitWord = new String[words.size()];
    int[] hitTerm = new int[words.size()];
    double[] hitWeight = new double[words.size()];
    int known = 0;
    for (Map.Entry<String, Double> w : words.entrySet()) {
      int term = terms.indexOf(w.getKey());
      if (term < 0) {
        continue;
      }
      double weight = termIdf[term] * w.getValue();
      hitWord[known] = w.getKey();
      hitTerm[known] = term;
      hitWeight[known] = weight;
      known++;
      boolean exact = w.getValue() == 1.0;
      for (int k = termStart[term], end = termStart[term + 1]; k < end; k++) {
        int d = postingMode[k];
        if (sc.matched[d] == 0) {
          sc.touched[sc.count++] = d;
        }
        double gain = weight * postingSaturated[k];
        sc.total[d] += gain;
        if (exact) {
          // Corrected typos may support a match but not carry it alone, nor count as failure vocabulary.
          sc.core[d] += weight * postingCore[k];
          sc.exact[d] = true;
        }
        sc.matched[d]++;
      }
    }
    Hits hits = known == hitWord.length ? new Hits(hitWord, hitTerm, hitWeight)
        : new Hits(Arrays.copyOf(hitWord, known), Arrays.copyOf(hitTerm, known), Arrays.copyOf(hitWeight, known));
    // The modes worth text evidence: matched by some exact word, not the routine document. Of those, only the best
    // {@code max} by score get a Match, in mode order, so that a query's work past the postings does not grow with
    // the thousands of modes its common words reach.
    int[] candidates = new int[sc.count];
    int n = 0;
    double bestCore = 0;
    for (int t = 0; t < sc.count; t++) {
      int d = sc.touched[t];
      if (d != routine && sc.exact[d]) {
        bestCore = Math.max(bestCore, sc.core[d]);
        candidates[n++] = d;
      }
    }
    int[] kept = best(candidates, n, sc.total, max);
    List<Match> out = new ArrayList<>(kept.length);
    double[] byField = new double[FIELDS.length];
    for (int d : kept) {
      // The field that gave a kept mode the most, summed in the order scored (so the same sums as while scoring);
      // worked out only for the kept modes, which keeps the scoring loop to three arrays.
      Arrays.fill(byField, 0);
      for (int i = 0; i < known; i++) {
        int k = posting(hitTerm[i], d);
        if (k >= 0) {
          byField[postingField[k]] += hitWeight[i] * postingSaturated[k];
        }
      }
      int bestField = 0;
      for (int f = 1; f < FIELDS.length; f++) {
        if (byField[f] > byField[bestField]) {
          bestField = f;
        }
      }
      out.add(new Match(modes.get(d), d, sc.total[d], FIELDS[bestField], sc.matched[d], hits));
    }
    List<String> used = new ArrayList<>();
    if (!out.isEmpty()) {
      for (String w : words.keySet()) {
        int term = terms.indexOf(w);
        if (term < 0) {
          continue;
        }
        for (int k = termStart[term], end = termStart[term + 1]; k < end; k++) {
          if (postingMode[k] != routine && sc.exact[postingMode[k]]) {
            used.add(w);
            break;
          }
        }
      }
    }
    double routineScore = sc.total[routine];
    for (int t = 0; t < sc.count; t++) {
      int d = sc.touched[t];
      sc.total[d] = 0;
      sc.core[d] = 0;
      sc.matched[d] = 0;
      sc.exact[d] = false;
    }
    sc.count = 0;
    return new Scores(out, routineScore, bestCore, used);
  }


  /** Returns the position of a word's posting for a mode, or a negative number when the mode lacks the word. */
  private int posting(int term, int mode) {
    // A word's postings are in mode order, one per mode.
    return Arrays.binarySearch(postingMode, termStart[term], termStart[term + 1], mode);
  }

  /**
   * Returns the {@code max} modes of {@code candidates[0, n)} with the highest scores, ascending by mode; of modes
   * tied with the last one kept, those first in mode order. All of them, ascending, when there are no more than
   * {@code max}.
   */
  static int[] best(int[] candidates, int n, double[] score, int max) {
    int[] kept;
    if (n <= max) {
      kept = Arrays.copyOf(candidates, n);
    } else {
      // The max-th highest score, counting equal scores apart: the root of a min-heap of the best max.
      double[] heap = new double[max];
      int size = 0;
      for (int i = 0; i < n; i++) {
        double v = score[candidates[i]];
        if (size < max) {
          int at = size++;
          while (at > 0 && heap[(at - 1) / 2] > v) {
            heap[at] = heap[(at - 1) / 2];
            at = (at - 1) / 2;
          }
          heap[at] = v;
        } else if (v > heap[0]) {
          int at = 0;
          while (true) {
            int child = 2 * at + 1;
            if (child >= max) {
              break;
            }
            if (child + 1 < max && heap[child + 1] < heap[child]) {
              child++;
            }
            if (heap[child] >= v) {
              break;
            }
            heap[at] = heap[child];
            at = child;
          }
          heap[at] = v;
        }
      }
      double cut = heap[0];
      kept = new int[max];
      int k = 0;
      int ties = 0;
      int[] tied = new int[n];
      for (int i = 0; i < n; i++) {
        double v = score[candidates[i]];
        if (v > cut) {
          kept[k++] = candidates[i];
        } else if (v == cut) {
          tied[ties++] = candidates[i];
        }
      }
      Arrays.sort(tied, 0, ties);
      System.arraycopy(tied, 0, kept, k, max - k);
    }
    Arrays.sort(kept);
    return kept;
  }

  /** Returns the live modes, in catalog order: a mode's index in them is its index everywhere in the engine. */
  List<FailureMode> modes() {
    return modes;
  }
}
