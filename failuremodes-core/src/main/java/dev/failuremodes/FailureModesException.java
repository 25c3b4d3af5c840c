package dev.failuremodes;

/**
 * The base of every exception this library throws on purpose. Catch it to handle any failuremodes error; each
 * subclass's documentation says how to fix its cause.
 */
public class FailureModesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that names the input, the valid choices and a fix. */
  public FailureModesException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public FailureModesException(String message, Throwable cause) {
    super(message, cause);
  }
}
