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
import java.util.List;
import java.util.Map;

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
    /** The label as evidence holds it: one instance for every piece of text evidence. */
    final java.util.Optional<String> shown;

    Field(String label) {
      this.label = label;
      this.shown = java.util.Optional.of(label);
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
  /**
   * Per word, the highest of its postings' saturations over the modes (the routine document left out), all fields
   * and core fields: with the word's weight, the most it can give any one mode, which lets scoring skip the modes that
   * cannot make the best (see {@link #scorePruned}).
   */
  private final double[] termMaxSaturated;
  private final double[] termMaxCore;
  /**
   * Over a catalog of more than {@link #DENSE_FROM} modes, a word that reaches at least one mode in
   * {@link #DENSE_SHARE} has its postings found by mode in constant time, not searched for. {@code common} lists those
   * words in order; the {@code c}-th has {@link #blocks} blocks from {@code c × blocks} in {@code denseBits} (bit
   * {@code d} set when it reaches mode {@code d}, 64 modes a block) and in {@code denseBefore} (its postings before
   * each block). Null for smaller catalogs. Over the benchmarks' synthetic catalog of 10,019 modes, 1,472 of its
   * 432,293 words are common, and these arrays take 2.6 MiB beside the 64 MiB of postings.
   */
  private final int[] common;
  private final long[] denseBits;
  private final int[] denseBefore;
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
    termMaxSaturated = highest(postingSaturated);
    termMaxCore = highest(postingCore);
    common = common();
    denseBits = common == null ? null : denseBits();
    denseBefore = common == null ? null : denseBefore();
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
    this.termMaxSaturated = highest(postingSaturated);
    this.termMaxCore = highest(postingCore);
    this.common = common();
    this.denseBits = common == null ? null : denseBits();
    this.denseBefore = common == null ? null : denseBefore();
  }

  /** Catalogs of more modes than this find the postings of their common words in constant time. */
  static final int DENSE_FROM = 1024;

  /** A word is common when it reaches at least one mode in this many. */
  static final int DENSE_SHARE = 32;

  /** The blocks of 64 modes (the routine document included) in a bitmap by mode, as a common word's. */
  private int blocks() {
    return (routine >> 6) + 1;
  }

  /** The common words, in order; null when the catalog is small. */
  private int[] common() {
    if (routine <= DENSE_FROM) {
      return null;
    }
    int[] out = new int[termIdf.length];
    int n = 0;
    for (int t = 0; t < out.length; t++) {
      if ((long) (termStart[t + 1] - termStart[t]) * DENSE_SHARE >= routine) {
        out[n++] = t;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private long[] denseBits() {
    long[] bits = new long[common.length * blocks()];
    for (int c = 0; c < common.length; c++) {
      int t = common[c];
      for (int k = termStart[t]; k < termStart[t + 1]; k++) {
        bits[c * blocks() + (postingMode[k] >> 6)] |= 1L << postingMode[k];
      }
    }
    return bits;
  }

  private int[] denseBefore() {
    int[] before = new int[common.length * blocks()];
    for (int c = 0; c < common.length; c++) {
      int count = 0;
      for (int b = c * blocks(), end = b + blocks(); b < end; b++) {
        before[b] = count;
        count += Long.bitCount(denseBits[b]);
      }
    }
    return before;
  }

  /** Returns where a word's blocks start, or -1 when it is not common (or the catalog is small). */
  private int blocksOf(int term) {
    if (common == null) {
      return -1;
    }
    int c = Arrays.binarySearch(common, term);
    return c < 0 ? -1 : c * blocks();
  }

  /** Returns how many words have their postings found in constant time (see {@link #DENSE_FROM}). */
  int commonWords() {
    return common == null ? 0 : common.length;
  }

  /**
   * Returns the position of word {@code i}'s posting for mode {@code d}, or -1 when the word does not reach it: in
   * constant time for a common word, else searching forward from the word's cursor, which moves to the mode (modes
   * must come in mode order between two {@link #startCursors}).
   */
  private int find(int i, int d, int[] cursor, int[] hitTerm, int[] hitDense) {
    int o = hitDense[i];
    if (o >= 0) {
      long block = denseBits[o + (d >> 6)];
      long bit = 1L << d;
      return (block & bit) == 0 ? -1
          : termStart[hitTerm[i]] + denseBefore[o + (d >> 6)] + Long.bitCount(block & (bit - 1));
    }
    int end = termStart[hitTerm[i] + 1];
    int k = advance(cursor[i], end, d);
    cursor[i] = k;
    return k < end && postingMode[k] == d ? k : -1;
  }

  /** Per word, the highest of these per-posting values over its postings to modes (the routine document left out). */
  private double[] highest(double[] perPosting) {
    double[] out = new double[termIdf.length];
    for (int t = 0; t < out.length; t++) {
      for (int at = termStart[t]; at < termStart[t + 1]; at++) {
        if (postingMode[at] != routine) {
          out[t] = Math.max(out[t], perPosting[at]);
        }
      }
    }
    return out;
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
    return idfOr(stem, 0.0);
  }

  /** Returns the inverse document frequency of a stem among modes; {@code unknown} for a stem the index lacks. */
  double idfOr(String stem, double unknown) {
    int t = terms.indexOf(stem);
    return t < 0 ? unknown : termIdf[t];
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

    /**
     * Returns the words that matched mode {@code m}: most gain first, ties alphabetical. Only the words {@code mask}
     * may match are looked up (see {@link Scores}' masks).
     */
    List<String> words(int m, int count, long mask, String[] shown) {
      int[] at = new int[count];
      double[] g = new double[count];
      int n = 0;
      for (int i = 0; i < word.length && n < count; i++) {
        if (i < Long.SIZE && (mask & (1L << i)) == 0) {
          continue;
        }
        int k = posting(term[i], m);
        if (k >= 0) {
          at[n] = i;
          g[n] = weight[i] * postingSaturated[k];
          n++;
        }
      }
      // Insertion sort: a handful of words, most gain first, ties alphabetical.
      for (int i = 1; i < n; i++) {
        int ai = at[i];
        double gi = g[i];
        int j = i - 1;
        while (j >= 0 && (g[j] < gi || g[j] == gi && word[at[j]].compareTo(word[ai]) > 0)) {
          at[j + 1] = at[j];
          g[j + 1] = g[j];
          j--;
        }
        at[j + 1] = ai;
        g[j + 1] = gi;
      }
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        out[i] = shown == null ? word[at[i]] : shown[at[i]];
      }
      return List.of(out);
    }

    /** Returns each scored word as {@code shownByWord} maps it (the word itself when it has no entry), in order. */
    String[] shown(Map<String, String> shownByWord) {
      String[] out = new String[word.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = shownByWord.getOrDefault(word[i], word[i]);
      }
      return out;
    }

    /** Returns the highest idf of the words that matched mode {@code m} (looked up as {@link #words} does). */
    double rarest(int m, long mask) {
      double out = 0;
      for (int i = 0; i < word.length; i++) {
        if (i < Long.SIZE && (mask & (1L << i)) == 0) {
          continue;
        }
        if (posting(term[i], m) >= 0) {
          out = Math.max(out, termIdf[term[i]]);
        }
      }
      return out;
    }
  }

  /**
   * One thread's accumulators for scoring, as long as the index has documents; only the entries a scoring touched
   * are reset after it (see {@link #clear}), so that a query's work depends on the modes its words reach, not on the
   * catalog's size.
   */
  private static final class Scratch {
    final double[] total;
    final double[] core;
    final int[] matched;
    final boolean[] exact;
    /**
     * Of a mode scored in full while skipping others, the field that gave it the most, plus one (0 until scored in
     * full), and its full score.
     */
    final byte[] field;
    final double[] full;
    final int[] touched;
    /** For skipping scoring: bit d set when some word reached mode d. */
    final long[] seen;
    /**
     * For scoring every mode ({@link #scoreAll}), made at its first use (pruned scoring over a large catalog never
     * needs them): per mode, bit i set when the i-th word reached it, and per mode and field, what the words gave it.
     */
    long[] words;
    double[] byField;
    int count;

    /**
     * Resets what a scoring touched: entry by entry, or every array at once when it touched an eighth of the modes or
     * more, which then costs about as much and is done in bulk.
     */
    void clear() {
      if (count * 8L >= total.length) {
        Arrays.fill(total, 0);
        Arrays.fill(core, 0);
        Arrays.fill(matched, 0);
        Arrays.fill(exact, false);
        Arrays.fill(field, (byte) 0);
        Arrays.fill(seen, 0);
        if (words != null) {
          Arrays.fill(words, 0);
          Arrays.fill(byField, 0);
        }
      } else {
        for (int t = 0; t < count; t++) {
          int d = touched[t];
          total[d] = 0;
          core[d] = 0;
          matched[d] = 0;
          exact[d] = false;
          field[d] = 0;
          seen[d >> 6] = 0;
          if (words != null) {
            words[d] = 0;
            Arrays.fill(byField, d * FIELDS.length, (d + 1) * FIELDS.length, 0);
          }
        }
      }
      count = 0;
    }

    Scratch(int docs) {
      total = new double[docs];
      core = new double[docs];
      matched = new int[docs];
      exact = new boolean[docs];
      field = new byte[docs];
      full = new double[docs];
      touched = new int[docs];
      seen = new long[(docs + 63) >> 6];
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
   * The scores of one text: the modes that share an exact (not typo-corrected) word with it, in mode order, at most
   * the best {@code max} by score (see {@link #best}). They are kept as arrays, and a mode's words are put in order
   * only when asked (see {@link #words}): most are only weighed.
   */
  final class Scores {
    private final int[] index;
    private final double[] score;
    private final byte[] field;
    private final int[] matched;
    /** Bit i set: the i-th scored word may match the mode; words from the 64th on always may (all bits: unknown). */
    private final long[] mask;
    private final Hits hits;
    private final double routine;
    private final double core;
    private final List<String> used;

    Scores(int[] index, double[] score, byte[] field, int[] matched, long[] mask, Hits hits, double routine,
        double core, List<String> used) {
      this.index = index;
      this.score = score;
      this.field = field;
      this.matched = matched;
      this.mask = mask;
      this.hits = hits;
      this.routine = routine;
      this.core = core;
      this.used = used;
    }

    /** Returns how many modes are kept. */
    int count() {
      return index.length;
    }

    /** Returns the index among the live modes of the {@code k}-th mode kept. */
    int index(int k) {
      return index[k];
    }

    /** Returns the BM25F score of the {@code k}-th mode kept. */
    double score(int k) {
      return score[k];
    }

    /** Returns how many distinct words matched the {@code k}-th mode kept. */
    int matched(int k) {
      return matched[k];
    }

    /** Returns the highest idf of the words that matched the {@code k}-th mode kept. */
    double rarest(int k) {
      return hits.rarest(index[k], mask[k]);
    }

    /** Returns the {@code k}-th mode kept. */
    FailureMode mode(int k) {
      return modes.get(index[k]);
    }

    /** Returns the field that gave the {@code k}-th mode kept the most. */
    Field field(int k) {
      return FIELDS[field[k]];
    }

    /**
     * Returns the words that matched the {@code k}-th mode kept, those that gave the most first, ties alphabetical;
     * each as {@code shown} has it (by the position of the word among those scored, as {@link Hits#shown} gives
     * them), or as scored when {@code shown} is null. The words are put in order only when asked for: most modes
     * kept never make it into a diagnosis.
     */
    List<String> words(int k, String[] shown) {
      return hits.words(index[k], matched[k], mask[k], shown);
    }

    /** Returns the scoring's words and terms, shared by its matches. */
    Hits hits() {
      return hits;
    }

    /** Returns the score of the routine document. */
    double routine() {
      return routine;
    }

    /**
     * Returns the best mode's score from its core fields alone (names, summary, symptoms, mechanisms, detection): the
     * vocabulary of failures, without the narrative of presentations and case studies.
     */
    double core() {
      return core;
    }

    /** Returns the words, in input order, that matched some mode kept. */
    List<String> used() {
      return used;
    }
  }

  /**
   * Scores every mode that shares a word with the passage and returns the best {@code max} of them. Each distinct
   * word counts once; a word given with a factor below 1 (a corrected typo) counts that much less. Over a catalog of
   * more than {@code max} modes, the modes that cannot make the best {@code max} are skipped (see
   * {@link #scorePruned}); the scores are the same.
   */
  Scores score(Map<String, Double> words, int max) {
    return score(words, max, modes.size() > max);
  }

  /** As {@link #score(Map, int)}, skipping the modes that cannot make the best {@code max} or not. */
  Scores score(Map<String, Double> words, int max, boolean prune) {
    String[] hitWord = new String[words.size()];
    int[] hitTerm = new int[words.size()];
    double[] hitWeight = new double[words.size()];
    boolean[] hitExact = new boolean[words.size()];
    int known = 0;
    for (Map.Entry<String, Double> w : words.entrySet()) {
      int term = terms.indexOf(w.getKey());
      if (term < 0) {
        continue;
      }
      hitWord[known] = w.getKey();
      hitTerm[known] = term;
      hitWeight[known] = termIdf[term] * w.getValue();
      // Corrected typos may support a match but not carry it alone, nor count as failure vocabulary.
      hitExact[known] = w.getValue() == 1.0;
      known++;
    }
    Hits hits = known == hitWord.length ? new Hits(hitWord, hitTerm, hitWeight)
        : new Hits(Arrays.copyOf(hitWord, known), Arrays.copyOf(hitTerm, known), Arrays.copyOf(hitWeight, known));
    return prune ? scorePruned(hitWord, hitTerm, hitWeight, hitExact, known, max, hits)
        : scoreAll(hitWord, hitTerm, hitWeight, hitExact, known, max, hits);
  }

  /** Scores every mode the words reach, word by word, then keeps the best {@code max}. */
  private Scores scoreAll(String[] hitWord, int[] hitTerm, double[] hitWeight, boolean[] hitExact, int known,
      int max, Hits hits) {
    Scratch sc = scratch.get();
    if (sc.byField == null) {
      sc.words = new long[sc.total.length];
      sc.byField = new double[sc.total.length * FIELDS.length];
    }
    double[] fieldSums = sc.byField;
    double[] total = sc.total;
    double[] core = sc.core;
    int[] matched = sc.matched;
    boolean[] exactly = sc.exact;
    long[] wordBits = sc.words;
    int[] touched = sc.touched;
    int count = sc.count;
    int fields = FIELDS.length;
    for (int i = 0; i < known; i++) {
      int term = hitTerm[i];
      double weight = hitWeight[i];
      boolean exact = hitExact[i];
      long bit = i < Long.SIZE ? 1L << i : 0; // words from the 64th on are looked up when shown
      for (int k = termStart[term], end = termStart[term + 1]; k < end; k++) {
        int d = postingMode[k];
        if (matched[d] == 0) {
          touched[count++] = d;
        }
        double gain = weight * postingSaturated[k];
        total[d] += gain;
        // Per field, the gains in the order of the words: the same sums as full() makes for pruned scoring.
        fieldSums[d * fields + postingField[k]] += gain;
        wordBits[d] |= bit;
        if (exact) {
          core[d] += weight * postingCore[k];
          exactly[d] = true;
        }
        matched[d]++;
      }
    }
    sc.count = count;
    // The modes worth text evidence: matched by some exact word, not the routine document. Of those, only the best
    // {@code max} by score are kept, in mode order, so that a query's work past the postings does not grow with
    // the thousands of modes its common words reach.
    int[] candidates = new int[sc.count];
    int n = 0;
    double bestCore = 0;
    long usedBits = 0; // bit i set: the i-th word reached some candidate
    // When the words reach at least an eighth of the modes, the modes are walked in order, which costs as much as
    // walking those reached and leaves nothing to sort; otherwise those reached are walked, and sorted after.
    boolean dense = count * 8L >= total.length;
    for (int t = 0, end = dense ? total.length : count; t < end; t++) {
      int d = dense ? t : touched[t];
      if (d != routine && exactly[d]) {
        bestCore = Math.max(bestCore, core[d]);
        candidates[n++] = d;
        usedBits |= wordBits[d];
      }
    }
    int[] kept = dense && n <= max ? (n == candidates.length ? candidates : Arrays.copyOf(candidates, n))
        : best(candidates, n, total, max);
    double[] keptScore = new double[kept.length];
    byte[] keptField = new byte[kept.length];
    int[] keptMatched = new int[kept.length];
    long[] keptMask = new long[kept.length];
    for (int k = 0; k < kept.length; k++) {
      int d = kept[k];
      int from = d * fields;
      int bestField = 0;
      for (int f = 1; f < fields; f++) {
        if (fieldSums[from + f] > fieldSums[from + bestField]) {
          bestField = f;
        }
      }
      keptScore[k] = total[d];
      keptField[k] = (byte) bestField;
      keptMatched[k] = matched[d];
      keptMask[k] = wordBits[d];
    }
    List<String> used = new ArrayList<>();
    if (kept.length > 0) {
      for (int i = 0; i < known; i++) {
        if (i < Long.SIZE) {
          if ((usedBits & 1L << i) != 0) {
            used.add(hitWord[i]);
          }
          continue;
        }
        int term = hitTerm[i];
        for (int k = termStart[term], end = termStart[term + 1]; k < end; k++) {
          if (postingMode[k] != routine && exactly[postingMode[k]]) {
            used.add(hitWord[i]);
            break;
          }
        }
      }
    }
    double routineScore = total[routine];
    sc.clear();
    return new Scores(kept, keptScore, keptField, keptMatched, keptMask, hits, routineScore, bestCore, used);
  }

  /**
   * A little over 1: an upper bound times this is at least the sum it bounds, whatever the order of the additions.
   */
  private static final double ROUNDING = 1 + 1e-9;

  /**
   * Scores the modes the words reach, skipping those that cannot make the best {@code max} (after MaxScore): each
   * word can give a mode at most its weight times its highest saturation. The words' postings are walked from the
   * word with the highest bound down (the rarest words, with the shortest postings), summing partial scores, until
   * the bounds of the words left add up to less than a score that {@code max} modes are known to reach (the lowest
   * full score of {@code max} modes with high partial scores) and scoring in full the modes that could still make it
   * costs less than walking the postings left. A mode none of the walked words reaches cannot make it, nor can one
   * whose partial score and the bounds left fall short, as its words not walked are looked up; the others are
   * scored in full, over all their words in the order given (the same sums as {@link #scoreAll}), and the best
   * {@code max} of them kept. The best core score is kept the same way, with bounds of its own.
   */
  private Scores scorePruned(String[] hitWord, int[] hitTerm, double[] hitWeight, boolean[] hitExact, int known,
      int max, Hits hits) {
    Scratch sc = scratch.get();
    double routineScore = 0;
    Integer[] byBound = new Integer[known];
    double[] bound = new double[known];
    double[] coreBound = new double[known];
    for (int i = 0; i < known; i++) {
      // The routine document is the last of the documents, so the last of any word's postings.
      int last = termStart[hitTerm[i] + 1] - 1;
      if (last >= termStart[hitTerm[i]] && postingMode[last] == routine) {
        routineScore += hitWeight[i] * postingSaturated[last];
      }
      byBound[i] = i;
      bound[i] = hitWeight[i] * termMaxSaturated[hitTerm[i]] * ROUNDING;
      coreBound[i] = hitExact[i] ? hitWeight[i] * termMaxCore[hitTerm[i]] * ROUNDING : 0;
    }
    Arrays.sort(byBound, (a, b) -> Double.compare(bound[b], bound[a]));
    // left[j]: the bounds of the words after the j highest, added up; the same for core bounds.
    double[] left = new double[known + 1];
    double[] coreLeft = new double[known + 1];
    for (int j = known - 1; j >= 0; j--) {
      left[j] = left[j + 1] + bound[byBound[j]];
      coreLeft[j] = coreLeft[j + 1] + coreBound[byBound[j]];
    }
    double reached = Double.NEGATIVE_INFINITY;
    double bestCore = 0;
    int walked = 0;
    int exactTouched = 0;
    int[] cursor = new int[known];
    int[] hitDense = new int[known];
    for (int i = 0; i < known; i++) {
      hitDense[i] = blocksOf(hitTerm[i]);
    }
    double[] full = new double[5];
    long unwalked = 0;
    for (int i = 0; i < known; i++) {
      unwalked += termStart[hitTerm[i] + 1] - termStart[hitTerm[i]];
    }
    int seeded = 0;
    // The modes that could still make the best, once enough words are walked: bit d for mode d.
    long[] could = new long[blocks()];
    boolean couldKnown = false;
    while (walked < known) {
      int i = byBound[walked++];
      int term = hitTerm[i];
      double weight = hitWeight[i];
      boolean exact = hitExact[i];
      unwalked -= termStart[term + 1] - termStart[term];
      long[] seen = sc.seen;
      int[] touched = sc.touched;
      double[] total = sc.total;
      double[] core = sc.core;
      boolean[] exactly = sc.exact;
      int count = sc.count;
      for (int k = termStart[term], end = termStart[term + 1]; k < end; k++) {
        int d = postingMode[k];
        if ((seen[d >> 6] & 1L << d) == 0) {
          touched[count++] = d;
          seen[d >> 6] |= 1L << d;
        }
        total[d] += weight * postingSaturated[k];
        if (exact) {
          core[d] += weight * postingCore[k];
          if (!exactly[d]) {
            exactly[d] = true;
            exactTouched++;
          }
        }
      }
      sc.count = count;
      if (exactTouched < max) {
        continue;
      }
      if (walked < known && enough(sc, walked, left, coreLeft, reached, bestCore, known, unwalked, could)) {
        couldKnown = true;
        break;
      }
      // Partial scores tell the best modes apart once the walked words' bounds are most of the bounds (or all).
      if (seeded < MAX_SEEDINGS && (walked == known || left[walked] <= SEEDING_SHARE * left[0])) {
        // Known to be reached: the lowest full score of max modes with high partial scores (exact ones, not the
        // routine document).
        seeded++;
        int[] seeds = seeds(sc, max);
        if (seeds != null) {
          double lowest = Double.POSITIVE_INFINITY;
          startCursors(cursor, hitTerm, known);
          for (int d : seeds) {
            if (sc.field[d] == 0) {
              full(d, cursor, hitTerm, hitDense, hitWeight, hitExact, known, full);
              scored(sc, d, full);
              bestCore = Math.max(bestCore, full[1]);
            }
            lowest = Math.min(lowest, sc.full[d]);
          }
          reached = Math.max(reached, lowest);
          if (walked < known && enough(sc, walked, left, coreLeft, reached, bestCore, known, unwalked, could)) {
            couldKnown = true;
            break;
          }
        }
      }
    }
    // A mode that no walked word reaches cannot make it; of the others, those whose partial scores and the bounds
    // left could, are scored in full, in mode order. Their full scores replace the partial ones.
    double rest = left[walked];
    double coreRest = coreLeft[walked];
    if (!couldKnown) {
      for (int t = 0; t < sc.count; t++) {
        int d = sc.touched[t];
        if (could(d, sc, rest, coreRest, reached, bestCore)) {
          could[d >> 6] |= 1L << d;
        }
      }
    }
    int[] candidates = new int[sc.count];
    int n = 0;
    startCursors(cursor, hitTerm, known);
    for (int w = 0; w < could.length; w++) {
      next:
      for (long bits = could[w]; bits != 0; bits &= bits - 1) {
        int d = w << 6 | Long.numberOfTrailingZeros(bits);
        if (sc.field[d] != 0) {
          // Scored in full already, as a seed: exact, and its core score counted.
          sc.total[d] = sc.full[d];
          candidates[n++] = d;
          continue;
        }
        // The words not walked first, highest bound first: a mode that falls short with the bounds of the words
        // still to look up is dropped without looking them up.
        double partial = sc.total[d];
        double partialCore = sc.core[d];
        for (int r = walked; r < known; r++) {
          int i = byBound[r];
          int k = find(i, d, cursor, hitTerm, hitDense);
          if (k >= 0) {
            partial += hitWeight[i] * postingSaturated[k];
            if (hitExact[i]) {
              partialCore += hitWeight[i] * postingCore[k];
            }
          }
          if ((partial + left[r + 1]) * ROUNDING < reached && (partialCore + coreLeft[r + 1]) * ROUNDING <= bestCore) {
            continue next;
          }
        }
        full(d, cursor, hitTerm, hitDense, hitWeight, hitExact, known, full);
        if (full[2] != 0) {
          scored(sc, d, full);
          sc.total[d] = full[0];
          bestCore = Math.max(bestCore, full[1]);
          candidates[n++] = d;
        }
      }
    }
    int[] kept = best(candidates, n, sc.total, max);
    double[] keptScore = new double[kept.length];
    byte[] keptField = new byte[kept.length];
    int[] keptMatched = new int[kept.length];
    long[] keptMask = new long[kept.length];
    for (int k = 0; k < kept.length; k++) {
      int d = kept[k];
      keptScore[k] = sc.total[d];
      keptField[k] = (byte) (sc.field[d] - 1);
      keptMatched[k] = sc.matched[d];
      keptMask[k] = -1L;
    }
    sc.clear();
    List<String> used = new ArrayList<>();
    if (kept.length > 0) {
      for (int i = 0; i < known; i++) {
        if (usedWord(i, hitTerm, hitDense, hitExact, known)) {
          used.add(hitWord[i]);
        }
      }
    }
    return new Scores(kept, keptScore, keptField, keptMatched, keptMask, hits, routineScore, bestCore, used);
  }

  /** How many times at most the score known to be reached is worked out afresh, as more words are walked. */
  private static final int MAX_SEEDINGS = 3;

  /** That score is worked out once the bounds of the words left are at most this share of all the words' bounds. */
  private static final double SEEDING_SHARE = 0.6;

  /**
   * Returns {@code max} of the touched modes (exact ones, not the routine document) with the highest partial scores,
   * in mode order, ties in any order; null when fewer are touched.
   */
  private int[] seeds(Scratch sc, int max) {
    double[] heapScore = new double[max];
    int[] heapMode = new int[max];
    int size = 0;
    for (int t = 0; t < sc.count; t++) {
      int d = sc.touched[t];
      if (d == routine || !sc.exact[d] || size == max && sc.total[d] <= heapScore[0]) {
        continue;
      }
      size = offer(heapScore, heapMode, size, max, sc.total[d], d);
    }
    if (size < max) {
      return null;
    }
    Arrays.sort(heapMode);
    return heapMode;
  }

  /**
   * Returns whether enough words are walked: the bounds of the words left cannot lift a mode none of the walked words
   * reached to the score known to be reached (nor to the best core score), and scoring in full the modes that could
   * still make it costs less than walking the postings left. When it returns true, {@code could} has those modes'
   * bits set (see {@link #could}); when false, none.
   */
  private boolean enough(Scratch sc, int walked, double[] left, double[] coreLeft, double reached, double bestCore,
      int known, long unwalked, long[] could) {
    if (left[walked] * ROUNDING >= reached || coreLeft[walked] * ROUNDING > bestCore) {
      return false;
    }
    long budget = unwalked / ((long) known * FULL_COST);
    int count = 0;
    for (int t = 0; t < sc.count && count <= budget; t++) {
      int d = sc.touched[t];
      if (could(d, sc, left[walked], coreLeft[walked], reached, bestCore)) {
        could[d >> 6] |= 1L << d;
        count++;
      }
    }
    if (count > budget) {
      Arrays.fill(could, 0);
      return false;
    }
    return true;
  }

  /** Scoring a mode in full costs about as much, per word, as walking this many postings. */
  private static final int FULL_COST = 4;

  /**
   * Returns whether a mode a walked word reached could still make the best, or give the best core score: not the
   * routine document, and its partial score and the bounds of the words not walked above the score known to be
   * reached (or its core ones above the best core score).
   */
  private boolean could(int d, Scratch sc, double rest, double coreRest, double reached, double bestCore) {
    return d != routine
        && ((sc.total[d] + rest) * ROUNDING >= reached || (sc.core[d] + coreRest) * ROUNDING > bestCore);
  }

  /** Keeps what {@link #full} worked out for a mode: its full score, best field and matched words. */
  private static void scored(Scratch sc, int d, double[] full) {
    sc.full[d] = full[0];
    sc.field[d] = (byte) (full[3] + 1);
    sc.matched[d] = (int) full[4];
  }

  /** Puts each word's cursor at its first posting, for {@link #full}. */
  private void startCursors(int[] cursor, int[] hitTerm, int known) {
    for (int i = 0; i < known; i++) {
      cursor[i] = termStart[hitTerm[i]];
    }
  }

  /**
   * Works out a mode's full score, its core score, whether an exact word reaches it (1 or 0), the field that gave it
   * the most and how many words matched it into {@code out}, summed over all the words in the order given, as
   * {@link #scoreAll} sums them. The words' cursors move forward to the mode: modes must come in
   * mode order between two {@link #startCursors}.
   */
  private void full(int d, int[] cursor, int[] hitTerm, int[] hitDense, double[] hitWeight, boolean[] hitExact,
      int known, double[] out) {
    double total = 0;
    double core = 0;
    double exact = 0;
    int matched = 0;
    double[] byField = new double[FIELDS.length];
    for (int i = 0; i < known; i++) {
      int k = find(i, d, cursor, hitTerm, hitDense);
      if (k >= 0) {
        double gain = hitWeight[i] * postingSaturated[k];
        total += gain;
        byField[postingField[k]] += gain;
        matched++;
        if (hitExact[i]) {
          core += hitWeight[i] * postingCore[k];
          exact = 1;
        }
      }
    }
    int bestField = 0;
    for (int f = 1; f < FIELDS.length; f++) {
      if (byField[f] > byField[bestField]) {
        bestField = f;
      }
    }
    out[0] = total;
    out[1] = core;
    out[2] = exact;
    out[3] = bestField;
    out[4] = matched;
  }

  /**
   * Returns whether word {@code i} reaches a mode that some exact word reaches (so a mode worth text evidence), the
   * routine document aside: any mode it reaches when it is exact itself.
   */
  private boolean usedWord(int i, int[] hitTerm, int[] hitDense, boolean[] hitExact, int known) {
    int start = termStart[hitTerm[i]];
    int stop = termStart[hitTerm[i] + 1];
    if (stop > start && postingMode[stop - 1] == routine) {
      stop--;
    }
    if (hitExact[i] || start == stop) {
      return start < stop;
    }
    int[] at = new int[known];
    for (int j = 0; j < known; j++) {
      at[j] = termStart[hitTerm[j]];
    }
    for (int k = start; k < stop; k++) {
      int d = postingMode[k];
      for (int j = 0; j < known; j++) {
        if (hitExact[j] && find(j, d, at, hitTerm, hitDense) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns the first position from {@code from} before {@code end} whose mode is at least {@code mode}, or
   * {@code end}: galloping, then a binary search.
   */
  private int advance(int from, int end, int mode) {
    if (from >= end || postingMode[from] >= mode) {
      return from;
    }
    // postingMode[lo] < mode throughout.
    int lo = from;
    int step = 1;
    int hi = from + 1;
    while (hi < end && postingMode[hi] < mode) {
      lo = hi;
      step <<= 1;
      hi = lo + step;
    }
    if (hi > end) {
      hi = end;
    }
    // postingMode[lo] < mode, and postingMode[hi] >= mode or hi == end.
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (postingMode[mid] < mode) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** Returns the position of a word's posting for a mode, or a negative number when the mode lacks the word. */
  private int posting(int term, int mode) {
    // A word's postings are in mode order, one per mode.
    return Arrays.binarySearch(postingMode, termStart[term], termStart[term + 1], mode);
  }

  /**
   * Offers a score to a min-heap of the best {@code max} in {@code heapScore[0, size)} (with each one's mode in
   * {@code heapMode}, unless null) and returns the heap's new size: the root is the lowest score kept.
   */
  private static int offer(double[] heapScore, int[] heapMode, int size, int max, double v, int mode) {
    int at;
    if (size < max) {
      at = size++;
      while (at > 0 && heapScore[(at - 1) / 2] > v) {
        heapScore[at] = heapScore[(at - 1) / 2];
        if (heapMode != null) {
          heapMode[at] = heapMode[(at - 1) / 2];
        }
        at = (at - 1) / 2;
      }
    } else if (v > heapScore[0]) {
      at = 0;
      while (true) {
        int child = 2 * at + 1;
        if (child >= max) {
          break;
        }
        if (child + 1 < max && heapScore[child + 1] < heapScore[child]) {
          child++;
        }
        if (heapScore[child] >= v) {
          break;
        }
        heapScore[at] = heapScore[child];
        if (heapMode != null) {
          heapMode[at] = heapMode[child];
        }
        at = child;
      }
    } else {
      return size;
    }
    heapScore[at] = v;
    if (heapMode != null) {
      heapMode[at] = mode;
    }
    return size;
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
        size = offer(heap, null, size, max, score[candidates[i]], 0);
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
