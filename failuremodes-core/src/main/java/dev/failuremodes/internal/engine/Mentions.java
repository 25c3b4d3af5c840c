package dev.failuremodes.internal.engine;

import dev.failuremodes.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the values of metrics that a text mentions: {@code PSI=0.31}, {@code psi: 0.31}, {@code psi of 0.31 on
 * feature age}, {@code KS p=0.5}, {@code p < 0.001}, {@code 31%}, {@code 0.31 (threshold 0.2)}, {@code AUC 0.91 ->
 * 0.78}, {@code accuracy dropped from 93% to 61%}, {@code 1.2e-4}, {@code 12,000}. The metric is the longest run of
 * the words just before the value that names one; a lone letter ("p") never names one by itself. Linear in the
 * text's length: each number looks back and ahead a bounded number of tokens.
 */
final class Mentions {
  private Mentions() {}

  /**
   * One value read from text.
   *
   * @param metric the metric's id, or null when the words before the value name none
   * @param words the words before the value (up to a few), for telling training from held-out scores
   * @param value the value (a percentage as a fraction)
   * @param reference the value it changed from ("from 0.91 to 0.78"), or null
   * @param threshold a threshold given with it ("0.31 (threshold 0.2)"), or null
   * @param feature the feature or column named with it, or null
   */
  record Mention(String metric, List<String> words, double value, Double reference, Double threshold,
      String feature) {}

  private enum Type { NUMBER, WORD, SYMBOL }

  private record Token(Type type, String text, double value) {}

  /** Words that may stand between a metric's name and its value. */
  private static final Set<String> CONNECTORS = Set.of("of", "is", "was", "are", "were", "at", "about", "around",
      "approximately", "approx", "now", "reached", "hit", "dropped", "fell", "rose", "went", "from", "increased",
      "decreased", "changed", "jumped", "spiked", "climbed", "grew", "shrank", "equals", "equal", "only", "still",
      "just", "the", "a", "an", "our", "its", "to", "down", "up", "by", "has", "had", "have", "be", "been", "value",
      "score", "measured", "currently", "reads", "shows", "showed", "got", "gets", "stays", "stayed", "remains",
      "above", "below", "over", "under", "than", "less", "more", "nearly", "almost", "roughly");
  /** Symbols that may stand between a metric's name and its value. */
  private static final Set<String> SYMBOL_CONNECTORS = Set.of("=", ":", "<", ">", "<=", ">=", "~", "≈", "≤", "≥");
  /** What joins an old value to a new one: "0.91 -> 0.78", "from 93% to 61%". */
  private static final Set<String> CHANGES = Set.of("->", "→", "=>", "to", "vs", "versus", "then", "now");
  /** Words that make the next number a threshold for the value before it: "0.31 (threshold 0.2)". */
  private static final Set<String> THRESHOLDS = Set.of("threshold", "limit", "budget", "slo", "sla", "target", "max",
      "maximum", "min", "minimum", "cutoff", "bound", "tolerance");
  /** Words that introduce the feature a value is about: "on feature age", "for income", "in column country". */
  private static final Set<String> FEATURE_INTRODUCERS = Set.of("on", "for", "in", "of");
  private static final Set<String> FEATURE_NOUNS = Set.of("feature", "column", "field", "col", "variable",
      "attribute", "input", "slice", "segment");
  /** Words after "on" or "for" that name a split or the whole, not a feature: "on the test set", "for the model". */
  private static final Set<String> NOT_FEATURES = Set.of("set", "data", "dataset", "production", "prod", "traffic",
      "model", "average", "baseline", "reference", "threshold", "week", "day", "month", "year", "last", "this",
      "live", "online", "offline", "new", "old", "all", "each", "every", "both", "most", "some", "many");
  /** Units that may follow a value. */
  private static final Set<String> UNITS = Set.of("ms", "s", "sec", "secs", "seconds", "h", "hrs", "hours", "pp",
      "points", "pts", "percent", "%", "x", "days", "d", "min", "mins", "minutes");
  private static final Set<String> TRAIN_WORDS = Set.of("train", "training", "insample");
  private static final Set<String> HELD_OUT_WORDS = Set.of("validation", "val", "valid", "test", "testing", "holdout",
      "dev", "eval", "evaluation", "oos", "cv");
  /** How many words before a value are kept: a metric's name and a few words between it and the value. */
  private static final int WORDS_BEFORE = 6;
  /** How many tokens a number looks back for its metric's name and ahead for its feature. */
  private static final int LOOK = 8;

  /** Reads every mentioned value in a text. */
  static List<Mention> read(String text, Metrics metrics) {
    List<Token> tokens = tokenize(text.toLowerCase(Locale.ROOT));
    List<Mention> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.type() != Type.NUMBER) {
        continue;
      }
      Mention last = out.isEmpty() ? null : out.get(out.size() - 1);
      int previous = previousNonFiller(tokens, i);
      if (last != null && previous >= 0 && isThresholdWord(tokens.get(previous))) {
        out.set(out.size() - 1, new Mention(last.metric(), last.words(), last.value(), last.reference(), t.value(),
            last.feature()));
        continue;
      }
      if (last != null && previous >= 1 && CHANGES.contains(tokens.get(previous).text())
          && lastNumberBefore(tokens, previous) == indexOfValue(tokens, i, last)) {
        // "0.91 -> 0.78", "from 93% to 61%": the same metric, a new value with the old one as its reference.
        double value = last.metric() == null ? t.value() : inRange(last.metric(), t.value(), metrics);
        if (!Double.isNaN(value)) {
          out.set(out.size() - 1, new Mention(last.metric(), last.words(), value, last.value(), last.threshold(),
              last.feature() != null ? last.feature() : feature(tokens, i)));
          continue;
        }
      }
      List<String> words = wordsBefore(tokens, i);
      String metric = metricOf(words, metrics);
      double value = metric == null ? t.value() : inRange(metric, t.value(), metrics);
      if (Double.isNaN(value)) {
        metric = null; // "AUROC for 2019-20 was 0.778": 2019 is no AUROC
        value = t.value();
      }
      out.add(new Mention(metric, words, value, null, null, feature(tokens, i)));
    }
    return out;
  }

  /**
   * Returns a value as the metric reads it: itself when within the metric's range; a percentage written without its
   * sign ("accuracy 93") as a fraction for a metric that ends at 1; otherwise NaN, for a number that is not a value of
   * that metric (a year, a count).
   */
  private static double inRange(String metric, double value, Metrics metrics) {
    Optional<Metric> m = metrics.metric(metric);
    if (m.isEmpty() || m.get().accepts(value)) {
      return value;
    }
    boolean endsAtOne = m.get().max().isPresent() && m.get().max().getAsDouble() == 1.0;
    return endsAtOne && value > 1 && value <= 100 && m.get().accepts(value / 100) ? value / 100 : Double.NaN;
  }

  /** Returns the index of the number that {@code last} was read from, searching back from {@code i}. */
  private static int indexOfValue(List<Token> tokens, int i, Mention last) {
    for (int k = i - 1; k >= Math.max(0, i - LOOK); k--) {
      if (tokens.get(k).type() == Type.NUMBER) {
        return k;
      }
    }
    return -1;
  }

  private static int lastNumberBefore(List<Token> tokens, int i) {
    for (int k = i - 1; k >= Math.max(0, i - LOOK); k--) {
      if (tokens.get(k).type() == Type.NUMBER) {
        return k;
      }
    }
    return -2;
  }

  private static boolean isThresholdWord(Token t) {
    return t.type() == Type.WORD && THRESHOLDS.contains(t.text());
  }

  /** Returns the index of the nearest token before {@code i} that is not an opening bracket, a colon or "=". */
  private static int previousNonFiller(List<Token> tokens, int i) {
    for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
      String s = tokens.get(k).text();
      if (!s.equals("(") && !s.equals(":") && !s.equals("=") && !s.equals("of") && !s.equals("at")
          && !s.equals("is") && !SYMBOL_CONNECTORS.contains(s)) {
        return k;
      }
    }
    return -1;
  }

  /** Returns the words just before a number, nearest last, skipping connectors; a number or clause break stops. */
  private static List<String> wordsBefore(List<Token> tokens, int i) {
    List<String> words = new ArrayList<>();
    for (int k = i - 1; k >= Math.max(0, i - LOOK); k--) {
      Token t = tokens.get(k);
      if (t.type() == Type.NUMBER) {
        break;
      }
      if (t.type() == Type.SYMBOL) {
        if (SYMBOL_CONNECTORS.contains(t.text())) {
          continue;
        }
        break;
      }
      if (CONNECTORS.contains(t.text()) && words.isEmpty()) {
        continue;
      }
      words.add(0, t.text());
      if (words.size() == WORDS_BEFORE) {
        break;
      }
    }
    return words;
  }

  /**
   * Returns the metric named by the longest run of the words before the value, preferring runs that end nearest it
   * ("online auc of the fraud model fell from 0.91 to 0.78" names the online score), or null.
   */
  private static String metricOf(List<String> words, Metrics metrics) {
    for (int end = words.size(); end >= 1; end--) {
      for (int take = Math.min(end, metrics.longestName() + 1); take >= 1; take--) {
        List<String> run = words.subList(end - take, end);
        String joined = String.join("", run);
        if (Metrics.key(joined).length() <= 1) {
          continue; // a lone letter names no metric: "p" alone is not "ks p-value"
        }
        String id = metrics.resolve(joined).orElse(null);
        if (id != null) {
          return id;
        }
      }
    }
    return null;
  }

  /** Returns the feature named after a value: "on feature age", "for income", "column=country", or null. */
  private static String feature(List<Token> tokens, int i) {
    int k = i + 1;
    while (k < tokens.size() && (UNITS.contains(tokens.get(k).text()) || tokens.get(k).text().equals(")"))) {
      k++;
    }
    for (int end = Math.min(tokens.size(), k + 4); k < end; k++) {
      Token t = tokens.get(k);
      if (t.type() == Type.NUMBER || (t.type() == Type.SYMBOL && !t.text().equals("=") && !t.text().equals(":")
          && !t.text().equals("("))) {
        return null;
      }
      if (t.type() == Type.WORD && (FEATURE_INTRODUCERS.contains(t.text()) || FEATURE_NOUNS.contains(t.text())
          || t.text().equals("the"))) {
        continue;
      }
      if (t.type() == Type.WORD && k > i + 1) {
        String before = tokens.get(k - 1).text();
        if (FEATURE_INTRODUCERS.contains(before) || FEATURE_NOUNS.contains(before) || before.equals("the")
            || before.equals("=") || before.equals(":")) {
          return Text.isStop(t.text()) || NOT_FEATURES.contains(t.text()) || TRAIN_WORDS.contains(t.text())
              || HELD_OUT_WORDS.contains(t.text()) ? null : t.text();
        }
      }
      return null;
    }
    return null;
  }

  /** Tokens: numbers (thousands separators, decimals, exponents, percent), words, and symbols. */
  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (asciiDigit(c) || (c == '.' && i + 1 < n && asciiDigit(s.charAt(i + 1)))
          || ((c == '-' || c == '+') && i + 1 < n && (asciiDigit(s.charAt(i + 1))
              || (s.charAt(i + 1) == '.' && i + 2 < n && asciiDigit(s.charAt(i + 2))))
              && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))))) {
        int end = number(s, i);
        boolean percent = end < n && s.charAt(end) == '%';
        double value = Double.parseDouble(s.substring(i, end).replace(",", ""));
        out.add(new Token(Type.NUMBER, s.substring(i, end), percent ? value / 100 : value));
        i = percent ? end + 1 : end;
        if (!percent && s.startsWith(" percent", i)) {
          Token last = out.remove(out.size() - 1);
          out.add(new Token(Type.NUMBER, last.text(), last.value() / 100));
          i += " percent".length();
        }
      } else if (Character.isLetter(c)) {
        int end = i;
        while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_'
            || s.charAt(end) == '\'' || ((s.charAt(end) == '-' || s.charAt(end) == '.') && end + 1 < n
            && Character.isLetterOrDigit(s.charAt(end + 1))))) {
          end++;
        }
        out.add(new Token(Type.WORD, s.substring(i, end), 0));
        i = end;
      } else {
        String two = i + 1 < n ? s.substring(i, i + 2) : "";
        String symbol = two.equals("->") || two.equals("=>") || two.equals("<=") || two.equals(">=") ? two
            : String.valueOf(c);
        out.add(new Token(Type.SYMBOL, symbol, 0));
        i += symbol.length();
      }
    }
    return out;
  }

  /** Returns the end of the number starting at {@code i}. Bounded lookahead keeps this linear. */
  private static int number(String s, int i) {
    int n = s.length();
    int j = i;
    if (s.charAt(j) == '-' || s.charAt(j) == '+') {
      j++;
    }
    int digits = j;
    while (j < n && asciiDigit(s.charAt(j))) {
      j++;
    }
    // Thousands separators: groups of exactly three digits after commas, only if the first group has 1 to 3.
    if (j - digits >= 1 && j - digits <= 3) {
      int k = j;
      while (k + 3 < n && s.charAt(k) == ',' && asciiDigit(s.charAt(k + 1))
          && asciiDigit(s.charAt(k + 2)) && asciiDigit(s.charAt(k + 3))
          && (k + 4 == n || !asciiDigit(s.charAt(k + 4)))) {
        k += 4;
      }
      j = k;
    }
    if (j < n && s.charAt(j) == '.' && j + 1 < n && asciiDigit(s.charAt(j + 1))) {
      j++;
      while (j < n && asciiDigit(s.charAt(j))) {
        j++;
      }
    }
    if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
      int k = j + 1;
      if (k < n && (s.charAt(k) == '-' || s.charAt(k) == '+')) {
        k++;
      }
      if (k < n && asciiDigit(s.charAt(k))) {
        while (k < n && asciiDigit(s.charAt(k))) {
          k++;
        }
        if (k == n || !Character.isLetter(s.charAt(k))) {
          j = k;
        }
      }
    }
    return j;
  }

  /** Returns whether words name a score on training data. */
  static boolean training(List<String> words) {
    return words.stream().anyMatch(TRAIN_WORDS::contains);
  }

  /** Returns whether words name a score on held-out data. */
  static boolean heldOut(List<String> words) {
    return words.stream().anyMatch(HELD_OUT_WORDS::contains);
  }

  /** Returns whether words name a quantity where lower is better: a loss or an error. */
  static boolean lowerIsBetter(List<String> words) {
    return words.stream().anyMatch(w -> w.equals("loss") || w.equals("error") || w.equals("rmse") || w.equals("mae")
        || w.equals("mse") || w.equals("wer") || w.equals("cer") || w.equals("mape") || w.equals("logloss"));
  }

  /**
   * A digit 0 to 9. {@link Character#isDigit} also accepts the digits of other scripts (Arabic-Indic, NKo, ...),
   * which {@link Double#parseDouble} refuses; those are read as part of a word, never as a number.
   */
  private static boolean asciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
