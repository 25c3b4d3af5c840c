package dev.failuremodes.assertj;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** A failure mode is not among the first {@code k} candidates. */
final class ShouldRankWithin extends ErrorMessage {
  private ShouldRankWithin(Message message) {
    super(message);
  }

  /** Returns the message: the id, the rank asked for and the one found, the mode's evidence if any, the table. */
  static ErrorMessageFactory shouldRankWithin(Diagnosis diagnosis, String expected, int k) {
    Message message = new Message().line("Expecting failure mode:").line("  %s", expected);
    String wanted = k == 1 ? "to rank #1" : "to rank #" + k + " or higher";
    Optional<Candidate> candidate = Candidates.find(diagnosis, expected);
    if (candidate.isEmpty()) {
      message.line("%s, but it is not a candidate.", Message.text(wanted));
    } else {
      message.line("%s, but it ranks #%s.", Message.text(wanted), candidate.get().rank()).evidence(candidate.get());
    }
    return new ShouldRankWithin(message.table(diagnosis));
  }
}
