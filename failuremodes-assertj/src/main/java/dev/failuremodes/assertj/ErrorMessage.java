package dev.failuremodes.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;

/**
 * The base of this package's error-message factories: formats a {@link Message} the AssertJ way, with the assertion's
 * description and representation, showing its text blocks unquoted.
 */
abstract class ErrorMessage extends BasicErrorMessageFactory {
  ErrorMessage(Message message) {
    this(message.format(), message.arguments());
  }

  private ErrorMessage(String format, Object[] arguments) {
    // AssertJ formats only when there are arguments; a message without any still needs its %n line breaks.
    super(arguments.length == 0 ? String.format(format) : format, unquoted(arguments));
  }

  private static Object[] unquoted(Object[] arguments) {
    Object[] out = arguments.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof Message.Text t) {
        out[i] = unquotedString(t.value());
      }
    }
    return out;
  }
}
