package dev.failuremodes.internal.engine;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises free text for matching: Unicode compatibility forms, case, dash and slash variants, punctuation,
 * British spellings, and a light stemmer, so that "Train–test gaps", "train/test gap" and "train test gap" agree.
 * Linear in the input's length.
 */
public final class Text {
  private static final Pattern SEPARATORS = Pattern.compile("[\\p{Pd}\\u2212/_|\\\\]+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}.%]+");
  private static final Pattern BRITISH_ISE = Pattern.compile("is(e|ed|ing|es)$");
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
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = SEPARATORS.matcher(s).replaceAll(" ");
    // Whitespace is not a word character, so this also collapses runs of spaces.
    return NON_WORD.matcher(s).replaceAll(" ").trim();
  }

  /** Returns whether a normalised word is a function word that says nothing about which symptom is meant. */
  public static boolean isStop(String word) {
    return STOP.contains(word);
  }

  /** Returns the normalised, stemmed tokens without stop words. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String raw : normalize(text).split(" ")) {
      String t = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
      if (t.isEmpty() || STOP.contains(t)) {
        continue;
      }
      out.add(stem(t));
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
    if (t.endsWith("ise") || t.endsWith("ised") || t.endsWith("ising") || t.endsWith("ises")) {
      t = BRITISH_ISE.matcher(t).replaceFirst("iz$1");
    }
    if (t.endsWith("our") && t.length() > 5) {
      t = t.substring(0, t.length() - 3) + "or";
    }
    t = t.replace("elling", "eling").replace("elled", "eled").replace("ealing", "ealing");
    return Porter.stem(t);
  }
}
