package dev.failuremodes.assertj;

import org.assertj.core.error.ErrorMessageFactory;

/** The measured values cannot be diagnosed: there are none, one is missing or not a number in its metric's range. */
final class ShouldBeDiagnosable extends ErrorMessage {
  private ShouldBeDiagnosable(Message message) {
    super(message);
  }

  /** Returns the message, with the reason as the library or the conversion gave it. */
  static ErrorMessageFactory shouldBeDiagnosable(String reason) {
    return new ShouldBeDiagnosable(new Message()
        .line("Expecting measured values that can be diagnosed, but:")
        .line("  %s", Message.text(reason)));
  }
}
