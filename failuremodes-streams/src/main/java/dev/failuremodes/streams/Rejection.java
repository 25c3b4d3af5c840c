package dev.failuremodes.streams;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Objects;

/**
 * Why a record could not be annotated: what kind of problem, where in the record, and a sentence that says both and
 * how to fix it. The topology puts all three on the record it sends to the dead-letter topic, as headers.
 *
 * @param kind what kind of problem it is, for routing and counting
 * @param location where it is: a JSON path such as {@code $.observations[1].value}, {@code line 1, column 9} for a
 *     syntax error, or empty when the problem is the whole record (too large, no value)
 * @param reason the full message, such as {@code "Cannot annotate alert 'a-17' at $.observations[0]: psi must be ≥ 0
 *     ..."}
 */
public record Rejection(Kind kind, String location, String reason) {

  /** What kind of problem kept a record from being annotated. */
  public enum Kind {
    /** The record has no value: a null value, a tombstone. */
    NO_VALUE("no-value"),
    /** The record is above the size limit (it was not parsed), or nested deeper than the parser allows. */
    TOO_LARGE("too-large"),
    /** The record is not JSON: empty, a syntax error, invalid UTF-8, or more than one value. */
    NOT_JSON("not-json"),
    /** The record is JSON but not an object. */
    NOT_AN_OBJECT("not-an-object"),
    /** The object is neither an alert record nor a report of a known format. */
    UNKNOWN_SHAPE("unknown-shape"),
    /** An alert record's field is missing, of the wrong type, or unknown. */
    INVALID_FIELD("invalid-field"),
    /** An observation's value or reference is outside its metric's range, such as a negative PSI. */
    OUT_OF_RANGE("out-of-range"),
    /** A tool's report is not what its format's reader expects. */
    REPORT_REJECTED("report-rejected"),
    /**
     * Annotating failed for a reason that is not the record's fault: a defect of this library. Only the topology
     * reports it, so that one such record does not stop a partition; the reason names the exception.
     */
    INTERNAL_ERROR("internal-error");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** Returns the id used in headers and JSON, such as {@code "out-of-range"}. */
    public String id() {
      return id;
    }

    /** Returns the id. */
    @Override
    public String toString() {
      return id;
    }
  }

  /** Checks that no component is null. */
  public Rejection {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns the rejection as a JSON object, for a webhook's error response: {@code {"error": {"kind": "not-json",
   * "location": "line 1, column 9", "reason": "Cannot annotate ..."}}}.
   */
  public String toJson() {
    JsonStringEncoder e = JsonStringEncoder.getInstance();
    return "{\"error\":{\"kind\":\"" + kind.id() + "\",\"location\":\"" + new String(e.quoteAsString(location))
        + "\",\"reason\":\"" + new String(e.quoteAsString(reason)) + "\"}}";
  }

  /** Returns the reason. */
  @Override
  public String toString() {
    return reason;
  }
}
