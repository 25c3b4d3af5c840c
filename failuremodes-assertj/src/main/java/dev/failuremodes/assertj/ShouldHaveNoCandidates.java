package dev.failuremodes.assertj;

import dev.failuremodes.Diagnosis;
import org.assertj.core.error.ErrorMessageFactory;

/** A diagnosis that should have no candidate has some. */
final class ShouldHaveNoCandidates extends ErrorMessage {
  private ShouldHaveNoCandidates(Message message) {
    super(message);
  }

  /** Returns the message: how many candidates there are, the top one's evidence and the table. */
  static ErrorMessageFactory shouldHaveNoCandidates(Diagnosis diagnosis) {
    return new ShouldHaveNoCandidates(new Message()
        .line("Expecting the diagnosis to have no candidates, but it has %s.", diagnosis.candidates().size())
        .evidence(diagnosis.candidates().get(0))
        .table(diagnosis));
  }
}
