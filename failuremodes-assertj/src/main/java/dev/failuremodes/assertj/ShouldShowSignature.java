package dev.failuremodes.assertj;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** The measured values do not show a failure mode's signature. */
final class ShouldShowSignature extends ErrorMessage {
  private ShouldShowSignature(Message message) {
    super(message);
  }

  /**
   * Returns the message: the id, whether the mode is a candidate at all, its evidence if it is, every value read
   * against its threshold, and the table.
   */
  static ErrorMessageFactory shouldShowSignature(Diagnosis diagnosis, String expected) {
    Message message = new Message().line("Expecting the values to show the signature of:").line("  %s", expected);
    Optional<Candidate> candidate = Candidates.find(diagnosis, expected);
    if (candidate.isEmpty()) {
      message.line("that is, a value crossing one of its thresholds, but it is not a candidate.");
    } else {
      message.line("that is, a value crossing one of its thresholds, but none of the evidence of #%s is one.",
          candidate.get().rank());
      message.evidence(candidate.get());
    }
    return new ShouldShowSignature(message.valuesRead(diagnosis).table(diagnosis));
  }
}
