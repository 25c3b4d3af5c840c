package dev.failuremodes;

import java.util.Objects;

/**
 * One problem found in a catalog document.
 *
 * @param source the document's name: a file path, a resource name or the name the caller gave; for a value built in
 *     code, the value, such as {@code symptom 'data-drift'}
 * @param location where in the document: a JSON path such as {@code $.failureModes[3].indicators[0].weight}, or
 *     {@code line L, column C} for syntax and encoding errors; for a value built in code, the method that built it,
 *     such as {@code Symptom.builder()}
 * @param message what is wrong, naming the bad value and what is expected
 */
public record CatalogProblem(String source, String location, String message) {
  /** Checks that no component is null. */
  public CatalogProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /** Returns {@code source location: message}. */
  @Override
  public String toString() {
    return source + " " + location + ": " + message;
  }
}
