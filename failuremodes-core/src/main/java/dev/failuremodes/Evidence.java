package dev.failuremodes;

import dev.failuremodes.internal.Numbers;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One input's support for a candidate, or against it.
 *
 * <p>Its {@code contribution} is {@code weight × confidence}. For a symptom the weight is the indicator's weight times
 * the symptom's specificity (symptoms shared by many modes count less) and the confidence is how well the input
 * matched it; for a named mode the weight is a fixed strength short of certain; for text the weight caps what words
 * alone can give and the confidence is how much of the input's telling words the mode's text explains; for a check's
 * result the weight comes from the check's effectiveness, less when the check predicts a negative for the mode. A
 * candidate's score combines its contributions by noisy-OR, and each contribution against it multiplies the score
 * by {@code 1 - contribution}.
 *
 * @param input the input as given
 * @param kind what the evidence rests on
 * @param against whether it speaks against the mode: a negated or ruled-out symptom or name, or a healthy value
 * @param symptom the id of the symptom, for symptom and measured evidence
 * @param field for text evidence, the part of the mode's text that matched best, such as {@code "symptoms"}; for
 *     a check's result, the check's id
 * @param words the input's words behind the evidence, strongest first (for names and text)
 * @param detail a short account for people, such as {@code "psi 0.31 > 0.25"}, or for a check what its result
 *     means ("serving features match training for the same requests"); may be empty
 * @param weight what this kind of evidence weighs for this mode, in (0, 1]
 * @param confidence how well the input matched, in (0, 1]
 * @param contribution {@code weight × confidence}, rounded to four decimals
 */
public record Evidence(
    String input,
    EvidenceKind kind,
    boolean against,
    Optional<String> symptom,
    Optional<String> field,
    List<String> words,
    String detail,
    double weight,
    double confidence,
    double contribution) {
  /** Checks that no component is null and copies the list. */
  public Evidence {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(symptom, "symptom");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(detail, "detail");
    words = List.copyOf(words);
  }

  /** Returns whether the input named the failure mode itself rather than describing a symptom of it. */
  public boolean named() {
    return kind == EvidenceKind.NAMED;
  }

  /**
   * Returns what the evidence came through, in a word: the symptom id, {@code named}, {@code text:field} or {@code
   * check:id}; with a leading {@code not } when it speaks against the mode.
   */
  public String via() {
    String via = symptom.orElseGet(() -> kind == EvidenceKind.TEXT ? "text:" + field.orElse("")
        : kind == EvidenceKind.CHECK ? "check:" + field.orElse("") : "named");
    return against ? "not " + via : via;
  }

  /** Returns the evidence in words, such as {@code "'PSI 0.31 on age' measured feature-distribution-shift ..."}. */
  public String describe() {
    StringBuilder out = new StringBuilder(160).append('\'');
    if (input.length() > 60) {
      out.append(input, 0, 57).append("...");
    } else {
      out.append(input);
    }
    out.append('\'');
    switch (kind) {
      case SYMPTOM:
        out.append(against ? " rules out symptom " : " shows symptom ").append(symptom.orElse(""));
        break;
      case MEASURED:
        out.append(against ? " measures within the healthy range of " : " measures ").append(symptom.orElse(""));
        if (!detail.isEmpty()) {
          out.append(": ").append(detail);
        }
        break;
      case NAMED:
        out.append(against ? " rules it out by name" : " names it");
        break;
      case CHECK:
        out.append(against ? " counts against it: " : " supports it: ").append(detail);
        break;
      default:
        out.append(" shares words with its ").append(field.orElse("text")).append(": ");
        for (int i = 0; i < words.size(); i++) {
          out.append(i == 0 ? "" : ", ").append(words.get(i));
        }
    }
    out.append(" (");
    Numbers.appendTwoDecimals(out, weight).append(" × ");
    Numbers.appendTwoDecimals(out, confidence).append(" = ");
    return Numbers.appendTwoDecimals(out, contribution).append(')').toString();
  }

  /** Returns {@link #describe()}: one line, for JShell and test failures. */
  @Override
  public String toString() {
    return describe();
  }
}
