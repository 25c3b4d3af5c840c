package dev.failuremodes.assertj;

import dev.failuremodes.Diagnosis;
import org.assertj.core.error.ErrorMessageFactory;

/** Some inputs of a diagnosis were not recognised. */
final class ShouldHaveRecognisedAll extends ErrorMessage {
  private ShouldHaveRecognisedAll(Message message) {
    super(message);
  }

  /** Returns the message for a diagnosis of text or ids: each unrecognised input with its suggestions, the table. */
  static ErrorMessageFactory shouldHaveRecognisedAll(Diagnosis diagnosis) {
    return new ShouldHaveRecognisedAll(new Message()
        .line("Expecting every input to be recognised, but %s of %s %s not:",
            diagnosis.unrecognized().size(), diagnosis.inputs().size(),
            Message.text(diagnosis.unrecognized().size() == 1 ? "was" : "were"))
        .unrecognised(diagnosis.unrecognized())
        .table(diagnosis));
  }

  /**
   * Returns the message for measured values: each value whose metric the catalog does not know, with the nearest
   * metric ids, and the table.
   */
  static ErrorMessageFactory shouldNameKnownMetrics(Diagnosis diagnosis) {
    return new ShouldHaveRecognisedAll(new Message()
        .line("Expecting every value to be of a catalog metric, but %s of %s %s not:",
            diagnosis.unrecognized().size(), diagnosis.inputs().size(),
            Message.text(diagnosis.unrecognized().size() == 1 ? "is" : "are"))
        .unrecognised(diagnosis.unrecognized())
        .table(diagnosis));
  }
}
