package dev.failuremodes;

import java.util.List;

/**
 * A catalog document could not be read or is invalid, or a catalog value built in code breaks a rule. The message
 * lists the problems found, each with the document's name and a JSON location (or, for a value built in code, the
 * value and the builder); a catalog with any problem is never partly loaded.
 *
 * <p>To fix it, correct each listed problem; the JSON Schema {@code catalog.schema.json} shipped beside the bundled
 * catalog documents every field.
 */
public class CatalogException extends FailureModesException {
  private static final long serialVersionUID = 1L;

  /** How many problems the message lists; {@link #problems()} holds every one. */
  static final int LISTED = 100;

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

  /**
   * Creates an exception for a list of problems with an underlying cause (an I/O or parse error).
   *
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public CatalogException(List<CatalogProblem> problems, Throwable cause) {
    super(describe(problems), cause);
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem found, in document order; the message lists only the first hundred. */
  public List<CatalogProblem> problems() {
    return problems;
  }

  private static String describe(List<CatalogProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a CatalogException needs at least one problem");
    }
    List<String> distinct = problems.stream().map(CatalogProblem::source).distinct().limit(LISTED).toList();
    boolean oneSource = distinct.size() == 1;
    StringBuilder out = new StringBuilder("Invalid catalog ").append(String.join(", ", distinct)).append(": ")
        .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
    boolean builtInCode = true;
    for (int i = 0; i < problems.size(); i++) {
      CatalogProblem p = problems.get(i);
      builtInCode &= p.location().endsWith(")");
      if (i < LISTED) {
        out.append("\n  ").append(oneSource ? "" : p.source() + " ").append(p.location()).append(": ")
            .append(p.message());
      }
    }
    if (problems.size() > LISTED) {
      out.append("\n  ... and ").append(problems.size() - LISTED)
          .append(" more problems; CatalogException.problems() lists every one");
    }
    // A document's locations are JSON paths or line and column; a value built in code is located at its builder.
    return out.append(builtInCode
            ? "\nFix the value and build it again; catalog.schema.json documents every field."
            : "\nFix each problem and load again; catalog.schema.json documents every field.")
        .toString();
  }
}
