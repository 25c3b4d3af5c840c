package dev.failuremodes.internal.engine;

import dev.failuremodes.Candidate;
import dev.failuremodes.Catalog;
import dev.failuremodes.Evidence;
import dev.failuremodes.EvidenceKind;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Indicator;
import dev.failuremodes.MatchKind;
import dev.failuremodes.PlannedFix;
import dev.failuremodes.Resolution;
import dev.failuremodes.Stage;
import dev.failuremodes.Symptom;
import dev.failuremodes.SymptomMatch;
import dev.failuremodes.Unrecognized;
import dev.failuremodes.signals.Observation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole diagnosis pipeline over one catalog. Each input is read (sentences, passages, the scope of each
 * negation) and turned into evidence through five routes:
 *
 * <ul>
 *   <li><b>exact</b>: an input that is a symptom's or a mode's id, name or alias settles what it means;
 *   <li><b>measured</b>: a metric value ("psi 0.31") against the catalog's signal thresholds, for the symptom or,
 *       on the healthy side, against it;
 *   <li><b>named</b>: a mode's name or alias inside the text ("we suspect data leakage"); under a negation, or when
 *       a negation denies the words of a mode's name ("no drift in the inputs"), against it;
 *   <li><b>symptom</b>: a symptom's name or alias inside the text, through the modes it indicates, weighted by each
 *       indicator's weight and the symptom's specificity; under a negation, against them;
 *   <li><b>text</b>: BM25F over all of each mode's text, field by field ({@link ModeText}), counted only when the
 *       {@link Detector} finds that the words report a failure rather than routine work.
 * </ul>
 *
 * <p>Fusion: per mode, the contributions for it combine by noisy-OR, {@code 1 - Π(1 - c)}, and each contribution
 * against it multiplies that by {@code 1 - c}. Per input and mode, each symptom, name and the text count once (their
 * strongest). A mode is a candidate when it has evidence for it. Immutable
 * and thread-safe once built.
 */
public final class Engine {
  private final Tuning tuning;
  private final SymptomIndex symptoms;
  /**
   * The catalog's metrics, built on the first value read (text without a digit, a symptom id or a name needs none);
   * a field rather than a {@code Once}: a lambda is a class spun at run time.
   */
  private volatile Metrics metrics;
  private final Catalog catalog;
  private final ModeNames names;
  private final ModeText text;
  private final NameWords<FailureMode> modeWords;
  private final NameWords<Symptom> symptomWords;
  private final Ranker ranker;
  /** The catalog's checks: results as evidence, and the checks to run next. */
  private final Checks checks;
  /** For each symptom, the modes it indicates with their weights. */
  private final Map<String, List<Weighted>> modesBySymptom = new HashMap<>();
  /**
   * A symptom's specificity by the number of modes it indicates: 1 for one, less the more modes share it; worked out
   * once.
   */
  private final double[] specificityByCount;
  /** Catalog phrases that contain a negation word, by that word's stem, for the negation reader. */
  private final Map<String, List<List<String>>> negationPhrases = new HashMap<>();
  /** Built on the first input with an unknown word, since inputs that are ids never need it. */
  private volatile Typos typos;
  /** Over the one-word names and aliases, for a one-word input with a typo ("multicolinearity"); built on need. */
  private volatile Typos nameTypos;
  /**
   * Guards the building of the parts built on need (fields rather than {@code Once}s: a lambda is a class spun at
   * run time).
   */
  private final Object typosLock = new Object();

  /** A mode a symptom indicates, with the weight; {@code source} and {@code against} are the symptom's keys. */
  private record Weighted(FailureMode mode, int index, double weight, String source, String against,
      Optional<String> symptom) {}

  private static Weighted w0(List<Weighted> indicated) {
    return indicated.get(0);
  }

  /** The modes that can be candidates (not deprecated), in catalog order; a mode's index is its place here. */
  private final List<FailureMode> liveModes;
  /** Each live mode's index, by id. */
  private final Map<String, Integer> modeIndex = new HashMap<>();

  /**
   * Stems of the words queries have used, as they meet them; bounded, so that it cannot grow without end. The
   * catalog's words are stemmed once while the engine is built, but their stems are not kept by word: most of them
   * never occur in a query, and a query's words are remembered here the first time.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, String> otherStems =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** The most words {@link #otherStems} keeps; beyond it, words are stemmed each time. */
  private static final int MAX_OTHER_STEMS = 20_000;

  /** Returns a word's stem, looked up for words seen before, computed for others. */
  private String stem(String word) {
    String known = otherStems.get(word);
    if (known != null) {
      return known;
    }
    String stem = text.canonical(Text.stem(word));
    if (otherStems.size() < MAX_OTHER_STEMS && word.length() <= MAX_TYPO_WORD) {
      otherStems.putIfAbsent(word, stem);
    }
    return stem;
  }

  /** Corrections of words the catalog does not have ("" for none), as queries meet them; bounded as the stems. */
  private final java.util.concurrent.ConcurrentHashMap<String, String> corrections =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Returns the catalog word a word not in it most likely meant, or null; remembered for words seen before. */
  private String correct(String stem) {
    String known = corrections.get(stem);
    if (known != null) {
      return known.isEmpty() ? null : known;
    }
    String corrected = typos().correct(stem);
    if (corrections.size() < MAX_OTHER_STEMS && stem.length() <= MAX_TYPO_WORD) {
      corrections.putIfAbsent(stem, corrected == null ? "" : corrected);
    }
    return corrected;
  }

  /** Prepares the engine over a catalog with the library's constants; deprecated entries are never candidates. */
  public Engine(Catalog catalog) {
    this(catalog, Tuning.DEFAULT);
  }

  Engine(Catalog catalog, Tuning tuning) {
    this(catalog, tuning, null, new Text.Memo());
  }

  /**
   * Prepares the engine over the bundled catalog, whose JSON has this length and CRC-32: its text index and its
   * names and aliases, read, come from the digest the build made of that JSON (see {@link IndexDigest}); without
   * one for this JSON, the engine is built from the catalog.
   */
  public static Engine bundled(Catalog catalog, long jsonLength, long jsonCrc) {
    IndexDigest.Index index = IndexDigest.readBundled(catalog, jsonLength, jsonCrc);
    return index == null ? new Engine(catalog) : new Engine(catalog, Tuning.DEFAULT, index.text(), index.names());
  }

  /**
   * As above, with the text index given when it was built before (null to build it here), and a memo of the words
   * and names read so far (see {@link Text.Memo}).
   */
  Engine(Catalog catalog, Tuning tuning, ModeText prebuilt, Text.Memo stems) {
    this.tuning = tuning;
    this.fromDigest = prebuilt != null;
    // Each distinct word of the catalog is stemmed once, for all the indexes built here; each stem is one string.
    this.text = prebuilt != null ? prebuilt : ModeText.of(catalog, tuning, stems);
    this.symptoms = new SymptomIndex(catalog.symptoms(), stems, text);
    this.catalog = catalog;
    this.names = new ModeNames(catalog.failureModes(), stems);
    this.liveModes = text.modes();
    for (int i = 0; i < liveModes.size(); i++) {
      modeIndex.put(liveModes.get(i).id(), i);
    }
    this.ranker = new Ranker(liveModes, new FixesOf(catalog), tuning);
    this.checks = new Checks(catalog, liveModes, modeIndex, symptoms, names, tuning);
    Map<FailureMode, List<String>> modeNames = new LinkedHashMap<>();
    for (FailureMode m : catalog.failureModes()) {
      if (m.deprecated()) {
        continue;
      }
      List<String> phrases = new ArrayList<>(List.of(m.id().replace('-', ' '), m.name()));
      phrases.addAll(m.aliases());
      modeNames.put(m, phrases);
      for (Indicator i : m.indicators()) {
        // One pair of keys per symptom, shared by the modes it indicates.
        List<Weighted> indicated = modesBySymptom.get(i.symptom());
        if (indicated == null) {
          indicated = new ArrayList<>();
          modesBySymptom.put(i.symptom(), indicated);
        }
        String source = indicated.isEmpty() ? "+" + i.symptom() : w0(indicated).source;
        String against = indicated.isEmpty() ? "-" + i.symptom() : w0(indicated).against;
        Optional<String> symptom = indicated.isEmpty() ? Optional.of(i.symptom()) : w0(indicated).symptom;
        indicated.add(new Weighted(m, modeIndex.get(m.id()), i.weight(), source, against, symptom));
      }
    }
    for (Map.Entry<String, List<Weighted>> e : modesBySymptom.entrySet()) {
      e.setValue(List.copyOf(e.getValue()));
    }
    int most = 0;
    for (List<Weighted> indicated : modesBySymptom.values()) {
      most = Math.max(most, indicated.size());
    }
    this.specificityByCount = new double[most + 1];
    for (int count = 1; count <= most; count++) {
      specificityByCount[count] = Math.pow(count, -tuning.specificityExponent());
    }
    this.modeWords = new NameWords<>(modeNames, stems);
    Map<Symptom, List<String>> symptomNames = new LinkedHashMap<>();
    for (Symptom s : catalog.symptoms()) {
      if (!s.deprecated()) {
        List<String> phrases = new ArrayList<>(List.of(s.name()));
        phrases.addAll(s.aliases());
        symptomNames.put(s, phrases);
      }
    }
    this.symptomWords = new NameWords<>(symptomNames, stems);
    // The names and aliases that the phrase indexes hold (of live modes and symptoms), as the memo read them: those
    // with a negation word, under each such word. Only whether one occurs around a cue counts, so each list holds a
    // phrase once, in no particular order. While they are filed, a set per word keeps each phrase once in time
    // linear in the catalog's names.
    Map<String, Set<List<String>>> filed = new HashMap<>();
    for (FailureMode m : catalog.failureModes()) {
      if (!m.deprecated()) {
        negationPhrase(m.id(), stems, filed);
        negationPhrase(m.name(), stems, filed);
        for (String alias : m.aliases()) {
          negationPhrase(alias, stems, filed);
        }
      }
    }
    for (Symptom s : catalog.symptoms()) {
      if (!s.deprecated()) {
        negationPhrase(s.name(), stems, filed);
        for (String alias : s.aliases()) {
          negationPhrase(alias, stems, filed);
        }
      }
    }
    for (Map.Entry<String, Set<List<String>>> e : filed.entrySet()) {
      negationPhrases.put(e.getKey(), List.copyOf(e.getValue()));
    }
  }

  /** Files a name's stems under each negation word among them, when it has any (see the constructor). */
  private static void negationPhrase(String name, Text.Memo stems, Map<String, Set<List<String>>> filed) {
    List<String> phrase = stems.tokens(name);
    List<String> shared = null;
    for (int k = 0; k < phrase.size(); k++) {
      String stem = phrase.get(k);
      if (!Analysis.isCue(stem) || phrase.indexOf(stem) < k) {
        continue; // not a negation word, or one filed for this phrase already
      }
      if (shared == null) {
        String[] words = phrase.toArray(new String[0]);
        for (int w = 0; w < words.length; w++) {
          words[w] = stems.intern(words[w]);
        }
        shared = List.of(words);
      }
      String cue = stems.intern(stem);
      Set<List<String>> withCue = filed.get(cue);
      if (withCue == null) {
        withCue = new LinkedHashSet<>();
        filed.put(cue, withCue);
      }
      withCue.add(shared);
    }
  }

  /** A catalog's fixes by id, null for an unknown one: a class rather than a lambda, spun at run time. */
  private static final class FixesOf implements java.util.function.Function<String, dev.failuremodes.Fix> {
    private final Catalog catalog;

    FixesOf(Catalog catalog) {
      this.catalog = catalog;
    }

    @Override
    public dev.failuremodes.Fix apply(String id) {
      return catalog.fix(id).orElse(null);
    }
  }

  /** Whether the text index was read from a digest rather than built here. */
  private final boolean fromDigest;

  /** Returns whether the text index was read from the build's digest rather than built here. For tests. */
  public boolean indexFromDigest() {
    return fromDigest;
  }

  /** Returns the words typos are corrected to, for tests. */
  List<String> vocabularyForTests() {
    return text.vocabulary();
  }

  /**
   * The outcome of a diagnosis, in the shapes of the public API. The fix plan is made when first asked for: callers
   * that only rank (an assertion, an alert's top cause) do not pay for it.
   */
  public static final class Result {
    private final List<Resolution> resolutions;
    private final List<Unrecognized> unrecognized;
    private final List<Candidate> candidates;
    private final List<String> notes;
    private final Ranker ranker;
    private volatile List<PlannedFix> plan;

    Result(List<Resolution> resolutions, List<Unrecognized> unrecognized, List<Candidate> candidates,
        List<String> notes, Ranker ranker) {
      this.resolutions = resolutions;
      this.unrecognized = unrecognized;
      this.candidates = candidates;
      this.notes = notes;
      this.ranker = ranker;
    }

    /** What each input was read as, in input order. */
    public List<Resolution> resolutions() {
      return resolutions;
    }

    /** The inputs read as nothing, with suggestions. */
    public List<Unrecognized> unrecognized() {
      return unrecognized;
    }

    /** The ranked candidates. */
    public List<Candidate> candidates() {
      return candidates;
    }

    /** What the reading had to leave out, in words. */
    public List<String> notes() {
      return notes;
    }

    /** The fix plan for the candidates, made on the first call (racing threads make equal plans). */
    public List<PlannedFix> plan() {
      List<PlannedFix> p = plan;
      if (p == null) {
        p = List.copyOf(ranker.plan(candidates));
        plan = p;
      }
      return p;
    }
  }

  /**
   * The most characters of one text input that are read: about a second of work. The rest is not read, and the
   * diagnosis says so in a note.
   */
  public static final int MAX_INPUT_LENGTH = 1 << 20;

  /**
   * What one input gave.
   *
   * @param resolution what it was read as
   * @param evidence its evidence other than from its words, each for or against one mode, with the source it counts
   *     once for
   * @param signals what its words show, for the report detector; null when it was read exactly
   * @param precise whether it gave precise evidence for some mode: a symptom or name found in it, or a measured
   *     value beyond a threshold; its words then count without the detector's judgement
   * @param text its evidence from words, one piece for each mode its words reach, after {@code evidence}; null for
   *     none
   */
  record Reading(Resolution resolution, List<Item> evidence, Detector.Signals signals, boolean precise,
      TextEvidence text) {
    Reading(Resolution resolution, List<Item> evidence, Detector.Signals signals, boolean precise) {
      this(resolution, evidence, signals, precise, null);
    }
  }

  /**
   * An input's evidence from words: for each mode its words reach, what the match gives it. It is kept as arrays, and
   * an {@link Item} is made only for a mode that is ranked among the candidates shown: most of the modes an input's
   * words reach are not.
   */
  static final class TextEvidence {
    private final String input;
    private final ModeText.Scores scores;
    private final String[] shown;
    private final double weight;
    /** By piece, the place of its mode among the scores' modes. */
    private final int[] matches;
    private final double[] confidence;
    private final double[] contribution;
    private int count;

    TextEvidence(String input, ModeText.Scores scores, String[] shown, double weight) {
      this.input = input;
      this.scores = scores;
      this.shown = shown;
      this.weight = weight;
      this.matches = new int[scores.count()];
      this.confidence = new double[scores.count()];
      this.contribution = new double[scores.count()];
    }

    /** Adds the {@code k}-th of the scores' modes with {@code confidence}. */
    void add(int k, double confidence) {
      matches[count] = k;
      this.confidence[count] = confidence;
      contribution[count] = round(weight * confidence);
      count++;
    }

    int count() {
      return count;
    }

    /** Returns the index of the mode of piece {@code k}. */
    int mode(int k) {
      return scores.index(matches[k]);
    }

    double contribution(int k) {
      return contribution[k];
    }

    /** Returns piece {@code k} as an item. */
    Item item(int k) {
      return new Item(input, scores, matches[k], shown, weight, confidence[k], contribution[k]);
    }
  }

  /**
   * One piece of evidence for or against one mode; {@code source} names what it may count once for. Its score
   * arithmetic is known at once; the {@link Evidence} itself is built only when its mode is ranked, since most modes
   * an input touches never make it into a diagnosis.
   */
  static final class Item {
    private final FailureMode mode;
    private final int index;
    private final String source;
    private final boolean against;
    private final double contribution;
    private final String symptom;
    private final String feature;
    private Evidence evidence;
    // Text evidence is kept as its parts until it is shown: most of it only weighs in the ranking.
    private final ModeText.Scores scores;
    /** The place of the mode among the scores' modes. */
    private final int place;
    private final String input;
    private final String[] shown;
    private final double weight;
    private final double confidence;

    Item(FailureMode mode, int index, String source, Evidence evidence, String feature) {
      this.mode = mode;
      this.index = index;
      this.source = source;
      this.against = evidence.against();
      this.contribution = evidence.contribution();
      this.symptom = evidence.symptom().orElse(null);
      this.feature = feature;
      this.evidence = evidence;
      this.scores = null;
      this.place = -1;
      this.input = null;
      this.shown = null;
      this.weight = 0;
      this.confidence = 0;
    }

    /**
     * Text evidence: what the words give the mode at {@code place} among {@code scores}' modes, read from {@code
     * input}, with {@code confidence} and {@code contribution} (as {@link TextEvidence} weighed it); its words are
     * shown as {@code shown} has them (see {@link ModeText.Scores#words(int, String[])}).
     */
    Item(String input, ModeText.Scores scores, int place, String[] shown, double weight, double confidence,
        double contribution) {
      this.index = scores.index(place);
      this.mode = scores.mode(place);
      this.source = "text";
      this.against = false;
      this.contribution = contribution;
      this.symptom = null;
      this.feature = null;
      this.scores = scores;
      this.place = place;
      this.input = input;
      this.shown = shown;
      this.weight = weight;
      this.confidence = confidence;
    }

    FailureMode mode() {
      return mode;
    }

    /** Returns the mode's index among the live modes. */
    int index() {
      return index;
    }

    String source() {
      return source;
    }

    boolean against() {
      return against;
    }

    double contribution() {
      return contribution;
    }

    /** Returns the symptom's id, for symptom and measured evidence; null otherwise. */
    String symptom() {
      return symptom;
    }

    /** Returns what a measured value was measured on ("" for nothing named); null for evidence from words. */
    String feature() {
      return feature;
    }

    /** True for a healthy value's evidence against a symptom; {@link #feature} then names what it was measured on. */
    boolean healthy() {
      return feature != null && against;
    }

    /** Returns the evidence, building it on first use. */
    Evidence evidence() {
      if (evidence == null) {
        evidence = new Evidence(input, EvidenceKind.TEXT, false, Optional.empty(), scores.field(place).shown,
            scores.words(place, shown), "", weight, confidence, contribution);
      }
      return evidence;
    }
  }

  /** A candidate's evidence, in the order ranked, made from its items when first read. */
  private static final class Shown extends dev.failuremodes.internal.MadeOnRead<Evidence> {
    private final Item[] items;

    Shown(Item[] items) {
      super(items.length);
      this.items = items;
    }

    @Override
    protected Evidence[] make() {
      Evidence[] out = new Evidence[items.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = items[i].evidence();
      }
      return out;
    }
  }

  /**
   * One mode's evidence in a diagnosis, in the order found; per input and mode, each source counts once: its
   * strongest piece (the first among equals).
   */
  private static final class Slot {
    final int mode;
    final List<Item> items = new ArrayList<>(4);
    private int[] inputs = new int[4];

    Slot(int mode) {
      this.mode = mode;
    }

    void add(int input, Item item) {
      for (int k = 0; k < items.size(); k++) {
        if (inputs[k] == input && items.get(k).source().equals(item.source())) {
          if (item.contribution() > items.get(k).contribution()) {
            items.set(k, item);
          }
          return;
        }
      }
      if (items.size() == inputs.length) {
        inputs = java.util.Arrays.copyOf(inputs, inputs.length * 2);
      }
      inputs[items.size()] = input;
      items.add(item);
    }
  }

  /**
   * The modes a diagnosis's evidence reaches, each with its evidence in the order found: per input, the pieces read
   * as symptoms, names and values, then the one from its words. A mode that only words have reached is kept as the
   * product of its pieces' misses (the arithmetic of {@link Engine#rank} over a slot) and a chain of its pieces, made
   * into items only when it is shown; when other evidence reaches it, it gets a slot, with its pieces so far first.
   */
  private final class Gathered {
    private final List<Reading> readings;
    private final int[] same;
    /** The slots, in the order made. */
    final List<Slot> touched = new ArrayList<>();
    // Where each mode reached is held: 1 + the place of its slot among the slots, or -(1 + its place among the modes
    // only words reached); 0 for a mode not reached. In an array by mode over a catalog of up to DIRECT_MODES modes,
    // in a map over a larger one, so that a query's work does not grow with the catalog.
    private final int[] where;
    private final Map<Integer, Integer> whereMap;
    // Made for the first piece from words: a query of ids or values has none.
    /** The modes only words reached, by place; -1 for one given a slot since. */
    int[] wordMode;
    /** By place: the product of 1 − contribution over the mode's pieces, in the order found. */
    double[] wordMiss;
    private int[] firstPiece;
    private int[] lastPiece;
    /** How many places are taken. */
    int wordModes;
    // The pieces: the reading and its piece, and the next piece of the same mode (-1 for none).
    private int pieces;
    private int[] pieceReading;
    private int[] pieceIndex;
    private int[] nextPiece;

    Gathered(List<Reading> readings, int[] same) {
      this.readings = readings;
      this.same = same;
      this.where = liveModes.size() <= directModes ? new int[liveModes.size()] : null;
      this.whereMap = where == null ? new HashMap<>() : null;
    }

    private int where(int mode) {
      if (where != null) {
        return where[mode];
      }
      Integer w = whereMap.get(mode);
      return w == null ? 0 : w;
    }

    private void where(int mode, int w) {
      if (where != null) {
        where[mode] = w;
      } else {
        whereMap.put(mode, w);
      }
    }

    /** Returns the mode's slot, made (with the pieces only words gave it so far) when it has none. */
    Slot slot(int mode) {
      int w = where(mode);
      if (w > 0) {
        return touched.get(w - 1);
      }
      Slot slot = new Slot(mode);
      touched.add(slot);
      where(mode, touched.size());
      if (w < 0) {
        int at = -w - 1;
        for (int p = firstPiece[at]; p >= 0; p = nextPiece[p]) {
          slot.add(same[pieceReading[p]], readings.get(pieceReading[p]).text().item(pieceIndex[p]));
        }
        wordMode[at] = -1;
      }
      return slot;
    }

    /** Adds the evidence from reading {@code i}'s words ({@code text}, which is {@code readings.get(i).text()}). */
    void text(int i, TextEvidence text) {
      if (wordMode == null) {
        // As many as the readings have pieces: the arrays never grow.
        int most = 0;
        for (Reading r : readings) {
          most += r.text() == null ? 0 : r.text().count();
        }
        wordMode = new int[most];
        wordMiss = new double[most];
        firstPiece = new int[most];
        lastPiece = new int[most];
        pieceReading = new int[most];
        pieceIndex = new int[most];
        nextPiece = new int[most];
      }
      for (int k = 0; k < text.count(); k++) {
        int mode = text.mode(k);
        int w = where(mode);
        if (w > 0 || same[i] != i) {
          slot(mode).add(same[i], text.item(k)); // a repeated input's pieces are weighed against the first's
          continue;
        }
        int at = -w - 1;
        if (w == 0) {
          at = wordModes++;
          wordMode[at] = mode;
          wordMiss[at] = 1.0;
          firstPiece[at] = -1;
          where(mode, -(at + 1));
        }
        wordMiss[at] *= 1.0 - text.contribution(k);
        pieceReading[pieces] = i;
        pieceIndex[pieces] = k;
        nextPiece[pieces] = -1;
        if (firstPiece[at] < 0) {
          firstPiece[at] = pieces;
        } else {
          nextPiece[lastPiece[at]] = pieces;
        }
        lastPiece[at] = pieces;
        pieces++;
      }
    }

    /** Returns as items, in the order found, the pieces of the mode at place {@code at} of those only words reached. */
    List<Item> wordItems(int at) {
      List<Item> out = new ArrayList<>(2);
      for (int p = firstPiece[at]; p >= 0; p = nextPiece[p]) {
        out.add(readings.get(pieceReading[p]).text().item(pieceIndex[p]));
      }
      return out;
    }
  }

  /**
   * One input to a diagnosis: text, a measured value, or a symptom a tool report found, with how it is shown.
   *
   * @param display the input as shown in the diagnosis
   * @param text the text to read, or null
   * @param observation the measured value, or null
   * @param symptom the id of a symptom a report found, or null
   */
  public record Input(String display, String text, Observation observation, String symptom, String feature) {
    /** Returns a text input, shown as itself. */
    public static Input text(String text) {
      return text(text, text);
    }

    /** Returns a text input, shown as {@code display}. */
    public static Input text(String display, String text) {
      return new Input(display, text, null, null, null);
    }

    /** Returns a measured value, shown as the observation prints. */
    public static Input of(Observation observation) {
      return of(observation.toString(), observation);
    }

    /** Returns a measured value, shown as {@code display}. */
    public static Input of(String display, Observation observation) {
      return new Input(display, null, observation, null, null);
    }

    /**
     * Returns a symptom found by a tool, shown as the finding; {@code feature} is what it was found on, or null. A
     * tool's finding counts as that symptom crossing its threshold, so healthy values of it on other features do not
     * count against it.
     */
    public static Input symptom(String display, String symptomId, String feature) {
      return new Input(display, null, null, symptomId, feature);
    }

    /** Returns a finding that names nothing the catalog knows: it is listed as unrecognised. */
    public static Input unknown(String display) {
      return new Input(display, null, null, null, null);
    }
  }

  /** Up to this many inputs, an input given twice is found by comparing each with those before it. */
  private static final int FEW_INPUTS = 8;
  /** Up to this many live modes, a query finds where a mode's evidence is in an array by mode, made for the query. */
  static final int DIRECT_MODES = 1024;
  /** {@link #DIRECT_MODES}, unless a test sends the bundled catalog's queries down the other way. */
  private int directModes = DIRECT_MODES;

  /** Makes queries find a mode's evidence in an array only up to {@code modes} live modes; for tests. */
  void directModesForTests(int modes) {
    directModes = modes;
  }

  /** Diagnoses text inputs with no threshold overrides. */
  public Result diagnose(List<String> inputs, Set<Stage> stages, double minScore, int limit) {
    List<Input> list = new ArrayList<>();
    inputs.forEach(t -> list.add(Input.text(t)));
    return diagnose(list, Map.of(), stages, minScore, limit);
  }

  /**
   * Returns the id of the metric a name or alias names; empty when the catalog has no such metric.
   */
  public Optional<String> metricId(String name) {
    return metrics().resolve(name);
  }

  /** Returns up to three metric ids near an unknown metric name. */
  public List<String> suggestMetrics(String name) {
    return metrics().suggest(name);
  }

  /** Returns the catalog's checks: how results read, and which checks to run next. */
  public Checks checks() {
    return checks;
  }

  /** Adds the evidence of a symptom given as a result, for or against the modes it indicates. */
  void resultEvidence(String display, String symptomId, boolean against, List<Item> items) {
    symptoms.exact(symptomId).ifPresent(m -> symptom(display, m, against, "", List.of(), against ? null : "", items));
  }

  /**
   * Diagnoses the inputs.
   *
   * @param thresholds per metric id, a threshold that replaces the catalog's for this query
   */
  public Result diagnose(List<Input> inputs, Map<String, Double> thresholds, Set<Stage> stages, double minScore,
      int limit) {
    return diagnose(inputs, Answers.NONE, thresholds, stages, minScore, limit);
  }

  /**
   * Diagnoses the inputs with results given: check outcomes, symptoms confirmed or ruled out, modes ruled out (those
   * are no candidates).
   *
   * @param thresholds per metric id, a threshold that replaces the catalog's for this query
   */
  public Result diagnose(List<Input> inputs, Answers answers, Map<String, Double> thresholds, Set<Stage> stages,
      double minScore, int limit) {
    List<Resolution> resolutions = new ArrayList<>(inputs.size() + answers.list().size() + 1);
    List<Unrecognized> unrecognized = new ArrayList<>(2);
    List<Observation> observations = new ArrayList<>(2);
    List<Reading> readings = new ArrayList<>(inputs.size() + answers.list().size() + 1);
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Input in = inputs.get(i);
      Reading reading;
      if (in.observation() != null) {
        Observation o = in.observation();
        observations.add(o);
        List<Value> values = new ArrayList<>(List.of(value(o)));
        if (o.reference().isPresent()) {
          values.addAll(changes(values.get(0).metric(), o.value(), o.reference().getAsDouble(),
              o.feature().orElse(null), o.source().orElse(null)));
        }
        reading = measure(in.display(), values, thresholds);
      } else if (in.symptom() != null) {
        reading = found(in.display(), in.symptom(), in.feature());
      } else if (in.text() != null) {
        String text = in.text();
        if (text.length() > MAX_INPUT_LENGTH) {
          int cut = MAX_INPUT_LENGTH;
          while (cut > MAX_INPUT_LENGTH / 2 && !Character.isWhitespace(text.charAt(cut))) {
            cut--; // end on a word boundary when there is one nearby
          }
          if (cut == MAX_INPUT_LENGTH / 2) {
            cut = MAX_INPUT_LENGTH;
          }
          notes.add(String.format(Locale.ROOT, "Input %d is %,d characters; only the first %,d were read (the limit"
              + " per input is %,d characters); pass the part that describes the failure, or split it.", i + 1,
              text.length(), cut, MAX_INPUT_LENGTH));
          text = text.substring(0, cut);
        }
        reading = read(in.display(), text, thresholds);
      } else {
        reading = read(in.display(), "", thresholds); // a finding that names nothing the catalog knows
      }
      readings.add(reading);
      resolutions.add(reading.resolution());
      if (!reading.resolution().recognized()) {
        List<String> suggestions = in.observation() != null ? metrics().suggest(in.observation().metric())
            : in.text() == null || in.text().isBlank() ? List.of() : suggest(in.text());
        unrecognized.add(new Unrecognized(in.display(), suggestions));
      }
    }
    // Results given (check outcomes, symptoms confirmed or ruled out, modes ruled out), each read as one more input.
    for (Answers.Answer a : answers.list()) {
      Reading reading = checks.read(a, this);
      readings.add(reading);
      resolutions.add(reading.resolution());
    }
    // Values that only mean something together: a training score beside a held-out one is a gap.
    List<Value> derived = derived(observations);
    if (!derived.isEmpty()) {
      Reading reading = measure("derived from " + new HashSet<>(observations).size() + " observations", derived, thresholds);
      readings.add(reading);
      resolutions.add(reading.resolution());
    }
    // A value measured over its threshold on one feature, or a symptom a tool reports, is not contradicted by a
    // healthy value on another feature: drift in one column is drift. A healthy value counts against a symptom only
    // where every crossing of that symptom is on the same named feature (two tests that disagree) or where nothing
    // crossed it. (Symptoms read from words do not count as crossings: a healthy measurement weighs against a vague
    // sentence.)
    Map<String, Set<String>> crossedOn = null; // made for the first crossing: most queries measure nothing
    for (Reading reading : readings) {
      for (Item item : reading.evidence()) {
        if (item.feature() != null && !item.against()) {
          if (crossedOn == null) {
            crossedOn = new HashMap<>();
          }
          Set<String> on = crossedOn.get(item.symptom());
          if (on == null) {
            on = new HashSet<>();
            crossedOn.put(item.symptom(), on);
          }
          on.add(item.feature());
        }
      }
    }
    // Per mode, its pieces of evidence in the order found; per input and mode, each source counts once: its
    // strongest piece (the first among equals).
    // Only the modes the inputs reach are held, so that a query's work does not grow with the catalog.
    // An input given twice is one input: both copies are read and resolved, but their evidence counts once.
    int[] same = new int[readings.size()];
    Map<Input, Integer> firstOf = inputs.size() > FEW_INPUTS ? new HashMap<>() : null;
    for (int i = 0; i < readings.size(); i++) {
      same[i] = i;
      if (i >= inputs.size()) {
        continue;
      }
      if (firstOf != null) {
        Integer first = firstOf.putIfAbsent(inputs.get(i), i);
        same[i] = first == null ? i : first;
      } else {
        for (int j = 0; j < i; j++) {
          if (inputs.get(j).equals(inputs.get(i))) {
            same[i] = j;
            break;
          }
        }
      }
    }
    Gathered gathered = new Gathered(readings, same);
    for (int i = 0; i < readings.size(); i++) {
      for (Item item : readings.get(i).evidence()) {
        if (item.healthy()) {
          Set<String> crossed = crossedOn == null ? Set.of() : crossedOn.getOrDefault(item.symptom(), Set.of());
          if (!crossed.isEmpty() && (item.feature().isEmpty() || !crossed.equals(Set.of(item.feature())))) {
            continue; // shown in the reading's measurements, but no evidence against a symptom seen elsewhere
          }
        }
        gathered.slot(item.index()).add(same[i], item);
      }
      if (readings.get(i).text() != null) {
        gathered.text(i, readings.get(i).text());
      }
    }
    List<Slot> touched = gathered.touched;
    if (!answers.isEmpty()) {
      List<List<Item>> lists = new ArrayList<>(touched.size());
      for (Slot slot : touched) {
        lists.add(slot.items);
      }
      checks.dropUnsupported(lists);
    }
    List<Candidate> candidates = rank(gathered, stages, checks.ruledOut(answers), minScore, limit);
    if (!answers.isEmpty()) {
      candidates = checks.explain(candidates);
    }
    return new Result(resolutions, unrecognized, candidates, notes, ranker);
  }

  /** Reads text with the catalog's thresholds, for tools that need an input's reading. */
  Reading read(String input) {
    return read(input, input, Map.of());
  }

  /**
   * A value of a metric to read against the rules, from an observation, from text or derived from others.
   *
   * @param metric the metric's id, or the name as given when the catalog does not know it (then it matches no rule)
   * @param value the value
   * @param threshold a threshold given with the value in text ("0.31 (threshold 0.2)"), or null
   * @param feature the feature, or null
   * @param source where it came from, or null
   */
  record Value(String metric, double value, Double threshold, String feature, String source) {}

  private Value value(Observation o) {
    String id = metrics().resolve(o.metric()).orElse(o.metric());
    return new Value(id, o.value(), o.threshold().isPresent() ? o.threshold().getAsDouble() : null,
        o.feature().orElse(null), o.source().orElse(null));
  }

  /**
   * Returns the values that observations imply together: a training score and a held-out score give {@code
   * train-test-gap}; a validation and an online score {@code offline-online-gap}. (A value against its own
   * reference gives its change in its own reading; see {@link #changes}.)
   */
  private List<Value> derived(List<Observation> observations) {
    // Several values of one metric (folds, reruns, a value given twice) count as their mean, so that neither their
    // order nor a repeated one changes the gap. A test score is the held-out score when there is one, else the
    // validation score.
    double[][] values = new double[4][];
    int[] count = new int[4];
    for (Observation o : observations) {
      int k = switch (metrics().resolve(o.metric()).orElse("")) {
        case "train-score" -> 0;
        case "validation-score" -> 1;
        case "test-score" -> 2;
        case "online-score" -> 3;
        default -> -1;
      };
      if (k >= 0) {
        if (values[k] == null || values[k].length == count[k]) {
          values[k] = values[k] == null ? new double[2] : java.util.Arrays.copyOf(values[k], count[k] * 2);
        }
        values[k][count[k]++] = o.value();
      }
    }
    double[] sum = new double[4];
    for (int k = 0; k < 4; k++) {
      if (count[k] > 0) {
        java.util.Arrays.sort(values[k], 0, count[k]); // summed in one order whatever the inputs' order
        for (int j = 0; j < count[k]; j++) {
          sum[k] += values[k][j];
        }
      }
    }
    List<Value> out = new ArrayList<>();
    int heldOut = count[2] > 0 ? 2 : 1;
    if (count[0] > 0 && count[heldOut] > 0) {
      out.add(new Value("train-test-gap", sum[0] / count[0] - sum[heldOut] / count[heldOut], null, null, null));
    }
    if (count[1] > 0 && count[3] > 0) {
      out.add(new Value("offline-online-gap", sum[1] / count[1] - sum[3] / count[3], null, null, null));
    }
    return out;
  }

  /** Returns what a value against its reference implies, for the metrics where a change means something. */
  private static List<Value> changes(String id, double value, double reference, String feature, String source) {
    return switch (id) {
      case "score", "validation-score", "test-score", "online-score" ->
          List.of(new Value("score-drop", reference - value, null, feature, source));
      case "missing-rate" -> List.of(new Value("missing-rate-change", value - reference, null, feature, source));
      case "class-prevalence" ->
          List.of(new Value("class-prevalence-change", Math.abs(value - reference), null, feature, source));
      default -> List.of();
    };
  }

  /** Reads values against the rules: measured evidence for each symptom whose threshold they cross or not. */
  private Reading measure(String display, List<Value> values, Map<String, Double> thresholds) {
    List<Item> items = new ArrayList<>();
    Map<String, SymptomMatch> matches = new LinkedHashMap<>();
    Map<String, SymptomMatch> ruledOut = new LinkedHashMap<>();
    List<String> measured = new ArrayList<>();
    measure(display, values, thresholds, items, matches, ruledOut, measured);
    return new Reading(new Resolution(display, new ArrayList<>(matches.values()), List.of(),
        new ArrayList<>(ruledOut.values()), List.of(), List.of(), measured), items, null, !matches.isEmpty());
  }

  private void measure(String display, List<Value> values, Map<String, Double> thresholds, List<Item> items,
      Map<String, SymptomMatch> matches, Map<String, SymptomMatch> ruledOut, List<String> measured) {
    for (Value v : values) {
      List<Metrics.Rule> rules = metrics().rules(v.metric());
      if (rules.isEmpty() && metrics().metric(v.metric()).isPresent()) {
        // A known metric with no rule of its own (a training score): read, and used with others it implies a gap.
        String detail = v.metric() + " " + format(v.value()) + (v.feature() == null ? "" : " on " + v.feature())
            + ", no threshold of its own";
        if (!measured.contains(detail)) {
          measured.add(detail);
        }
      }
      for (Metrics.Rule rule : rules) {
        double threshold = v.threshold() != null ? v.threshold()
            : thresholds.getOrDefault(v.metric(), rule.signal().threshold());
        boolean crossed = rule.signal().comparator().test(v.value(), threshold);
        SymptomMatch m = new SymptomMatch(rule.symptom(), tuning.measuredConfidence(), MatchKind.SIGNAL);
        String detail = describe(v, rule.signal().comparator().symbol(), threshold, crossed);
        symptom(display, m, !crossed, detail, List.of(), v.feature() == null ? "" : v.feature(), items);
        if (!measured.contains(detail)) {
          measured.add(detail);
        }
        keepStronger(crossed ? matches : ruledOut, m);
      }
    }
  }

  /** Reads a symptom that a tool report found, shown as the finding. */
  private Reading found(String display, String symptomId, String feature) {
    List<Item> items = new ArrayList<>();
    Optional<SymptomMatch> match = symptoms.exact(symptomId);
    if (match.isEmpty()) {
      return new Reading(new Resolution(display, List.of(), List.of(), List.of(), List.of(), List.of()), items, null,
          false);
    }
    symptom(display, match.get(), false, "", List.of(), feature == null ? "" : feature, items);
    return new Reading(new Resolution(display, List.of(match.get()), List.of(), List.of(), List.of(), List.of()),
        items, null, true);
  }

  /** Reads one input into what it was read as and its evidence, shown as {@code display}. */
  Reading read(String display, String input, Map<String, Double> thresholds) {
    ArrayList<Item> items = new ArrayList<>();
    if (input.isBlank()) {
      return new Reading(new Resolution(display, List.of(), List.of(), List.of(), List.of(), List.of()), items, null,
          false);
    }
    SymptomMatch exactSymptom = symptoms.exactAsGiven(input);
    String word = exactSymptom == null ? Text.normalize(input) : null;
    if (exactSymptom == null) {
      exactSymptom = symptoms.exactNormalized(word);
    }
    if (exactSymptom != null) {
      symptom(display, exactSymptom, false, "", List.of(), items);
      return new Reading(new Resolution(display, List.of(exactSymptom), List.of(), List.of(), List.of(), List.of()),
          items, null, true);
    }
    FailureMode exactMode = names.exactNormalized(word);
    if (exactMode != null) {
      named(display, exactMode, false, 1.0, List.of(input.trim()), items);
      return new Reading(new Resolution(display, List.of(), List.of(exactMode), List.of(), List.of(), List.of()), items,
          null, true);
    }
    if (!word.isEmpty() && word.indexOf(' ') < 0 && word.length() <= MAX_TYPO_WORD) {
      // One word that is no name: most likely a misspelt one, read as that name with a typo's confidence.
      String corrected = nameTypos().correct(word);
      if (corrected != null) {
        Optional<SymptomMatch> symptom = symptoms.exact(corrected);
        if (symptom.isPresent()) {
          SymptomMatch m = new SymptomMatch(symptom.get().symptom(), tuning.typoFactor(), symptom.get().kind());
          symptom(display, m, false, "", List.of(corrected), items);
          return new Reading(new Resolution(display, List.of(m), List.of(), List.of(), List.of(), List.of()), items,
              null, true);
        }
        FailureMode mode = names.exact(corrected);
        if (mode != null) {
          named(display, mode, false, tuning.typoFactor(), List.of(corrected), items);
          return new Reading(new Resolution(display, List.of(), List.of(mode), List.of(), List.of(), List.of()), items,
              null, true);
        }
      }
    }
    Map<String, SymptomMatch> matches = new LinkedHashMap<>();
    Map<String, SymptomMatch> ruledOut = new LinkedHashMap<>();
    List<FailureMode> named = new ArrayList<>();
    List<FailureMode> negated = new ArrayList<>();
    List<String> content = new ArrayList<>();
    Set<String> denied = new LinkedHashSet<>();
    Set<String> outright = new LinkedHashSet<>();
    Map<String, String> rawByStem = new HashMap<>();
    boolean problem = false;
    boolean contrast = false;
    boolean numberChange = false;
    boolean negation = false;
    Analysis analysis = Analysis.of(input, negationPhrases, tuning.passageWords(), stemmer);
    // A name or a symptom found in a long text is one phrase among many: it counts in proportion to how much of the
    // text one passage is, fully in an input of up to one passage.
    double inText = Math.min(1.0, (double) tuning.passageWords() / Math.max(1, analysis.contentWords()));
    List<Value> values = new ArrayList<>();
    Double train = null;
    Double heldOut = null;
    boolean lowerIsBetter = false;
    for (Analysis.Passage passage : analysis.passages()) {
      if (passage.first()) {
        // A value is a number, which has an ASCII digit: text without one mentions none.
        List<Mentions.Mention> mentions = Text.hasAsciiDigit(passage.raw()) ? Mentions.read(passage.raw(), metrics())
            : List.of();
        for (Mentions.Mention m : mentions) {
          if (m.metric() != null) {
            values.add(new Value(m.metric(), m.value(), m.threshold(), m.feature(), null));
            if (m.reference() != null) {
              values.addAll(changes(m.metric(), m.value(), m.reference(), m.feature(), null));
            }
          }
          // "training accuracy 99% validation 70%": a score on training data and one on held-out data.
          boolean isTrain = "train-score".equals(m.metric()) || (m.metric() == null || m.metric().equals("score"))
              && Mentions.training(m.words());
          boolean isHeldOut = !isTrain && ("validation-score".equals(m.metric()) || "test-score".equals(m.metric())
              || (m.metric() == null || m.metric().equals("score")) && Mentions.heldOut(m.words()));
          if (isTrain && train == null) {
            train = m.value();
          } else if (isHeldOut && heldOut == null) {
            heldOut = m.value();
          }
          lowerIsBetter |= (isTrain || isHeldOut) && Mentions.lowerIsBetter(m.words());
        }
      }
      int namedWords = 0;
      Set<String> found = Set.of(); // the stems of the names and symptoms found whole
      for (Phrases.Occurrence<FailureMode> o : names.find(passage)) {
        if (found.isEmpty()) {
          found = new HashSet<>();
        }
        found.addAll(o.stems());
        named(display, o.value(), o.negated(), inText, List.of(o.words()), items);
        List<FailureMode> into = o.negated() ? negated : named;
        if (!into.contains(o.value())) {
          into.add(o.value());
        }
        namedWords += o.length();
      }
      if (namedWords > 0 && namedWords >= passage.affirmed().size() + passage.negated().size()) {
        continue; // "data leakage" names a cause and describes nothing else; word overlaps would only add noise
      }
      for (Phrases.Occurrence<Symptom> o : symptoms.find(passage)) {
        if (found.isEmpty()) {
          found = new HashSet<>();
        }
        found.addAll(o.stems());
        SymptomMatch m = new SymptomMatch(o.value(), round(inText), MatchKind.PHRASE);
        if (o.negated()) {
          symptom(display, m, true, "", List.of(o.words()), items);
          keepStronger(ruledOut, m);
        } else if (!ruledOut.containsKey(o.value().id())) {
          symptom(display, m, false, "", List.of(o.words()), items);
          keepStronger(matches, m);
        }
      }
      numberChange |= passage.numberChange();
      boolean deniedPrivative = false;
      for (Analysis.Word w : passage.words()) {
        rawByStem.putIfAbsent(w.stem(), w.raw());
        contrast |= Cues.CONTRAST.contains(w.raw());
        if (w.stop() || w.cue()) {
          negation |= w.cue() && !w.stop();
          continue;
        }
        problem |= !w.negated() && Cues.PROBLEM.contains(w.stem());
        // A denied word that names a failure ("no drift") speaks against the modes and symptoms it names; any other
        // word, denied or not, describes what was seen: "loss does not go down" reports a symptom.
        // Denying a privative denies what it lacks: "this isn't a case of missing monitoring". A name or symptom
        // found whole has spoken for its words already: "no data drift" denies data drift, not every drift.
        if (w.negated() && found.contains(w.stem())) {
          continue;
        }
        if (w.negated() && (w.outright() || (deniedPrivative && Cues.HEALTHY.contains(w.stem())))) {
          outright.add(w.stem());
        } else if (w.negated() && !Cues.HEALTHY.contains(w.stem())
            && (modeWords.namesAFailure(w.stem()) || symptomWords.namesAFailure(w.stem()))) {
          denied.add(w.stem());
        } else {
          content.add(w.stem());
        }
        deniedPrivative |= w.negated() && NameWords.privative(w.stem());
      }
    }
    for (NameWords.Denial<FailureMode> d : modeWords.denials(denied, outright, idf)) {
      named(display, d.owner(), true, d.share(), raw(d.words(), rawByStem), items);
      if (d.share() >= 0.5 && !negated.contains(d.owner())) {
        negated.add(d.owner());
      }
    }
    for (NameWords.Denial<Symptom> d : symptomWords.denials(denied, outright, idf)) {
      SymptomMatch m = new SymptomMatch(d.owner(), round(d.share()), MatchKind.PHRASE);
      symptom(display, m, true, "", raw(d.words(), rawByStem), items);
      if (d.share() >= 0.5) {
        keepStronger(ruledOut, m);
      }
    }
    Map<String, Double> words = words(content);
    ModeText.Scores scores = text.score(words, MAX_TEXT_MODES);
    Detector.Signals signals = signals(scores, words, content.size(), problem, contrast, numberChange, negation);
    if (train != null && heldOut != null) {
      values.add(new Value("train-test-gap", lowerIsBetter ? heldOut - train : train - heldOut, null, null, null));
    }
    List<String> measured = new ArrayList<>();
    measure(display, values, thresholds, items, matches, ruledOut, measured);
    boolean precise = !matches.isEmpty() || !named.isEmpty();
    TextEvidence textEvidence = null;
    if (signals.coverage() >= tuning.minCoverage() && (precise || Detector.score(tuning, signals) >= 0)) {
      textEvidence = text(display, scores, signals, rawByStem);
    }
    List<String> textWords = textEvidence == null ? List.of() : raw(scores.used(), rawByStem);
    return new Reading(new Resolution(display, new ArrayList<>(matches.values()), named,
        new ArrayList<>(ruledOut.values()), negated, textWords, measured), items, signals, precise, textEvidence);
  }

  private Detector.Signals signals(ModeText.Scores scores, Map<String, Double> words, int contentWords,
      boolean problem, boolean contrast, boolean numberChange, boolean negation) {
    int best = -1;
    for (int k = 0; k < scores.count(); k++) {
      if (best < 0 || scores.score(k) > scores.score(best)) {
        best = k;
      }
    }
    double rarest = best < 0 ? 0 : scores.rarest(best);
    double bestScore = best < 0 ? 0 : scores.score(best);
    double density = Math.min(1.0, (double) tuning.passageWords() / Math.max(1, contentWords));
    return new Detector.Signals(bestScore, scores.core(), scores.routine(), density, problem, contrast, numberChange,
        negation, best < 0 ? 0 : scores.matched(best), contentWords, coverage(bestScore, words), rarest);
  }

  /** The share of the words' mass that a BM25F score explains: each word can give at most idf × (k1 + 1). */
  private double coverage(double score, Map<String, Double> words) {
    double mass = 0;
    for (Map.Entry<String, Double> w : words.entrySet()) {
      double idf = text.idfOr(w.getKey(), -1);
      mass += idf >= 0 ? idf * w.getValue() : tuning.unknownWordIdf();
    }
    return mass == 0 ? 0 : Math.min(1, score / ((tuning.bm25K1() + 1) * mass));
  }

  /** Returns text evidence for every mode that shares words with the input; null when no mode gets any. */
  private TextEvidence text(String input, ModeText.Scores scores, Detector.Signals signals,
      Map<String, String> rawByStem) {
    double scale = signals.best() == 0 ? 0 : signals.coverage() / signals.best();
    TextEvidence out = null;
    for (int k = 0; k < scores.count(); k++) {
      double confidence = round(scores.score(k) * scale);
      if (confidence == 0) {
        continue;
      }
      if (out == null) {
        // The words as typed, by their place among the scored words: the same for every match.
        out = new TextEvidence(input, scores, scores.hits().shown(rawByStem), tuning.textWeight());
      }
      out.add(k, confidence);
    }
    return out;
  }

  /**
   * Text evidence is kept for at most this many modes per input, the best by text score: in a catalog of thousands
   * of modes, an input's words reach most of them, and words alone cannot lift the thousandth into the candidates.
   * The bundled catalog has fewer modes than this, so it never applies to it.
   */
  static final int MAX_TEXT_MODES = 64;

  /** A denial listed in a resolution as ruling something out covers at least this share of one of its names. */
  private static final double MOSTLY = 0.5;

  private static SymptomMatch stronger(SymptomMatch a, SymptomMatch b) {
    return b.confidence() > a.confidence() ? b : a;
  }

  /** Keeps a match by its symptom's id, or the stronger of it and the one kept (the one kept among equals). */
  private static void keepStronger(Map<String, SymptomMatch> kept, SymptomMatch m) {
    String id = m.symptom().id();
    SymptomMatch old = kept.get(id);
    kept.put(id, old == null ? m : stronger(old, m));
  }

  /** Stems a query's words for the reader ({@link #stem}): a class rather than a lambda, which is spun at run time. */
  private final class Stemmer implements java.util.function.Function<String, String> {
    @Override
    public String apply(String word) {
      return stem(word);
    }
  }

  private final Stemmer stemmer = new Stemmer();

  /** The idf of a stem in the text index, for weighing denied words; a class rather than a lambda, as above. */
  private final class Idf implements java.util.function.ToDoubleFunction<String> {
    @Override
    public double applyAsDouble(String stem) {
      return text.idf(stem);
    }
  }

  private final Idf idf = new Idf();

  private static List<String> raw(List<String> stems, Map<String, String> rawByStem) {
    String[] out = new String[stems.size()];
    for (int i = 0; i < out.length; i++) {
      String w = stems.get(i);
      out[i] = rawByStem.getOrDefault(w, w);
    }
    return List.of(out);
  }

  private static String describe(Value v, String comparator, double threshold, boolean crossed) {
    StringBuilder out = new StringBuilder(96).append(v.metric()).append(' ').append(format(v.value()));
    if (crossed) {
      out.append(' ').append(comparator).append(' ').append(format(threshold));
    }
    if (v.feature() != null) {
      out.append(" on ").append(v.feature());
    }
    if (!crossed) {
      out.append(", healthy (a symptom when ").append(comparator).append(' ').append(format(threshold)).append(')');
    }
    if (v.source() != null) {
      out.append(" [").append(v.source()).append(']');
    }
    return out.toString();
  }

  /** Formats a value for the evidence: up to four decimals, or three significant digits below 0.001 (1.2e-4). */
  static String format(double value) {
    return dev.failuremodes.internal.Numbers.format(value);
  }

  /** Returns each stem with its factor: 1 when the catalog knows it, less when it is a corrected typo. */
  private Map<String, Double> words(List<String> stems) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String stem : stems) {
      if (out.containsKey(stem)) {
        continue;
      }
      if (text.knows(stem) || !Character.isLetter(stem.charAt(0))) {
        out.put(stem, 1.0);
        continue;
      }
      String corrected = correct(stem);
      if (corrected != null && !out.containsKey(corrected)) {
        out.put(corrected, tuning.typoFactor());
      } else if (corrected == null) {
        out.put(stem, 1.0); // unknown: it still weighs in the input's mass, so long unrelated text explains little
      }
    }
    return out;
  }

  /** Words longer than this are not corrected: no name is that long, and correction costs grow with length. */
  private static final int MAX_TYPO_WORD = 40;

  private Metrics metrics() {
    Metrics m = metrics;
    if (m == null) {
      synchronized (typosLock) {
        m = metrics;
        if (m == null) {
          m = new Metrics(catalog);
          metrics = m;
        }
      }
    }
    return m;
  }

  private Typos typos() {
    Typos t = typos;
    if (t == null) {
      synchronized (typosLock) {
        t = typos;
        if (t == null) {
          t = new Typos(text.vocabulary());
          typos = t;
        }
      }
    }
    return t;
  }

  private Typos nameTypos() {
    Typos t = nameTypos;
    if (t == null) {
      synchronized (typosLock) {
        t = nameTypos;
        if (t == null) {
          List<String> words = new ArrayList<>(symptoms.oneWordNames());
          words.addAll(names.oneWordNames());
          t = new Typos(words);
          nameTypos = t;
        }
      }
    }
    return t;
  }

  private void symptom(String input, SymptomMatch m, boolean against, String detail, List<String> words,
      List<Item> items) {
    symptom(input, m, against, detail, words, null, items);
  }

  /** As above; {@code feature} is what a measured value was measured on ("" for nothing named), null for words. */
  private void symptom(String input, SymptomMatch m, boolean against, String detail, List<String> words,
      String feature, List<Item> items) {
    String id = m.symptom().id();
    EvidenceKind kind = m.kind() == MatchKind.SIGNAL ? EvidenceKind.MEASURED : EvidenceKind.SYMPTOM;
    List<Weighted> indicated = modesBySymptom.get(id);
    if (indicated == null) {
      return;
    }
    double specificity = specificityByCount[indicated.size()];
    String source = against ? w0(indicated).against : w0(indicated).source;
    double confidence = round(m.confidence());
    for (int k = 0; k < indicated.size(); k++) {
      Weighted w = indicated.get(k);
      double weight = round(w.weight() * specificity);
      Evidence e = new Evidence(input, kind, against, w.symptom(), Optional.empty(), words, detail, weight,
          confidence, round(weight * m.confidence()));
      items.add(new Item(w.mode(), w.index(), source, e, feature));
    }
  }

  private void named(String input, FailureMode mode, boolean against, double share, List<String> words,
      List<Item> items) {
    Evidence e = new Evidence(input, EvidenceKind.NAMED, against, Optional.empty(), Optional.empty(), words, "",
        tuning.namedStrength(), round(share), round(tuning.namedStrength() * share));
    items.add(new Item(mode, modeIndex.get(mode.id()), against ? "-named" : "+named", e, null));
  }

  /** Ranks the touched modes; {@code ruledOut}, by mode index, marks modes the results ruled out (null for none). */
  private List<Candidate> rank(Gathered gathered, Set<Stage> stages, boolean[] ruledOut, double floor, int limit) {
    List<Slot> touched = gathered.touched;
    int n = 0;
    int reached = touched.size() + gathered.wordModes;
    int[] index = new int[reached];
    double[] score = new double[reached];
    Slot[] slots = new Slot[reached];
    int[] place = new int[reached]; // for a mode only words reached, its place there
    boolean[] stageOut = new boolean[STAGES.length]; // by ordinal: a stage not asked for
    for (Stage stage : STAGES) {
      stageOut[stage.ordinal()] = !stages.contains(stage);
    }
    for (Slot slot : touched) {
      int m = slot.mode;
      if (stageOut[liveModes.get(m).stage().ordinal()] || ruledOut != null && ruledOut[m]) {
        continue;
      }
      double miss = 1.0;
      double kept = 1.0;
      boolean any = false;
      for (Item item : slot.items) {
        if (item.against()) {
          kept *= 1.0 - item.contribution();
        } else {
          miss *= 1.0 - item.contribution();
          any = true;
        }
      }
      double s = round((1.0 - miss) * kept);
      if (any && s >= floor) {
        index[n] = m;
        score[n] = s;
        slots[n] = slot;
        n++;
      }
    }
    for (int at = 0; at < gathered.wordModes; at++) {
      int m = gathered.wordMode[at];
      if (m < 0 || stageOut[liveModes.get(m).stage().ordinal()] || ruledOut != null && ruledOut[m]) {
        continue;
      }
      double s = round(1.0 - gathered.wordMiss[at]); // all for it: as a slot's arithmetic, with nothing kept back
      if (s >= floor) {
        index[n] = m;
        score[n] = s;
        place[n] = at;
        n++;
      }
    }
    // Highest score first; ties in debugging order, then by id (a total order: ids are unique). Only the first
    // {@code limit} are kept, in order: each mode is compared with the last kept and, when it ranks before it, moved
    // into place, so that most modes cost one comparison.
    int keep = 0;
    int most = Math.min(limit, n);
    for (int j = 0; j < n; j++) {
      if (keep == most && (most == 0 || !before(index[j], score[j], index[keep - 1], score[keep - 1]))) {
        continue;
      }
      int m = index[j];
      double s = score[j];
      Slot slot = slots[j];
      int words = place[j];
      int at = keep < most ? keep++ : keep - 1; // the place it takes when it ranks after every kept one
      while (at > 0 && before(m, s, index[at - 1], score[at - 1])) {
        index[at] = index[at - 1];
        score[at] = score[at - 1];
        slots[at] = slots[at - 1];
        place[at] = place[at - 1];
        at--;
      }
      index[at] = m;
      score[at] = s;
      slots[at] = slot;
      place[at] = words;
    }
    List<Candidate> out = new ArrayList<>(keep);
    for (int i = 0; i < keep; i++) {
      FailureMode mode = liveModes.get(index[i]);
      List<Item> items = slots[i] != null ? slots[i].items : gathered.wordItems(place[i]);
      Item[] ordered = new Item[items.size()];
      int size = 0;
      // For first, then against; each by contribution, strongest first; equal ones in the order found.
      for (int pass = 0; pass < 2; pass++) {
        int from = size;
        for (int k = 0; k < items.size(); k++) {
          Item item = items.get(k);
          if (item.against() == (pass == 1)) {
            ordered[size++] = item;
          }
        }
        for (int a = from + 1; a < size; a++) {
          Item e = ordered[a];
          int b = a - 1;
          while (b >= from && ordered[b].contribution() < e.contribution()) {
            ordered[b + 1] = ordered[b];
            b--;
          }
          ordered[b + 1] = e;
        }
      }
      // The evidence is made when first read, and explained from then when asked.
      out.add(new Candidate(i + 1, mode, score[i], new Shown(ordered)));
    }
    return out;
  }

  private static final Stage[] STAGES = Stage.values();

  /** Returns whether mode {@code a} with score {@code sa} ranks before mode {@code b} with score {@code sb}. */
  private boolean before(int a, double sa, int b, double sb) {
    if (sa != sb) {
      return sa > sb;
    }
    FailureMode ma = liveModes.get(a);
    FailureMode mb = liveModes.get(b);
    int order = Integer.compare(ma.stage().debuggingOrder(), mb.stage().debuggingOrder());
    return order != 0 ? order < 0 : ma.id().compareTo(mb.id()) < 0;
  }

  private List<String> suggest(String input) {
    return symptoms.suggest(words(Text.tokens(input)), input);
  }

  /** Rounds to four decimals, so that scores print and compare stably. */
  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
