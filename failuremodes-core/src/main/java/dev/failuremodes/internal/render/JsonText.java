package dev.failuremodes.internal.render;

import dev.failuremodes.internal.Numbers;

/**
 * Writes JSON straight to text in the layout of Jackson's default pretty printer (objects one field a line,
 * indented two spaces a level; arrays on one line, {@code [ a, b ]}), without building a tree. It writes into a
 * char array of its own rather than a {@code StringBuilder}: a diagnosis is about 280 short lines, and a builder's
 * checks on each of the thousand or so appends cost more than the characters. Not thread-safe; one per document.
 */
final class JsonText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final int MAX_DEPTH = 32;
  /** A line break and enough spaces for the deepest indentation. */
  private static final char[] INDENT = ("\n" + " ".repeat(2 * MAX_DEPTH)).toCharArray();

  /**
   * Each thread's buffer from its last document, lent to the next one: a diagnosis is about 9 KB, and growing a new
   * buffer to that size for every document costs more than writing it. Buffers over {@link #MAX_SPARE} characters
   * are not kept. The thread-local holds a slot that is emptied and refilled, because setting a thread-local costs
   * more than reading one.
   */
  private static final ThreadLocal<char[][]> SPARE = new ThreadLocal<>();
  private static final int MAX_SPARE = 1 << 16;

  /** The slot the buffer goes back to when the document is finished; null for a part. */
  private char[][] slot;
  private char[] out;
  private int at;
  private final boolean[] isObject = new boolean[MAX_DEPTH];
  private final int[] count = new int[MAX_DEPTH];
  private int depth;
  private int nesting;

  JsonText() {
    char[][] spare = SPARE.get();
    if (spare == null) {
      spare = new char[1][];
      SPARE.set(spare);
    }
    slot = spare;
    char[] buffer = spare[0];
    spare[0] = null; // lent to this document alone, until it is finished
    out = buffer != null ? buffer : new char[4096];
  }

  private JsonText(int nesting, int fieldsBefore) {
    out = new char[256];
    isObject[0] = true;
    count[0] = fieldsBefore;
    depth = 1;
    this.nesting = nesting;
  }

  /**
   * Starts a part of a document: fields of an object whose fields are at {@code nesting}, after {@code fieldsBefore}
   * fields. Its {@link #chars()} are later copied in by {@link #part(JsonFragments.Part)}.
   */
  static JsonText part(int nesting, int fieldsBefore) {
    return new JsonText(nesting, fieldsBefore);
  }

  /** Returns what a part wrote. */
  char[] chars() {
    return java.util.Arrays.copyOf(out, at);
  }

  /** Returns what a part wrote as the fields of a whole object: in braces, the closing one on a line of its own. */
  char[] objectChars() {
    int closing = 1 + 2 * (nesting - 1) + 1;
    char[] text = new char[1 + at + closing];
    text[0] = '{';
    System.arraycopy(out, 0, text, 1, at);
    System.arraycopy(INDENT, 0, text, 1 + at, closing - 1);
    text[text.length - 1] = '}';
    return text;
  }

  /** Copies in a whole object made by {@link JsonFragments} from {@link #objectChars()}, as the next array element. */
  JsonText element(JsonFragments.Part part) {
    if (depth == 0 || isObject[depth - 1] || nesting + 1 != part.nesting) {
      throw new IllegalStateException("a whole object is written as an element of an array whose objects have their"
          + " fields at nesting " + part.nesting + ", not at " + (nesting + 1));
    }
    beforeValue();
    char[] text = part.text;
    room(text.length);
    System.arraycopy(text, 0, out, at, text.length);
    at += text.length;
    return this;
  }

  /** Copies in a part made by {@link JsonFragments}, as if its fields were written here. */
  JsonText part(JsonFragments.Part part) {
    if (nesting != part.nesting || depth == 0 || !isObject[depth - 1]) {
      throw new IllegalStateException("a part is written among the fields of an object at nesting " + part.nesting
          + ", not at " + nesting);
    }
    if ((count[depth - 1] == 0) != (part.text[0] == '\n')) {
      throw new IllegalStateException("a part made for " + (part.text[0] == '\n' ? "the first" : "a later")
          + " field is written after " + count[depth - 1] + " fields");
    }
    char[] text = part.text;
    room(text.length);
    System.arraycopy(text, 0, out, at, text.length);
    at += text.length;
    count[depth - 1] += part.fields;
    return this;
  }

  /** A field whose value is an id or another text known to need no escape (kebab-case: letters, digits, dashes). */
  JsonText id(String name, String value) {
    return name(name).id(value);
  }

  /** A value that is an id (see {@link #id(String, String)}). */
  JsonText id(String value) {
    beforeValue();
    int n = value.length();
    room(n + 2);
    char[] o = out;
    o[at] = '"';
    value.getChars(0, n, o, at + 1);
    o[at + 1 + n] = '"';
    at += n + 2;
    return this;
  }

  /** An array of ids (see {@link #id(String, String)}). */
  JsonText ids(Iterable<String> values) {
    beginArray();
    for (String v : values) {
      id(v);
    }
    return endArray();
  }

  /** Makes room for {@code n} more characters. */
  private void room(int n) {
    if (at + n > out.length) {
      out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, at + n));
    }
  }

  JsonText beginObject() {
    beforeValue();
    room(1);
    out[at++] = '{';
    isObject[depth] = true;
    count[depth++] = 0;
    nesting++;
    return this;
  }

  JsonText endObject() {
    nesting--;
    if (count[--depth] == 0) {
      room(2);
      out[at++] = ' ';
      out[at++] = '}';
    } else {
      newline(nesting, 1);
      out[at++] = '}';
    }
    return this;
  }

  JsonText beginArray() {
    beforeValue();
    room(1);
    out[at++] = '[';
    isObject[depth] = false;
    count[depth++] = 0;
    return this;
  }

  JsonText endArray() {
    depth--;
    room(2);
    out[at++] = ' ';
    out[at++] = ']';
    return this;
  }

  /**
   * A field name with the text that comes before its value already written out for each of the first nestings (a
   * comma or not, the line break, the indentation, the quoted name and the colon): the renderer's most frequent
   * fields are written by one copy.
   */
  static final class Name {
    private static final int NESTINGS = 6;
    private final String name;
    private final char[][] first = new char[NESTINGS][];
    private final char[][] later = new char[NESTINGS][];

    Name(String name) {
      this.name = name;
      for (int level = 0; level < NESTINGS; level++) {
        String text = "\n" + "  ".repeat(level) + '"' + name + "\" : ";
        first[level] = text.toCharArray();
        later[level] = ("," + text).toCharArray();
      }
    }
  }

  /** Starts a field of the current object with a name made beforehand; its value follows. */
  JsonText name(Name name) {
    if (nesting >= Name.NESTINGS) {
      return name(name.name);
    }
    char[] text = (count[depth - 1]++ > 0 ? name.later : name.first)[nesting];
    room(text.length);
    System.arraycopy(text, 0, out, at, text.length);
    at += text.length;
    return this;
  }

  /** Starts a field of the current object; its value follows. */
  JsonText name(String name) {
    int n = name.length();
    int first = count[depth - 1]++ > 0 ? 1 : 0;
    room(first + 1 + 2 * nesting + n + 5);
    if (first > 0) {
      out[at++] = ',';
    }
    newline(nesting, 0);
    char[] o = out;
    int i = at;
    o[i++] = '"';
    name.getChars(0, n, o, i); // field names are the renderer's own, needing no escape
    i += n;
    o[i++] = '"';
    o[i++] = ' ';
    o[i++] = ':';
    o[i++] = ' ';
    at = i;
    return this;
  }

  JsonText value(String s) {
    beforeValue();
    string(s);
    return this;
  }

  JsonText value(double d) {
    beforeValue();
    room(26);
    at = Numbers.shortest(d, out, at);
    return this;
  }

  JsonText value(int i) {
    beforeValue();
    text(Integer.toString(i));
    return this;
  }

  JsonText value(boolean b) {
    beforeValue();
    text(b ? "true" : "false");
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
    return name(name).strings(values);
  }

  /** An array of strings. */
  JsonText strings(Iterable<String> values) {
    beginArray();
    for (String v : values) {
      value(v);
    }
    return endArray();
  }

  @Override
  public String toString() {
    room(1);
    out[at] = '\n';
    return new String(out, 0, at + 1);
  }

  /** Returns the document, as {@link #toString}, and gives the buffer back to the thread; nothing is written after. */
  String finish() {
    String text = toString();
    if (slot != null && out.length <= MAX_SPARE) {
      slot[0] = out;
    }
    out = null;
    return text;
  }

  private void beforeValue() {
    if (depth > 0 && !isObject[depth - 1]) {
      room(2);
      if (count[depth - 1]++ > 0) {
        out[at++] = ',';
      }
      out[at++] = ' ';
    }
  }

  /** A line break and the indentation of {@code level}, with room for {@code extra} characters after it. */
  private void newline(int level, int extra) {
    int n = 1 + 2 * level;
    room(n + extra);
    System.arraycopy(INDENT, 0, out, at, n);
    at += n;
  }

  /** Text that needs no escape. */
  private void text(String s) {
    int n = s.length();
    room(n);
    s.getChars(0, n, out, at);
    at += n;
  }

  private void string(String s) {
    int n = s.length();
    room(n + 2);
    char[] o = out;
    int start = at + 1;
    o[at] = '"';
    s.getChars(0, n, o, start);
    int end = start + n;
    int i = start;
    while (i < end) {
      char c = o[i];
      if (c < 0x20 || c == '"' || c == '\\') {
        break;
      }
      i++;
    }
    if (i == end) { // most strings need no escape
      o[end] = '"';
      at = end + 1;
      return;
    }
    at = i; // rewrite from the first character that needs one
    for (int k = i - start; k < n; k++) {
      char c = s.charAt(k);
      if (c >= 0x20 && c != '"' && c != '\\') {
        room(2);
        out[at++] = c;
        continue;
      }
      room(7);
      char[] w = out;
      w[at++] = '\\';
      switch (c) {
        case '"' -> w[at++] = '"';
        case '\\' -> w[at++] = '\\';
        case '\n' -> w[at++] = 'n';
        case '\r' -> w[at++] = 'r';
        case '\t' -> w[at++] = 't';
        case '\b' -> w[at++] = 'b';
        case '\f' -> w[at++] = 'f';
        default -> {
          w[at++] = 'u';
          w[at++] = '0';
          w[at++] = '0';
          w[at++] = HEX[c >> 4];
          w[at++] = HEX[c & 0xF];
        }
      }
    }
    out[at++] = '"';
  }
}
