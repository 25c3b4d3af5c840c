package dev.failuremodes.assertj;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.Evidence;
import dev.failuremodes.Resolution;
import dev.failuremodes.Unrecognized;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A failure message being put together: a format with {@code %n} line breaks and its arguments. Values that the
 * representation should quote (ids) are plain arguments; blocks of text (evidence, the diagnosis table) are passed
 * as {@link Text}, which the factories unquote, with their line breaks made {@code %n} so that a message is the same
 * text on every platform.
 */
final class Message {
  private final StringBuilder format = new StringBuilder();
  private final List<Object> arguments = new ArrayList<>();

  /** Text to be shown as is, not quoted. */
  record Text(String value) {}

  /** Appends a line break and then the line, whose {@code %s} take the arguments in order. */
  Message line(String lineFormat, Object... lineArguments) {
    format.append("%n").append(lineFormat);
    arguments.addAll(List.of(lineArguments));
    return this;
  }

  /** Appends the evidence of a candidate, one {@link Evidence#describe()} per line, under its name and rank. */
  Message evidence(Candidate candidate) {
    line("Evidence for %s:", text(candidate.toString()));
    candidate.evidence().forEach(e -> line("  %s", text(e.describe())));
    return this;
  }

  /** Appends the diagnosis table, {@link Diagnosis#toString()}, as its own section. */
  Message table(Diagnosis diagnosis) {
    diagnosis.toString().lines().forEach(l -> line("%s", text(l)));
    return this;
  }

  /** Appends each value the diagnosis read against a threshold, in input order, when there is any. */
  Message valuesRead(Diagnosis diagnosis) {
    List<String> measured = new ArrayList<>();
    for (Resolution r : diagnosis.resolutions()) {
      measured.addAll(r.measurements());
    }
    if (!measured.isEmpty()) {
      line("Values read:");
      measured.forEach(m -> line("  %s", text(m)));
    }
    return this;
  }

  /** Appends one indented line for each input that was not recognised, with its suggestions. */
  Message unrecognised(List<Unrecognized> unrecognised) {
    unrecognised.forEach(u -> line("  %s", text(u.toString())));
    return this;
  }

  String format() {
    return format.toString();
  }

  Object[] arguments() {
    return arguments.toArray();
  }

  static Text text(String value) {
    return new Text(value);
  }

  /** Returns the words joined as in a sentence: {@code a}, {@code a and b}, {@code a, b and c}. */
  static String inWords(List<String> words) {
    if (words.size() <= 1) {
      return String.join("", words);
    }
    return words.subList(0, words.size() - 1).stream().collect(Collectors.joining(", "))
        + " and " + words.get(words.size() - 1);
  }

  /** Returns {@code 1 thing} or {@code n things}. */
  static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
