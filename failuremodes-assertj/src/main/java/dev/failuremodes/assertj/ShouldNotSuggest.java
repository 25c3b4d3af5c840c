package dev.failuremodes.assertj;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import org.assertj.core.error.ErrorMessageFactory;

/** A failure mode that should not be a candidate is one. */
final class ShouldNotSuggest extends ErrorMessage {
  private ShouldNotSuggest(Message message) {
    super(message);
  }

  /** Returns the message: the id, its rank, its evidence and the table. */
  static ErrorMessageFactory shouldNotSuggest(Diagnosis diagnosis, Candidate candidate) {
    return new ShouldNotSuggest(new Message()
        .line("Expecting the diagnosis not to suggest:")
        .line("  %s", candidate.id())
        .line("but it ranks #%s.", candidate.rank())
        .evidence(candidate)
        .table(diagnosis));
  }
}
