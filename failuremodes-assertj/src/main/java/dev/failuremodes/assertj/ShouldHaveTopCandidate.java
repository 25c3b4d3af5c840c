package dev.failuremodes.assertj;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** The diagnosis's most likely candidate is not the expected failure mode. */
final class ShouldHaveTopCandidate extends ErrorMessage {
  private ShouldHaveTopCandidate(Message message) {
    super(message);
  }

  /**
   * Returns the message: the expected id, the actual top candidate and where the expected one ranks, the evidence of
   * both, and the table.
   */
  static ErrorMessageFactory shouldHaveTopCandidate(Diagnosis diagnosis, String expected) {
    Message message = new Message().line("Expecting the top candidate to be:").line("  %s", expected);
    Optional<Candidate> top = diagnosis.top();
    if (top.isEmpty()) {
      // The table that follows says why there are none.
      message.line("but the diagnosis has no candidates.");
      return new ShouldHaveTopCandidate(message.table(diagnosis));
    }
    message.line("but was:").line("  %s", Message.text(top.get().toString()));
    Optional<Candidate> wanted = Candidates.find(diagnosis, expected);
    if (wanted.isPresent()) {
      message.line("and %s ranks #%s.", expected, wanted.get().rank());
    } else {
      message.line("and %s is not a candidate.", expected);
    }
    message.evidence(top.get());
    wanted.ifPresent(message::evidence);
    return new ShouldHaveTopCandidate(message.table(diagnosis));
  }
}
