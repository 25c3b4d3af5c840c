package dev.failuremodes.assertj;

import dev.failuremodes.UnknownIdException;
import org.assertj.core.error.ErrorMessageFactory;

/** An assertion was given a failure-mode or fix id that the catalog does not have. */
final class ShouldBeKnownId extends ErrorMessage {
  private ShouldBeKnownId(Message message) {
    super(message);
  }

  /**
   * Returns the message for an unknown id: the kind of id, the catalog consulted and the catalog's own "did you mean"
   * text.
   */
  static ErrorMessageFactory shouldBeKnownId(String kind, String catalogVersion, UnknownIdException unknown) {
    return new ShouldBeKnownId(new Message()
        .line("Expecting a %s id of catalog %s, but:", Message.text(kind), Message.text(catalogVersion))
        .line("  %s", Message.text(unknown.getMessage())));
  }
}
