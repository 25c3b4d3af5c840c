package dev.failuremodes.internal.engine;

/**
 * The Porter stemming algorithm (M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980), written
 * from the paper's description: five steps of suffix rules, each conditioned on the measure m of the stem, the
 * number of vowel-consonant sequences in it. Lowercase ASCII letters only; other words are returned unchanged.
 */
final class Porter {
  private Porter() {}

  /** Returns the stem of a lowercase word. */
  static String stem(String word) {
    if (word.length() <= 2) {
      return word;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        return word;
      }
    }
    Word w = new Word(word);
    step1a(w);
    step1b(w);
    step1c(w);
    step2(w);
    step3(w);
    step4(w);
    step5(w);
    return w.toString();
  }

  /**
   * The word being stemmed: its letters in an array, changed in place. A plain array rather than a StringBuilder,
   * whose every read of a letter is several calls in code not yet compiled, which is how the first words of a JVM are
   * stemmed.
   */
  private static final class Word {
    private final char[] letters;
    private int length;

    Word(String word) {
      // No rule makes a word longer than it was: a suffix is only ever replaced by one no longer, or cut.
      letters = new char[word.length() + 1];
      word.getChars(0, word.length(), letters, 0);
      length = word.length();
    }

    int length() {
      return length;
    }

    char charAt(int i) {
      return letters[i];
    }

    void setCharAt(int i, char c) {
      letters[i] = c;
    }

    void setLength(int n) {
      length = n;
    }

    void append(char c) {
      letters[length++] = c;
    }

    void append(String s) {
      s.getChars(0, s.length(), letters, length);
      length += s.length();
    }

    @Override
    public String toString() {
      return new String(letters, 0, length);
    }
  }

  private static boolean vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  /**
   * Whether the letter at i is a consonant: not a vowel, and 'y' only when it starts the word or follows a vowel. In
   * a run of 'y' the answer alternates, so it is found from the letter before the run, without recursion: a word of
   * a million 'y' must not overflow the stack.
   */
  private static boolean consonant(Word w, int i) {
    char c = w.charAt(i);
    if (c != 'y') {
      return !vowel(c);
    }
    int start = i;
    while (start > 0 && w.charAt(start - 1) == 'y') {
      start--;
    }
    boolean first = start == 0 || vowel(w.charAt(start - 1));
    return (i - start) % 2 == 0 ? first : !first;
  }

  /** Whether the letter c at i is a consonant, given whether the letter before it is; linear over a word. */
  private static boolean consonant(char c, int i, boolean previousConsonant) {
    return c == 'y' ? i == 0 || !previousConsonant : !vowel(c);
  }

  /**
   * The measure m of the first {@code length} letters: the number of VC sequences in [C](VC)^m[V], that is, of
   * consonants that follow a vowel.
   */
  private static int measure(Word w, int length) {
    int m = 0;
    boolean previous = true;
    for (int i = 0; i < length; i++) {
      boolean c = consonant(w.charAt(i), i, previous);
      if (c && !previous) {
        m++;
      }
      previous = c;
    }
    return m;
  }

  private static boolean hasVowel(Word w, int length) {
    boolean previous = true;
    for (int i = 0; i < length; i++) {
      previous = consonant(w.charAt(i), i, previous);
      if (!previous) {
        return true;
      }
    }
    return false;
  }

  private static boolean doubleConsonant(Word w, int length) {
    return length >= 2 && w.charAt(length - 1) == w.charAt(length - 2) && consonant(w, length - 1);
  }

  /** *o: the stem ends consonant-vowel-consonant, the last not w, x or y. */
  private static boolean cvc(Word w, int length) {
    if (length < 3 || !consonant(w, length - 1) || consonant(w, length - 2) || !consonant(w, length - 3)) {
      return false;
    }
    char c = w.charAt(length - 1);
    return c != 'w' && c != 'x' && c != 'y';
  }

  /** Whether the word ends with the suffix; compared in place, last letter first, without copying the word's end. */
  private static boolean ends(Word w, String suffix) {
    int n = w.length();
    int k = suffix.length();
    if (n < k) {
      return false;
    }
    for (int i = k - 1; i >= 0; i--) {
      if (w.charAt(n - k + i) != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Replaces the suffix with the replacement when the stem before it has measure greater than {@code m}. */
  private static boolean replace(Word w, String suffix, String replacement, int m) {
    if (!ends(w, suffix)) {
      return false;
    }
    int stem = w.length() - suffix.length();
    if (measure(w, stem) > m) {
      w.setLength(stem);
      w.append(replacement);
    }
    return true;
  }

  private static void step1a(Word w) {
    if (ends(w, "sses") || ends(w, "ies")) {
      w.setLength(w.length() - 2);
    } else if (ends(w, "ss")) {
      return;
    } else if (ends(w, "s")) {
      w.setLength(w.length() - 1);
    }
  }

  private static void step1b(Word w) {
    if (ends(w, "eed")) {
      if (measure(w, w.length() - 3) > 0) {
        w.setLength(w.length() - 1);
      }
      return;
    }
    int cut;
    if (ends(w, "ed") && hasVowel(w, w.length() - 2)) {
      cut = 2;
    } else if (ends(w, "ing") && hasVowel(w, w.length() - 3)) {
      cut = 3;
    } else {
      return;
    }
    w.setLength(w.length() - cut);
    if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) {
      w.append('e');
    } else if (doubleConsonant(w, w.length())) {
      char c = w.charAt(w.length() - 1);
      if (c != 'l' && c != 's' && c != 'z') {
        w.setLength(w.length() - 1);
      }
    } else if (measure(w, w.length()) == 1 && cvc(w, w.length())) {
      w.append('e');
    }
  }

  private static void step1c(Word w) {
    if (ends(w, "y") && hasVowel(w, w.length() - 1)) {
      w.setCharAt(w.length() - 1, 'i');
    }
  }

  private static final String[][] STEP2 = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"}, {"abli", "able"},
    {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"},
    {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},
    {"iviti", "ive"}, {"biliti", "ble"}
  };

  private static void step2(Word w) {
    for (String[] rule : STEP2) {
      if (replace(w, rule[0], rule[1], 0)) {
        return;
      }
    }
  }

  private static final String[][] STEP3 = {
    {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""}
  };

  private static void step3(Word w) {
    for (String[] rule : STEP3) {
      if (replace(w, rule[0], rule[1], 0)) {
        return;
      }
    }
  }

  private static final String[] STEP4 = {
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti",
    "ous", "ive", "ize"
  };

  private static void step4(Word w) {
    for (String suffix : STEP4) {
      if (!ends(w, suffix)) {
        continue;
      }
      int stem = w.length() - suffix.length();
      if (suffix.equals("ion")) {
        // -ion is removed only after s or t.
        if (stem > 0 && (w.charAt(stem - 1) == 's' || w.charAt(stem - 1) == 't') && measure(w, stem) > 1) {
          w.setLength(stem);
        }
      } else if (measure(w, stem) > 1) {
        w.setLength(stem);
      }
      return;
    }
  }

  private static void step5(Word w) {
    if (ends(w, "e")) {
      int stem = w.length() - 1;
      int m = measure(w, stem);
      if (m > 1 || (m == 1 && !cvc(w, stem))) {
        w.setLength(stem);
      }
    }
    if (measure(w, w.length()) > 1 && doubleConsonant(w, w.length()) && w.charAt(w.length() - 1) == 'l') {
      w.setLength(w.length() - 1);
    }
  }
}
