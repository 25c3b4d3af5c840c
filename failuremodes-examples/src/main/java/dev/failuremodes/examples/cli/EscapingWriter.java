package dev.failuremodes.examples.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * A writer that writes control and other non-printing characters as <code>&#92;uXXXX</code>, so that text the user
 * gave (or a report held) cannot drive the terminal it is printed on: no colours or cursor moves from ESC sequences,
 * no bell, no line overwritten by a carriage return, no text reversed by U+202E.
 *
 * <p>Escaped: C0 and C1 controls and DEL except tab and line feed; a carriage return unless a line feed follows it;
 * format characters (Unicode category Cf, such as the bidirectional overrides U+202A–U+202E and U+2066–U+2069, zero
 * widths and U+FEFF); U+2028 and U+2029; unpaired surrogates. A character outside the Basic Multilingual Plane is
 * written as its two UTF-16 units. The escape is JSON's own, so JSON text written through this writer parses to the
 * same values; JSON never holds these characters outside strings.
 */
final class EscapingWriter extends Writer {
  private final Writer out;
  private boolean carriageReturnPending;
  private char highSurrogatePending;

  /**
   * Creates a writer that escapes into {@code out}.
   *
   * @throws NullPointerException if {@code out} is null
   */
  EscapingWriter(Writer out) {
    super(Objects.requireNonNull(out, "out"));
    this.out = out;
  }

  /** Returns whether {@code codePoint} is written as an escape: a control, format or separator character. */
  static boolean escapes(int codePoint) {
    if (codePoint == '\n' || codePoint == '\t') {
      return false;
    }
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE -> true;
      default -> false;
    };
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    write(new String(buffer, offset, length), 0, length);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, text.length());
    StringBuilder b = new StringBuilder(length + 16);
    synchronized (lock) {
      append(b, text, offset, offset + length);
      out.write(b.toString());
    }
  }

  @Override
  public void write(int c) throws IOException {
    write(String.valueOf((char) c), 0, 1);
  }

  /** Writes a carriage return or high surrogate held back at the end of the last write, escaped, and flushes. */
  @Override
  public void flush() throws IOException {
    synchronized (lock) {
      StringBuilder b = new StringBuilder();
      drain(b);
      if (b.length() > 0) {
        out.write(b.toString());
      }
      out.flush();
    }
  }

  /** Flushes and closes the underlying writer. */
  @Override
  public void close() throws IOException {
    synchronized (lock) {
      flush();
      out.close();
    }
  }

  private void append(StringBuilder b, CharSequence text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (highSurrogatePending != 0) {
        char high = highSurrogatePending;
        highSurrogatePending = 0;
        if (Character.isLowSurrogate(c)) {
          int codePoint = Character.toCodePoint(high, c);
          if (escapes(codePoint)) {
            unit(b, high);
            unit(b, c);
          } else {
            b.append(high).append(c);
          }
          continue;
        }
        unit(b, high);
      }
      if (carriageReturnPending) {
        carriageReturnPending = false;
        if (c == '\n') {
          b.append("\r\n");
          continue;
        }
        unit(b, '\r');
      }
      if (c == '\r') {
        carriageReturnPending = true;
      } else if (Character.isHighSurrogate(c)) {
        highSurrogatePending = c;
      } else if (escapes(c)) {
        unit(b, c);
      } else {
        b.append(c);
      }
    }
  }

  /** Appends what is held back, escaped: nothing more can pair with it. */
  private void drain(StringBuilder b) {
    if (highSurrogatePending != 0) {
      unit(b, highSurrogatePending);
      highSurrogatePending = 0;
    }
    if (carriageReturnPending) {
      unit(b, '\r');
      carriageReturnPending = false;
    }
  }

  private static void unit(StringBuilder b, char c) {
    String hex = Integer.toHexString(c);
    b.append("\\u");
    for (int i = hex.length(); i < 4; i++) {
      b.append('0');
    }
    b.append(hex);
  }
}
