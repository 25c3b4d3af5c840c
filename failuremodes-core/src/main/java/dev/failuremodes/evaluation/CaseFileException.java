package dev.failuremodes.evaluation;

import dev.failuremodes.FailureModesException;

/**
 * A file of labelled cases could not be read or holds an invalid case. The message names the file, the line and
 * what is wrong; fix that line (the formats are documented on {@link LabelledCases}) and read the file again.
 */
public class CaseFileException extends FailureModesException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  /** Creates the exception for a problem at a line (1-based; 0 when it concerns the whole file). */
  public CaseFileException(String source, int line, String problem) {
    this(source, line, problem, null);
  }

  /** Creates the exception with an underlying cause, such as an I/O error. */
  public CaseFileException(String source, int line, String problem, Throwable cause) {
    super("Invalid case file " + source + (line > 0 ? ", line " + line : "") + ": " + problem, cause);
    this.source = source;
    this.line = line;
  }

  /** Returns the name of the file or source. */
  public String source() {
    return source;
  }

  /** Returns the 1-based line of the problem, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }
}
