package dev.failuremodes.alerts;

import dev.failuremodes.signals.Observation;
import java.util.Objects;
import java.util.Optional;

/**
 * One check of a tool's report, in the catalog's terms.
 *
 * @param format the tool the report came from
 * @param check the check's name as the tool gives it, such as {@code "SCHEMA_NEW_COLUMN"} or {@code
 *     "expect_column_values_to_not_be_null"}
 * @param feature the feature or column the check is about, if any
 * @param kind what the finding says
 * @param symptom for {@link Kind#SYMPTOM}, the catalog symptom it reports
 * @param observation for {@link Kind#MEASURED}, the value it reports, with the tool's numbers
 * @param text for {@link Kind#TEXT}, the words to read (an alert's summary)
 * @param detail what the tool said, in a line, with its numbers
 */
public record Finding(
    Format format,
    String check,
    Optional<String> feature,
    Kind kind,
    Optional<String> symptom,
    Optional<Observation> observation,
    Optional<String> text,
    String detail) {

  /** What a finding says. */
  public enum Kind {
    /** It reports a catalog symptom, such as a new column (schema change). */
    SYMPTOM,
    /** It gives a value of a catalog metric, read against the catalog's threshold (or the tool's, when given). */
    MEASURED,
    /** It is words to read as text, such as an alert's summary. */
    TEXT,
    /** It is a documented check that says nothing about a failure (a passed check with no value, a statistic). */
    NOT_A_SIGNAL,
    /** It is a check this library does not know: listed in the diagnosis as unrecognised, never dropped. */
    UNKNOWN
  }

  /** Checks that no component is null. */
  public Finding {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(symptom, "symptom");
    Objects.requireNonNull(observation, "observation");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(detail, "detail");
  }

  /** Returns a finding that reports a symptom. */
  public static Finding symptom(Format format, String check, String feature, String symptom, String detail) {
    return new Finding(format, check, Optional.ofNullable(feature), Kind.SYMPTOM, Optional.of(symptom),
        Optional.empty(), Optional.empty(), detail);
  }

  /** Returns a finding that gives a measured value. */
  public static Finding measured(Format format, String check, Observation observation, String detail) {
    return new Finding(format, check, observation.feature(), Kind.MEASURED, Optional.empty(),
        Optional.of(observation), Optional.empty(), detail);
  }

  /** Returns a finding to read as text. */
  public static Finding text(Format format, String check, String feature, String text, String detail) {
    return new Finding(format, check, Optional.ofNullable(feature), Kind.TEXT, Optional.empty(), Optional.empty(),
        Optional.of(text), detail);
  }

  /** Returns a finding that is no failure signal. */
  public static Finding notASignal(Format format, String check, String feature, String detail) {
    return new Finding(format, check, Optional.ofNullable(feature), Kind.NOT_A_SIGNAL, Optional.empty(),
        Optional.empty(), Optional.empty(), detail);
  }

  /** Returns a finding for a check this library does not know. */
  public static Finding unknown(Format format, String check, String feature, String detail) {
    return new Finding(format, check, Optional.ofNullable(feature), Kind.UNKNOWN, Optional.empty(),
        Optional.empty(), Optional.empty(), detail);
  }

  /** Returns {@code [tool] check on feature: detail}, as the finding is shown in a diagnosis. */
  @Override
  public String toString() {
    return "[" + format.tool() + "] " + check + feature.map(f -> " on " + f).orElse("")
        + (detail.isEmpty() ? "" : ": " + detail);
  }
}
