package dev.failuremodes.internal.render;

/**
 * Writes JSON straight to text in the layout of Jackson's default pretty printer (objects one field a line,
 * indented two spaces a level; arrays on one line, {@code [ a, b ]}), without building a tree: a diagnosis is
 * written a few times faster than through a tree and a generator. Not thread-safe; one per document.
 */
final class JsonText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final int MAX_DEPTH = 32;
  /** A line break and the indentation of each level: appending a whole String is a copy, not a loop. */
  private static final String[] NEWLINES = new String[MAX_DEPTH + 1];

  static {
    for (int i = 0; i <= MAX_DEPTH; i++) {
      NEWLINES[i] = "\n" + "  ".repeat(i);
    }
  }

  /**
   * Each thread's builder from its last document, lent to the next one: a diagnosis is about 9 KB, and growing a
   * new builder to that size for every document costs more than writing it. Builders over {@link #MAX_SPARE}
   * characters are not kept.
   */
  private static final ThreadLocal<StringBuilder> SPARE = new ThreadLocal<>();
  private static final int MAX_SPARE = 1 << 16;

  private StringBuilder out;
  private final boolean[] isObject = new boolean[MAX_DEPTH];
  private final int[] count = new int[MAX_DEPTH];
  private int depth;
  private int nesting;

  JsonText() {
    StringBuilder spare = SPARE.get();
    if (spare != null) {
      SPARE.set(null); // lent to this document alone, until it is finished
      spare.setLength(0);
      out = spare;
    } else {
      out = new StringBuilder(4096);
    }
  }

  JsonText beginObject() {
    beforeValue();
    out.append('{');
    isObject[depth] = true;
    count[depth++] = 0;
    nesting++;
    return this;
  }

  JsonText endObject() {
    nesting--;
    if (count[--depth] == 0) {
      out.append(" }");
    } else {
      newline(nesting);
      out.append('}');
    }
    return this;
  }

  JsonText beginArray() {
    beforeValue();
    out.append('[');
    isObject[depth] = false;
    count[depth++] = 0;
    return this;
  }

  JsonText endArray() {
    depth--;
    out.append(" ]");
    return this;
  }

  /** Starts a field of the current object; its value follows. */
  JsonText name(String name) {
    if (count[depth - 1]++ > 0) {
      out.append(',');
    }
    newline(nesting);
    out.append('"').append(name).append("\" : "); // field names are the renderer's own, needing no escape
    return this;
  }

  JsonText value(String s) {
    beforeValue();
    string(s);
    return this;
  }

  JsonText value(double d) {
    beforeValue();
    out.append(d);
    return this;
  }

  JsonText value(int i) {
    beforeValue();
    out.append(i);
    return this;
  }

  JsonText value(boolean b) {
    beforeValue();
    out.append(b);
    return this;
  }

  /** A field with a string value. */
  JsonText field(String name, String value) {
    return name(name).value(value);
  }

  JsonText field(String name, double value) {
    return name(name).value(value);
  }

  JsonText field(String name, int value) {
    return name(name).value(value);
  }

  JsonText field(String name, boolean value) {
    return name(name).value(value);
  }

  /** A field whose value is an array of strings. */
  JsonText field(String name, Iterable<String> values) {
    name(name).beginArray();
    for (String v : values) {
      value(v);
    }
    return endArray();
  }

  @Override
  public String toString() {
    int length = out.length();
    String text = out.append('\n').toString();
    out.setLength(length);
    return text;
  }

  /** Returns the document, as {@link #toString}, and gives the builder back to the thread; nothing is written after. */
  String finish() {
    String text = toString();
    if (out.capacity() <= MAX_SPARE) {
      SPARE.set(out);
    }
    out = null;
    return text;
  }

  private void beforeValue() {
    if (depth > 0 && !isObject[depth - 1]) {
      out.append(count[depth - 1]++ > 0 ? ", " : " ");
    }
  }

  private void newline(int level) {
    out.append(NEWLINES[level]);
  }

  private void string(String s) {
    out.append('"');
    int n = s.length();
    int first = 0;
    while (first < n) {
      char c = s.charAt(first);
      if (c < 0x20 || c == '"' || c == '\\') {
        break;
      }
      first++;
    }
    if (first == n) {
      // Most strings need no escape: append them whole (a copy), not a range (a loop over characters).
      out.append(s).append('"');
      return;
    }
    int start = 0;
    for (int i = first; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, start, i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
      start = i + 1;
    }
    out.append(s, start, s.length()).append('"');
  }
}
