package dev.failuremodes;

import dev.failuremodes.internal.Rules;
import java.util.Optional;

/**
 * The value types' checks of {@link Rules}, without lambdas and without building a message unless a check fails:
 * they run for every value of the bundled catalog on the first {@link FailureModes#catalog()}, where each lambda and
 * each string concatenation site costs a class spun at run time.
 */
final class Invariants {
  private Invariants() {}

  /**
   * Throws what {@link Rules#require} throws for a problem, if there is one.
   *
   * @param kind what the value is, such as {@code "failure mode"}
   * @param name the value's id or name, quoted after {@code kind} in the message; null for none
   * @param builtBy the builder, such as {@code "Symptom.builder()"}
   * @throws CatalogException naming the value, the builder and the problem
   */
  static void require(Optional<String> problem, String kind, String name, String builtBy) {
    if (problem.isPresent()) {
      Rules.require(problem, name == null ? kind : kind + " '" + name + "'", builtBy);
    }
  }
}
