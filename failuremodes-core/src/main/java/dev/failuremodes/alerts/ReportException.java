package dev.failuremodes.alerts;

import dev.failuremodes.FailureModesException;

/**
 * A report file could not be read, or is not what its reader expects. The message names the file, the JSON location
 * and what was expected there; pass the tool's own output unchanged, name its format with {@code Report.read(path,
 * format)} if detection picked the wrong one, or report the difference if the tool's format has changed.
 */
public class ReportException extends FailureModesException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for a problem in a report. */
  public ReportException(String source, String location, String problem) {
    this(source, location, problem, null);
  }

  /** Creates the exception with an underlying cause. */
  public ReportException(String source, String location, String problem, Throwable cause) {
    super("Cannot read report " + source + (location.isEmpty() ? "" : " at " + location) + ": " + problem, cause);
  }
}
