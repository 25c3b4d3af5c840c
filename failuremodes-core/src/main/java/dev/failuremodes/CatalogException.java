package dev.failuremodes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A catalog document could not be read or is invalid. The message lists every problem found, each with the
 * document's name and a JSON location; a catalog with any problem is never partly loaded.
 *
 * <p>To fix it, correct each listed problem; the JSON Schema {@code catalog.schema.json} shipped beside the bundled
 * catalog documents every field.
 */
public class CatalogException extends FailureModesException {
  private static final long serialVersionUID = 1L;

  /** The problems; a plain list of records, so the exception stays serializable. */
  private final List<CatalogProblem> problems;

  /**
   * Creates an exception for a non-empty list of problems.
   *
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public CatalogException(List<CatalogProblem> problems) {
    this(problems, null);
  }

  /** Creates an exception for a list of problems with an underlying cause (an I/O or parse error). */
  public CatalogException(List<CatalogProblem> problems, Throwable cause) {
    super(describe(problems), cause);
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem found, in document order. */
  public List<CatalogProblem> problems() {
    return problems;
  }

  private static String describe(List<CatalogProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a CatalogException needs at least one problem");
    }
    List<String> distinct = problems.stream().map(CatalogProblem::source).distinct().collect(Collectors.toList());
    String sources = String.join(", ", distinct);
    String header =
        problems.size() == 1
            ? "Invalid catalog " + sources + ": 1 problem"
            : "Invalid catalog " + sources + ": " + problems.size() + " problems";
    boolean oneSource = distinct.size() == 1;
    return header
        + problems.stream()
            .map(p -> "\n  " + (oneSource ? "" : p.source() + " ") + p.location() + ": " + p.message())
            .collect(Collectors.joining())
        + "\nFix each problem and load again; catalog.schema.json documents every field.";
  }
}
