package dev.failuremodes.streams;

import java.util.Arrays;

/**
 * Writes an annotation's JSON as UTF-8 bytes, into one array that grows as needed. It writes what Jackson's UTF-8
 * generator writes for the same calls, byte for byte ({@code JsonBytesTest} compares them), at a fraction of the
 * cost, since an annotation is a few fixed fields around strings the diagnosis already holds.
 *
 * <p>Strings are escaped as Jackson escapes them by default: {@code "} and {@code \} with a backslash; the control
 * characters below U+0020 as {@code \b}, {@code \t}, {@code \n}, {@code \f} and {@code \r} where JSON has a short
 * form and as <code>&#92;u00XX</code> otherwise; each UTF-16 surrogate (paired or lone) as
 * <code>&#92;uXXXX</code>, so that a lone one never makes invalid UTF-8; everything else as UTF-8. Not
 * thread-safe: one per annotation.
 */
final class JsonBytes {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private byte[] buf;
  private int size;

  JsonBytes(int capacity) {
    this.buf = new byte[Math.max(capacity, 64)];
  }

  private void room(long more) {
    if (size + more > buf.length) {
      // Past what an array can hold (a string of hundreds of millions of chars), toIntExact throws.
      buf = Arrays.copyOf(buf, Math.toIntExact(Math.max(buf.length * 2L, size + more)));
    }
  }

  /** Writes ASCII text as it is: punctuation and field names, never what a record or the catalog holds. */
  JsonBytes raw(String ascii) {
    int n = ascii.length();
    room(n);
    for (int i = 0; i < n; i++) {
      buf[size++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  JsonBytes raw(char c) {
    room(1);
    buf[size++] = (byte) c;
    return this;
  }

  /** Writes bytes as they are: the record, which has been parsed as JSON already. */
  JsonBytes raw(byte[] bytes, int from, int to) {
    room(to - from);
    System.arraycopy(bytes, from, buf, size, to - from);
    size += to - from;
    return this;
  }

  JsonBytes number(int value) {
    return raw(Integer.toString(value));
  }

  /** Writes a double as Jackson does by default, with {@link Double#toString(double)}. */
  JsonBytes number(double value) {
    return raw(Double.toString(value));
  }

  /** Writes a JSON string: quoted, escaped, UTF-8. */
  JsonBytes string(String s) {
    int n = s.length();
    room(n + 2L); // enough while every char is one byte; each that is not asks for room for itself and the rest
    byte[] b = buf;
    int at = size;
    b[at++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        b[at++] = (byte) c;
        continue;
      }
      size = at;
      room(6L + (n - i)); // this char at most six bytes, then one for each char left and the closing quote
      b = buf;
      if (c < 0x80) {
        b[at++] = '\\';
        switch (c) {
          case '"', '\\' -> b[at++] = (byte) c;
          case '\b' -> b[at++] = 'b';
          case '\t' -> b[at++] = 't';
          case '\n' -> b[at++] = 'n';
          case '\f' -> b[at++] = 'f';
          case '\r' -> b[at++] = 'r';
          default -> at = unicodeEscape(b, at, c);
        }
      } else if (c < 0x800) {
        b[at++] = (byte) (0xC0 | c >> 6);
        b[at++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isSurrogate(c)) {
        b[at++] = '\\';
        at = unicodeEscape(b, at, c);
      } else {
        b[at++] = (byte) (0xE0 | c >> 12);
        b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        b[at++] = (byte) (0x80 | c & 0x3F);
      }
    }
    b[at++] = '"';
    size = at;
    return this;
  }

  /** Writes {@code uXXXX} (the backslash is written already) and returns the next position. */
  private static int unicodeEscape(byte[] b, int at, char c) {
    b[at++] = 'u';
    b[at++] = HEX[c >> 12 & 0xF];
    b[at++] = HEX[c >> 8 & 0xF];
    b[at++] = HEX[c >> 4 & 0xF];
    b[at++] = HEX[c & 0xF];
    return at;
  }

  /** Returns the bytes written, in an array of their size. */
  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
