package dev.failuremodes.assertj;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.error.ErrorMessageFactory;

/** Measured values that should look healthy show the signature of one or more failure modes. */
final class ShouldShowNoSignature extends ErrorMessage {
  private ShouldShowNoSignature(Message message) {
    super(message);
  }

  /**
   * Returns the message: each value that crosses a threshold, the failure modes whose signature they show, the
   * evidence of the first of them, every value read, and the table.
   *
   * @param scope what should not be shown, such as {@code "no known failure signature"}
   * @param offending the candidates that show their signature, most likely first; not empty
   */
  static ErrorMessageFactory shouldShowNoSignature(Diagnosis diagnosis, String scope, List<Candidate> offending) {
    Set<String> crossings = new LinkedHashSet<>();
    List<String> modes = new ArrayList<>();
    for (Candidate c : offending) {
      modes.add(c.id());
      for (Evidence e : c.evidence()) {
        if (Candidates.crossesThreshold(e)) {
          crossings.add(e.detail().isEmpty() ? e.input() : e.detail());
        }
      }
    }
    Message message = new Message().line("Expecting the values to show %s, but %s:", Message.text(scope),
        Message.text(Message.count(crossings.size(), "value crosses a threshold", "values cross a threshold")));
    crossings.forEach(x -> message.line("  %s", Message.text(x)));
    message.line("showing the signature of %s.", Message.text(Message.inWords(modes)));
    return new ShouldShowNoSignature(message.evidence(offending.get(0)).valuesRead(diagnosis).table(diagnosis));
  }
}
