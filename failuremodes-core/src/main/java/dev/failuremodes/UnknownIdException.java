package dev.failuremodes;

import dev.failuremodes.internal.Suggestions;
import java.util.List;

/**
 * A lookup by id found nothing. The message names the id, the kind of entry and up to three near ids; fix the id,
 * or list the valid ones with {@link Catalog#symptoms()}, {@link Catalog#failureModes()} or {@link Catalog#fixes()}.
 */
public class UnknownIdException extends FailureModesException {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final List<String> suggestions;

  /** Creates the exception for an id of the given kind ("symptom", "failure mode", ...) and near ids. */
  public UnknownIdException(String kind, String id, List<String> suggestions) {
    super(message(kind, id, suggestions));
    this.id = id;
    this.suggestions = List.copyOf(suggestions);
  }

  /** Returns the id that was not found. */
  public String id() {
    return id;
  }

  /** Returns the nearest existing ids, best first; empty when nothing is close. */
  public List<String> suggestions() {
    return suggestions;
  }

  private static String message(String kind, String id, List<String> suggestions) {
    String hint =
        suggestions.isEmpty()
            ? "no " + kind + " id is close; list the valid ids from the catalog"
            : Suggestions.didYouMean(suggestions);
    return "Unknown " + kind + " '" + id + "'; " + hint;
  }
}
