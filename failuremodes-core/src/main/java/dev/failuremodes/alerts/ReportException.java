package dev.failuremodes.alerts;

import dev.failuremodes.FailureModesException;

/**
 * A report file could not be read, or is not what its reader expects. The message names the file, the JSON location
 * and what was expected there; pass the tool's own output unchanged, name its format with {@code Report.read(path,
 * format)} if detection picked the wrong one, or report the difference if the tool's format has changed.
 */
public class ReportException extends FailureModesException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String location;
  private final String problem;

  /** Creates the exception for a problem in a report. */
  public ReportException(String source, String location, String problem) {
    this(source, location, problem, null);
  }

  /** Creates the exception with an underlying cause. */
  public ReportException(String source, String location, String problem, Throwable cause) {
    super("Cannot read report " + source + (location.isEmpty() ? "" : " at " + location) + ": " + problem, cause);
    this.source = source;
    this.location = location;
    this.problem = problem;
  }

  /** Returns the report's name: its file path, or the name given to {@code Report.parse}. */
  public String source() {
    return source;
  }

  /**
   * Returns where in the report the problem is: a JSON location such as {@code $.alerts[0].labels}, {@code line 3,
   * column 7} for a syntax error, or empty when it concerns the whole file (its size, its encoding).
   */
  public String location() {
    return location;
  }

  /** Returns what is wrong and what was expected, without the report's name and location. */
  public String problem() {
    return problem;
  }
}
