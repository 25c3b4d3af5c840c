package dev.failuremodes.internal.engine;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises free text for matching: Unicode compatibility forms, case, dash and slash variants, punctuation,
 * British spellings, and a light stemmer, so that "Train–test gaps", "train/test gap" and "train test gap" agree.
 * Linear in the input's length.
 */
public final class Text {
  /**
   * The patterns of the normalisation of text that is not ASCII, compiled when such text is first met: compiling
   * their Unicode classes costs a fresh JVM milliseconds that ASCII text never needs.
   */
  private static final class Unicode {
    static final Pattern SEPARATORS = Pattern.compile("[\\p{Pd}\\u2212/_|\\\\]+");
    static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}.%]+");
  }
  /** Function words that say nothing about which symptom is meant. Negations are kept: "not" changes meaning. */
  private static final Set<String> STOP =
      Set.of("a", "an", "the", "of", "on", "in", "to", "is", "are", "was", "were", "be", "been", "being", "and", "or",
          "for", "with", "at", "by", "from", "our", "we", "us", "my", "i", "you", "your", "it", "its", "this", "that",
          "these", "those", "has", "have", "had", "very", "seems", "seem", "there", "some", "which", "while", "into",
          "than", "so", "as", "but", "also", "just", "even", "still", "again", "really", "quite", "lot", "lots", "far",
          "often", "every", "any", "all", "get", "gets", "got", "go", "goes", "went", "did", "do", "does", "done",
          "when", "what", "why", "how", "who", "where", "would", "could", "should", "will", "can", "may", "might",
          "must", "they", "them", "their", "he", "she", "his", "her", "about", "around", "since", "until", "then",
          "now", "today", "yesterday", "here", "like", "think", "says", "said", "say", "one", "two", "three");

  private Text() {}

  /** Returns the text in canonical spacing and case, separators turned into spaces. */
  public static String normalize(String text) {
    String ascii = asciiNormalized(text);
    return ascii != null ? ascii : normalizeAnyText(text);
  }

  /** The normalisation for any text, through NFKC; {@link #normalize} takes a shorter way for ASCII. */
  static String normalizeAnyText(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = Unicode.SEPARATORS.matcher(s).replaceAll(" ");
    // Whitespace is not a word character, so this also collapses runs of spaces.
    return Unicode.NON_WORD.matcher(s).replaceAll(" ").trim();
  }

  /**
   * Returns the text normalised, as {@link #normalize}; the text itself when it is normalised already, so that an
   * index keyed by normalised names shares the catalog's strings instead of holding copies.
   */
  static String normalizeShared(String text) {
    String normalized = normalize(text);
    return normalized.equals(text) ? text : normalized;
  }

  /**
   * The same normalisation in one pass for ASCII text, which NFKC leaves unchanged: letters lowercased, letters,
   * digits, '.' and '%' kept, every other character a separator; or null when the text is not ASCII. Text that is
   * normalised already is returned itself.
   */
  private static String asciiNormalized(String text) {
    int n = text.length();
    byte[] out = null; // made at the first character that changes
    int length = 0;
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '%';
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
        keep = true;
      }
      if (keep) {
        if (space && length > 0) {
          if (out == null && text.charAt(length) != ' ') {
            out = copy(text, length, n);
          }
          if (out != null) {
            out[length] = ' ';
          }
          length++;
        }
        if (out == null && text.charAt(length) != c) {
          out = copy(text, length, n);
        }
        if (out != null) {
          out[length] = (byte) c;
        }
        length++;
        space = false;
      } else {
        space = true;
      }
    }
    if (out == null) {
      return length == n ? text : text.substring(0, length);
    }
    return new String(out, 0, length, StandardCharsets.ISO_8859_1);
  }

  /** Returns the first {@code length} characters of ASCII text as bytes, in an array of {@code capacity}. */
  private static byte[] copy(String text, int length, int capacity) {
    byte[] out = new byte[capacity];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) text.charAt(i);
    }
    return out;
  }

  /** Returns whether the text has a digit 0 to 9. */
  static boolean hasAsciiDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** Returns whether a normalised word is a function word that says nothing about which symptom is meant. */
  public static boolean isStop(String word) {
    return STOP.contains(word);
  }

  /** Returns the normalised, stemmed tokens without stop words. */
  public static List<String> tokens(String text) {
    return tokens(text, null);
  }

  /**
   * The stems of the words met while an engine is built: each distinct word is stemmed once, and each distinct stem
   * is one string, however many words and indexes share it. Used only while building; nothing keeps it after.
   */
  static final class Memo {
    private final Map<String, String> stemByWord = new HashMap<>();
    private final Map<String, String> canonical = new HashMap<>();
    /**
     * Names and aliases read before: each is read once however many indexes take it, and an engine over the bundled
     * catalog starts with all of them read (see {@link IndexDigest}).
     */
    final Map<String, Name> names = new HashMap<>();

    /** A name normalised and as tokens, each worked out when first asked for (null until then). */
    static final class Name {
      String normalized;
      List<String> tokens;

      Name(String normalized, List<String> tokens) {
        this.normalized = normalized;
        this.tokens = tokens;
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof Name && java.util.Objects.equals(normalized, ((Name) o).normalized)
            && java.util.Objects.equals(tokens, ((Name) o).tokens);
      }

      @Override
      public int hashCode() {
        return java.util.Objects.hash(normalized, tokens);
      }

      @Override
      public String toString() {
        return normalized + " " + tokens;
      }
    }

    private Name name(String name) {
      Name n = names.get(name);
      if (n == null) {
        n = new Name(null, null);
        names.put(name, n);
      }
      return n;
    }

    /** Returns a name normalised, as {@link Text#normalizeShared}. */
    String normalized(String name) {
      Name n = name(name);
      if (n.normalized == null) {
        n.normalized = normalizeShared(name);
      }
      return n.normalized;
    }

    /** Returns a name's tokens, as {@link Text#tokens(String, Memo)}, in a list that must not be changed. */
    List<String> tokens(String name) {
      Name n = name(name);
      if (n.tokens == null) {
        n.tokens = Collections.unmodifiableList(Text.tokens(name, this));
      }
      return n.tokens;
    }

    /** Returns a normalised word's stem, the same string for every word with that stem. */
    String stem(String word) {
      String stem = stemByWord.get(word);
      if (stem == null) {
        stem = intern(Text.stem(word));
        stemByWord.put(word, stem);
      }
      return stem;
    }

    /** Returns the one string equal to {@code s} that this memo hands out. */
    String intern(String s) {
      String known = canonical.putIfAbsent(s, s);
      return known == null ? s : known;
    }
  }

  /**
   * Returns the normalised, stemmed tokens without stop words, stemming through {@code stems} (when not null) so
   * that building an index over much text stems each distinct word once.
   */
  static List<String> tokens(String text, Memo stems) {
    List<String> out = new ArrayList<>();
    String normalized = normalize(text);
    int start = 0;
    while (start < normalized.length()) {
      int end = normalized.indexOf(' ', start);
      if (end < 0) {
        end = normalized.length();
      }
      int last = end > start && normalized.charAt(end - 1) == '.' ? end - 1 : end;
      if (last > start) {
        String t = normalized.substring(start, last);
        if (!STOP.contains(t)) {
          out.add(stems == null ? stem(t) : stems.stem(t));
        }
      }
      start = end + 1;
    }
    return out;
  }

  /** Returns a token's stem: American spelling, then the Porter stemmer. */
  public static String stem(String token) {
    if (token.isEmpty() || !Character.isLetter(token.charAt(0))) {
      return token;
    }
    String t = token;
    t = t.replace("isation", "ization");
    // "is" before a final "e", "ed", "ing" or "es" becomes "iz".
    int ise = t.endsWith("ise") ? 3 : t.endsWith("ised") || t.endsWith("ises") ? 4 : t.endsWith("ising") ? 5 : 0;
    if (ise > 0) {
      t = t.substring(0, t.length() - ise) + "iz" + t.substring(t.length() - ise + 2);
    }
    if (t.endsWith("our") && t.length() > 5) {
      t = t.substring(0, t.length() - 3) + "or";
    }
    t = t.replace("elling", "eling").replace("elled", "eled").replace("ealing", "ealing");
    return Porter.stem(t);
  }
}
