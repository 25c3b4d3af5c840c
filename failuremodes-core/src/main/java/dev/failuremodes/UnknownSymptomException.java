package dev.failuremodes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A strict query had inputs that matched no symptom. The message lists each with suggestions; rephrase them, use a
 * symptom id from {@link Catalog#symptoms()}, or drop {@code strict()} to get a diagnosis from the rest.
 */
public class UnknownSymptomException extends FailureModesException {
  private static final long serialVersionUID = 1L;

  private final List<Unrecognized> unrecognized;

  /** Creates the exception for the inputs that were not recognised. */
  public UnknownSymptomException(List<Unrecognized> unrecognized) {
    super(message(unrecognized));
    this.unrecognized = List.copyOf(unrecognized);
  }

  /** Returns the inputs that were not recognised, with suggestions. */
  public List<Unrecognized> unrecognized() {
    return unrecognized;
  }

  private static String message(List<Unrecognized> unrecognized) {
    return "Unknown symptom"
        + (unrecognized.size() == 1 ? " " : "s ")
        + unrecognized.stream().map(Unrecognized::toString).collect(Collectors.joining("; "))
        + ". Use a symptom id or a phrase from the catalog (catalog.symptoms()), or drop strict() to diagnose from"
        + " the inputs that were recognised.";
  }
}
