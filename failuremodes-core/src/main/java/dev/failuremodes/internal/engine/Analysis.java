package dev.failuremodes.internal.engine;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One input read for matching: its sentences, split into passages of bounded length, and each word with its stem and
 * whether a negation covers it.
 *
 * <p><b>Negation scope.</b> A negation covers part of one clause: clauses end at sentence punctuation, a semicolon, a
 * comma or a contrasting word ("but", "however", "although", "though", "yet", "whereas", "while", "instead",
 * "except"). A cue placed before what it denies ("no", "not", "never", "without", "none", "nor", "neither", "n't",
 * "no sign of") covers the rest of its clause; a cue placed after ("looks fine", "is healthy", "was ruled out", "not
 * the cause", "found none", "passed") covers the clause up to it; "ruled out", "excluded" and "eliminated" cover what
 * follows them when something does, else what precedes them. A negation word inside a phrase of the catalog ("no
 * monitoring", "loss does not go down") is part of that symptom, not a denial of it, and covers nothing. Hedges
 * ("maybe", "we suspect", "possibly") do not weaken anything: a suspicion is what the user asks about.
 *
 * <p>Work is linear in the input's length.
 */
final class Analysis {
  /**
   * One word: its normalised form, its stem, and its role.
   *
   * @param raw the normalised word
   * @param stem its stem
   * @param stop whether it is a function word
   * @param cue whether it is (part of) a negation cue
   * @param negated whether a negation covers it
   * @param outright whether it is denied as a cause outright ("X is not the problem", "X was ruled out"), which
   *     denies even a word of healthy behaviour
   */
  record Word(String raw, String stem, boolean stop, boolean cue, boolean negated, boolean outright) {}

  /**
   * A stretch of one sentence, at most {@link Tuning#passageWords()} content words long.
   *
   * @param raw the whole sentence as written (Unicode-normalised), for reading metric values
   * @param words the passage's words in order, stop words included
   * @param first whether this is the sentence's first passage, so that its metric values are read once
   * @param numberChange whether the sentence shows a change between two numbers ("from 0.91 to 0.78")
   * @param content the words that are not function words, in order (negation cues included)
   */
  record Passage(String raw, List<Word> words, boolean first, boolean numberChange, List<Word> content) {
    /** A passage of {@code words}, with its content words picked out. */
    Passage(String raw, List<Word> words, boolean first, boolean numberChange) {
      this(raw, words, first, numberChange, contentOf(words));
    }

    private static List<Word> contentOf(List<Word> words) {
      Word[] out = new Word[words.size()];
      int n = 0;
      for (Word w : words) {
        if (!w.stop()) {
          out[n++] = w;
        }
      }
      return List.of(n == out.length ? out : java.util.Arrays.copyOf(out, n));
    }

    /** Returns the stems of the content words a negation does not cover. */
    List<String> affirmed() {
      List<String> out = new ArrayList<>();
      for (Word w : words) {
        if (!w.stop() && !w.cue() && !w.negated()) {
          out.add(w.stem());
        }
      }
      return out;
    }

    /** Returns the stems of the content words a negation covers. */
    List<String> negated() {
      List<String> out = new ArrayList<>();
      for (Word w : words) {
        if (!w.stop() && !w.cue() && w.negated()) {
          out.add(w.stem());
        }
      }
      return out;
    }
  }

  private static final Set<String> PRE_CUES = Set.of("no", "not", "never", "without", "none", "nor", "neither",
      "cannot", "nothing", "nobody");
  /** Words after which a lone "t" is the end of "n't" once apostrophes are gone ("isn't" reads "isn t"). */
  private static final Set<String> NT_HOSTS = Set.of("isn", "wasn", "aren", "weren", "doesn", "didn", "don", "hasn",
      "haven", "hadn", "can", "couldn", "wouldn", "shouldn", "won", "ain", "mustn");
  private static final Set<String> POST_CUES = Set.of("fine", "ok", "okay", "healthy", "normal", "clean", "green",
      "passed", "passes", "absent", "unlikely", "unaffected");
  /** Cues that deny what follows them when something does, else what precedes them. */
  private static final Set<String> EITHER_CUES = Set.of("excluded", "exclude", "eliminated", "dismissed",
      "disproved", "disproven");
  private static final Set<String> OUT_VERBS = Set.of("rule", "rules", "ruled", "ruling");
  /** Nouns that make "not the X" a cue placed after what it denies: "leakage is not the cause". */
  private static final Set<String> BLAME_NOUNS = Set.of("cause", "culprit", "problem", "issue", "reason",
      "explanation");
  private static final Set<String> FOUND_WORDS = Set.of("found", "detected", "present", "seen", "observed",
      "flagged");
  private static final Set<String> CLAUSE_BREAKS = Set.of("but", "however", "although", "though", "yet", "whereas",
      "while", "instead", "except");
  /** Every word that can open a negation below: a word not among them is passed over with one look-up. */
  private static final Set<String> ANY_CUE = anyCue();

  private static Set<String> anyCue() {
    Set<String> all = new java.util.HashSet<>(List.of("not", "t", "found", "find", "none", "nothing"));
    all.addAll(OUT_VERBS);
    all.addAll(EITHER_CUES);
    all.addAll(PRE_CUES);
    all.addAll(POST_CUES);
    return Set.copyOf(all);
  }

  /** Stems of every word that can act as a negation cue, for finding the catalog phrases that contain one. */
  private static final Set<String> CUE_STEMS = cueStems();

  private static Set<String> cueStems() {
    Set<String> out = new java.util.HashSet<>();
    for (Set<String> words : List.of(PRE_CUES, POST_CUES, EITHER_CUES, OUT_VERBS, Set.of("t"))) {
      for (String w : words) {
        out.add(Text.stem(w));
      }
    }
    return Set.copyOf(out);
  }

  /** Returns whether a stem may act as a negation cue. */
  static boolean isCue(String stem) {
    return CUE_STEMS.contains(stem);
  }

  private final List<Passage> passages;

  private Analysis(List<Passage> passages) {
    this.passages = passages;
  }

  List<Passage> passages() {
    return passages;
  }

  /** Returns the number of content words (not stop words, not negation cues) in the whole input. */
  int contentWords() {
    int n = 0;
    for (Passage p : passages) {
      for (Word w : p.words()) {
        if (!w.stop() && !w.cue()) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Reads an input.
   *
   * @param phrases the catalog phrases that contain a negation word, as stem sequences, by the negation word's stem:
   *     where one of them occurs, its negation word is part of a symptom and denies nothing
   */
  static Analysis of(String input, Map<String, List<List<String>>> phrases, int passageWords) {
    return of(input, phrases, passageWords, Text::stem);
  }

  /**
   * Reads an input, stemming with {@code stemmer}: the engine passes one that remembers the stems of the words
   * queries used before (bounded), and stems only the words it has not met.
   */
  static Analysis of(String input, Map<String, List<List<String>>> phrases, int passageWords,
      Function<String, String> stemmer) {
    boolean ascii = ascii(input);
    String text = (ascii ? input : Normalizer.normalize(input, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
    List<Passage> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || endsSentence(text, i)) {
        if (i > start) {
          sentence(text.substring(start, i), ascii, phrases, passageWords, stemmer, out);
        }
        start = i + 1;
      }
    }
    return new Analysis(out);
  }

  private static boolean endsSentence(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n' || c == '\r' || c == ';' || c == '!' || c == '?') {
      return true;
    }
    // A full stop ends a sentence only before a space or the end, so "0.31" and "v2.1" stay whole.
    return c == '.' && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
  }

  /** Returns whether a text is ASCII, which NFKC leaves as it is. */
  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static void sentence(String raw, boolean ascii, Map<String, List<List<String>>> phrases, int passageWords,
      Function<String, String> stemmer, List<Passage> out) {
    // Clauses: commas are kept as their own token before normalisation removes punctuation.
    List<Word> words = new ArrayList<>();
    List<Integer> clauseStarts = new ArrayList<>();
    clauseStarts.add(0);
    if (ascii) {
      asciiWords(raw, stemmer, words, clauseStarts);
    } else {
      for (String chunk : raw.split(",")) {
        if (!words.isEmpty()) {
          clauseStarts.add(words.size());
        }
        for (String w : Text.normalize(chunk).split(" ")) {
          word(w.endsWith(".") ? w.substring(0, w.length() - 1) : w, stemmer, words, clauseStarts);
        }
      }
    }
    if (words.isEmpty()) {
      return;
    }
    clauseStarts.add(words.size());
    for (int c = 0; c + 1 < clauseStarts.size(); c++) {
      negate(words, clauseStarts, clauseStarts.get(c), clauseStarts.get(c + 1), phrases);
    }
    boolean change = Cues.numberChange(raw);
    int from = 0;
    int content = 0;
    boolean first = true;
    for (int i = 0; i < words.size(); i++) {
      if (!words.get(i).stop()) {
        content++;
      }
      if (content == passageWords || i == words.size() - 1) {
        out.add(new Passage(raw, List.copyOf(words.subList(from, i + 1)), first, change));
        first = false;
        from = i + 1;
        content = 0;
      }
    }
  }

  /** Adds a word of a sentence, unless it is empty; a word that opens a clause starts one. */
  private static void word(String word, Function<String, String> stemmer, List<Word> words,
      List<Integer> clauseStarts) {
    if (word.isEmpty()) {
      return;
    }
    if (CLAUSE_BREAKS.contains(word) && !words.isEmpty()) {
      clauseStarts.add(words.size());
    }
    words.add(new Word(word, stemmer.apply(word), Text.isStop(word), false, false, false));
  }

  /**
   * Reads the words of a lowercased ASCII sentence in one pass, as the other path does in three (split at commas,
   * {@link Text#normalize} each part, split at spaces): a word is a run of letters, digits, '.' and '%' without one
   * trailing full stop, and each comma starts a clause, except those that end the sentence (which split drops).
   */
  private static void asciiWords(String raw, Function<String, String> stemmer, List<Word> words,
      List<Integer> clauseStarts) {
    int end = raw.length();
    while (end > 0 && raw.charAt(end - 1) == ',') {
      end--;
    }
    int start = -1; // where the word being read began, or -1 between words
    for (int i = 0; i <= end; i++) {
      char c = i < end ? raw.charAt(i) : ',';
      boolean kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '%';
      if (kept) {
        if (start < 0) {
          start = i;
        }
        continue;
      }
      if (start >= 0) {
        int last = raw.charAt(i - 1) == '.' ? i - 1 : i;
        word(raw.substring(start, last), stemmer, words, clauseStarts);
        start = -1;
      }
      if (c == ',' && i < end && !words.isEmpty()) {
        clauseStarts.add(words.size());
      }
    }
  }

  /** Marks the cues of one clause [from, to) and the words they cover. */
  private static void negate(List<Word> words, List<Integer> clauses, int from, int to,
      Map<String, List<List<String>>> phrases) {
    for (int i = from; i < to; i++) {
      String w = words.get(i).raw();
      if (!ANY_CUE.contains(w)) {
        continue;
      }
      int span = 1;
      Scope scope = null;
      boolean outright = false;
      if (w.equals("not") && i + 1 < to && FOUND_WORDS.contains(words.get(i + 1).raw())) {
        scope = Scope.BEFORE; // "drift not detected"
        span = 2;
      } else if ((w.equals("not") || (w.equals("t") && i > from && NT_HOSTS.contains(words.get(i - 1).raw())))
          && blameFollows(words, i + 1, to)) {
        scope = Scope.BEFORE; // "leakage is not the cause", "regularization isn't the problem"
        span = 2;
        outright = true;
      } else if ((w.equals("found") || w.equals("find")) && i + 1 < to
          && (words.get(i + 1).raw().equals("none") || words.get(i + 1).raw().equals("nothing"))) {
        scope = Scope.BEFORE; // "checked for label errors, found none"
        span = 2;
      } else if ((w.equals("none") || w.equals("nothing")) && i + 1 < to && FOUND_WORDS.contains(
          words.get(i + 1).raw())) {
        scope = Scope.BEFORE;
        span = 2;
      } else if (OUT_VERBS.contains(w) && i + 1 < to && words.get(i + 1).raw().equals("out")) {
        scope = passive(words, from, i) || !hasContent(words, i + 2, to) ? Scope.BEFORE : Scope.AFTER;
        span = 2;
        outright = true;
      } else if (EITHER_CUES.contains(w)) {
        scope = passive(words, from, i) || !hasContent(words, i + 1, to) ? Scope.BEFORE : Scope.AFTER;
        outright = true;
      } else if (w.equals("t") && i > from && NT_HOSTS.contains(words.get(i - 1).raw())) {
        scope = Scope.AFTER;
      } else if (PRE_CUES.contains(w)) {
        scope = Scope.AFTER;
      } else if (POST_CUES.contains(w) && !(i > from && PRE_CUES.contains(words.get(i - 1).raw()))) {
        scope = Scope.BEFORE;
      }
      if (scope == null || partOfPhrase(words, i, phrases)) {
        continue;
      }
      for (int k = i; k < i + span; k++) {
        Word c = words.get(k);
        words.set(k, new Word(c.raw(), c.stem(), c.stop(), true, false, false));
      }
      // A cue that opens its clause and denies what precedes it reaches back one clause: "checked the labels, found
      // none".
      int a = scope == Scope.AFTER ? i + span : !hasContent(words, from, i) ? previousClause(clauses, from) : from;
      int b = scope == Scope.AFTER ? to : i;
      for (int k = a; k < b; k++) {
        Word c = words.get(k);
        if (!c.cue()) {
          words.set(k, new Word(c.raw(), c.stem(), c.stop(), false, true, outright));
        }
        // Denying healthy behaviour denies that behaviour, not what it acts on: in "nobody knows the production
        // accuracy" or "we never tuned the learning rate" the accuracy and the learning rate are not denied.
        if (scope == Scope.AFTER && !outright && !c.stop() && Cues.HEALTHY.contains(c.stem())) {
          break;
        }
      }
      i += span - 1;
    }
  }

  private enum Scope { BEFORE, AFTER }

  /** Words looked at on each side of a cue when checking whether it belongs to a catalog phrase. */
  private static final int PHRASE_WINDOW = 16;

  /** Returns whether the cue at {@code i} follows a form of "to be": "overfitting was ruled out by ...". */
  private static boolean passive(List<Word> words, int from, int i) {
    return i > from && BE.contains(words.get(i - 1).raw());
  }

  private static final Set<String> BE = Set.of("is", "was", "are", "were", "been", "be", "being", "got", "get");

  private static int previousClause(List<Integer> clauses, int from) {
    int previous = 0;
    for (int start : clauses) {
      if (start >= from) {
        break;
      }
      previous = start;
    }
    return previous;
  }

  private static boolean blameFollows(List<Word> words, int from, int to) {
    for (int k = from; k < Math.min(to, from + 3); k++) {
      if (BLAME_NOUNS.contains(words.get(k).raw())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasContent(List<Word> words, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!words.get(k).stop()) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether the cue at {@code i} lies inside an occurrence of a catalog phrase that contains it. */
  private static boolean partOfPhrase(List<Word> words, int i, Map<String, List<List<String>>> phrases) {
    List<List<String>> candidates = phrases.get(words.get(i).stem());
    if (candidates == null) {
      return false;
    }
    // Compare content words only, as phrases are stored without stop words; a window around the cue keeps this
    // bounded per cue, since catalog phrases are short.
    List<Integer> content = new ArrayList<>();
    int at = -1;
    for (int k = Math.max(0, i - PHRASE_WINDOW); k < Math.min(words.size(), i + PHRASE_WINDOW); k++) {
      if (!words.get(k).stop() || k == i) {
        if (k == i) {
          at = content.size();
        }
        content.add(k);
      }
    }
    for (List<String> phrase : candidates) {
      for (int offset = 0; offset < phrase.size(); offset++) {
        if (!phrase.get(offset).equals(words.get(i).stem())) {
          continue;
        }
        int begin = at - offset;
        if (begin < 0 || begin + phrase.size() > content.size()) {
          continue;
        }
        boolean all = true;
        for (int j = 0; j < phrase.size() && all; j++) {
          all = words.get(content.get(begin + j)).stem().equals(phrase.get(j));
        }
        if (all) {
          return true;
        }
      }
    }
    return false;
  }
}
