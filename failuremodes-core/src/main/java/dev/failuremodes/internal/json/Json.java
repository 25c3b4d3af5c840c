package dev.failuremodes.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failuremodes.CatalogException;
import dev.failuremodes.CatalogProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes JSON trees with Jackson's streaming parser and generator, with read limits so that a hostile or
 * broken file fails cleanly. It deliberately avoids {@code ObjectMapper}: the library needs only trees, and the
 * mapper's initialisation was a third of the bundled catalog's first-load time.
 */
public final class Json {
  /** Largest accepted document, in characters. The bundled catalog is well under a tenth of this. */
  public static final long MAX_DOCUMENT_LENGTH = 16L * 1024 * 1024;
  /** Deepest accepted nesting; a catalog needs six levels. */
  public static final int MAX_NESTING_DEPTH = 32;
  /** Deepest accepted nesting in a tool's report. */
  public static final int MAX_REPORT_NESTING_DEPTH = 128;
  /** Longest accepted string value, in characters. */
  public static final int MAX_STRING_LENGTH = 64 * 1024;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNameLength(1024)
                  .maxNumberLength(64)
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // Streams belong to whoever opened them; Catalog.read promises not to close the caller's.
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();
  /**
   * Reports get the same document limit but longer strings and deeper nesting: tools embed whole tables or charts as
   * one string (a Deepchecks display) and nest results more deeply than a catalog. The document limit still bounds
   * memory.
   */
  private static final JsonFactory REPORTS =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                  .maxNestingDepth(MAX_REPORT_NESTING_DEPTH)
                  .maxStringLength((int) MAX_DOCUMENT_LENGTH)
                  .maxNameLength(64 * 1024)
                  .maxNumberLength(1000)
                  .build())
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Reads eight bytes of an array as one long, for {@link #requireUtf8}. */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Json() {}

  /**
   * Parses a document; a leading byte-order mark is skipped.
   *
   * @throws CatalogException naming the source, line and column if the text is not JSON or breaks a read limit, or
   *     the source alone if the text looks like UTF-16 decoded as single bytes
   */
  public static JsonNode parse(Reader text, String source) {
    return parse(FACTORY, text, source);
  }

  /**
   * Parses a tool's report: the same document limit as a catalog, strings up to that length, nesting up to {@link
   * #MAX_REPORT_NESTING_DEPTH}, and duplicate keys tolerated (the last one wins), as tools are not strict writers.
   *
   * @throws CatalogException naming the source, line and column if the text is not JSON or breaks a read limit
   */
  public static JsonNode parseReport(Reader text, String source) {
    return parse(REPORTS, text, source);
  }

  private static JsonNode parse(JsonFactory factory, Reader text, String source) {
    Reader reader = text.markSupported() ? text : new BufferedReader(text);
    try {
      // A byte-order mark is no JSON, but editors write one; NULs among the first characters are UTF-16 or UTF-32
      // bytes decoded one by one, which the parser would report as a stray control character.
      char[] head = new char[4];
      reader.mark(head.length);
      int n = 0;
      for (int read; n < head.length && (read = reader.read(head, n, head.length - n)) > 0; ) {
        n += read;
      }
      reader.reset();
      for (int i = 0; i < n; i++) {
        if (head[i] == '\0') {
          throw new CatalogException(List.of(new CatalogProblem(source, "document", "the text has NUL characters"
              + " between its first characters, as UTF-16 bytes read as UTF-8 or Latin-1 do; it must be UTF-8: save"
              + " the file as UTF-8 and read it as UTF-8")));
        }
      }
      if (n > 0 && head[0] == '\uFEFF') {
        reader.skip(1);
      }
      return parse(factory.createParser(reader), source);
    } catch (IOException e) {
      throw new CatalogException(List.of(new CatalogProblem(source, "document", "cannot read: " + e)), e);
    }
  }

  /** Reads one document to its end with a parser it then closes. */
  private static JsonNode parse(JsonParser created, String source) {
    try (JsonParser parser = created) {
      if (parser.nextToken() == null) {
        throw new CatalogException(List.of(new CatalogProblem(source, "line 1, column 1", "the document is empty")));
      }
      JsonNode root = read(parser);
      if (parser.nextToken() != null) {
        throw new CatalogException(List.of(new CatalogProblem(
            source, where(parser.currentTokenLocation()), "unexpected content after the end of the document")));
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw new CatalogException(
          List.of(new CatalogProblem(source, "document", "read limit exceeded: " + e.getOriginalMessage())), e);
    } catch (JsonProcessingException e) {
      throw new CatalogException(
          List.of(new CatalogProblem(source, where(e.getLocation()), "not valid JSON: " + plain(e.getOriginalMessage()))),
          e);
    } catch (IOException e) {
      throw new CatalogException(List.of(new CatalogProblem(source, "document", "cannot read: " + e)), e);
    }
  }

  /** Jackson's source description inside a message: noise to a reader, who already has the file name. */
  private static final java.util.regex.Pattern SOURCE =
      java.util.regex.Pattern.compile("\\[Source: [^\\]]*?; (line: \\d+, column: \\d+)\\]");

  /** Returns a parser's message without its source description: "... (start marker at line: 1, column: 1)". */
  static String plain(String message) {
    return message == null ? "" : SOURCE.matcher(message).replaceAll("$1");
  }

  /**
   * Parses a document from a stream of UTF-8 bytes, read to its end but not closed. A UTF-8 byte-order mark is
   * skipped; bytes that are not UTF-8 are refused, never replaced: UTF-16 and UTF-32 (recognised by their byte-order
   * mark or the NUL bytes between their first characters) are named, and a malformed byte is reported with its line
   * and column.
   *
   * @throws CatalogException naming the source if the bytes are not UTF-8, the text is not JSON or breaks a read limit
   */
  public static JsonNode parse(InputStream in, String source) {
    byte[] bytes = new byte[8192];
    int length = 0;
    try {
      for (int read; (read = in.read(bytes, length, bytes.length - length)) >= 0; ) {
        length += read;
        if (length > MAX_DOCUMENT_LENGTH) {
          throw new CatalogException(List.of(new CatalogProblem(source, "document",
              "read limit exceeded: the document is longer than " + MAX_DOCUMENT_LENGTH + " bytes")));
        }
        if (length == bytes.length) {
          bytes = Arrays.copyOf(bytes, (int) Math.min(2L * bytes.length, MAX_DOCUMENT_LENGTH + 1));
        }
      }
    } catch (IOException e) {
      throw new CatalogException(List.of(new CatalogProblem(source, "document", "cannot read: " + e)), e);
    }
    String other = otherEncoding(bytes, length);
    if (other != null) {
      throw new CatalogException(List.of(new CatalogProblem(source, "document",
          other + "; a catalog must be UTF-8: save it as UTF-8")));
    }
    int start = length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    requireUtf8(bytes, start, length, source);
    // Checked, the bytes go to the byte parser as they are: decoding them to characters first would cost as much again.
    try {
      return parse(FACTORY.createParser(bytes, start, length - start), source);
    } catch (IOException e) {
      throw new CatalogException(List.of(new CatalogProblem(source, "document", "cannot read: " + e)), e);
    }
  }

  /** Names the encoding of a document that is plainly UTF-16 or UTF-32, or returns null. */
  private static String otherEncoding(byte[] b, int n) {
    if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE && b[3] == (byte) 0xFF) {
      return "the document is UTF-32BE (it starts with the byte-order mark 00 00 FE FF)";
    }
    if (n >= 4 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE && b[2] == 0 && b[3] == 0) {
      return "the document is UTF-32LE (it starts with the byte-order mark FF FE 00 00)";
    }
    if (n >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
      return "the document is UTF-16BE (it starts with the byte-order mark FE FF)";
    }
    if (n >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
      return "the document is UTF-16LE (it starts with the byte-order mark FF FE)";
    }
    // JSON text starts with ASCII, and no NUL byte belongs in it: NULs among the first bytes are the high (or low)
    // bytes of wider code units.
    String looks = "the document looks like %s (it has NUL bytes between its first characters)";
    if (n >= 2 && b[0] == 0) {
      return String.format(looks, b[1] == 0 ? "UTF-32BE" : "UTF-16BE");
    }
    if (n >= 2 && b[1] == 0) {
      return String.format(looks, n >= 3 && b[2] == 0 ? "UTF-32LE" : "UTF-16LE");
    }
    return null;
  }

  /**
   * Checks that bytes are well-formed UTF-8 (RFC 3629: no overlong form, no surrogate, nothing above U+10FFFF), and
   * throws for the first malformed sequence with its line and column. The parser alone would take some of these for
   * characters.
   */
  private static void requireUtf8(byte[] bytes, int start, int length, String source) {
    int i = start;
    while (i < length) {
      // A catalog is nearly all ASCII: skip eight ASCII bytes at a time.
      while (i + Long.BYTES <= length && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
        i += Long.BYTES;
      }
      if (i >= length) {
        break;
      }
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      int size;
      int codePoint;
      int min;
      if ((b & 0xE0) == 0xC0) {
        size = 2;
        codePoint = b & 0x1F;
        min = 0x80;
      } else if ((b & 0xF0) == 0xE0) {
        size = 3;
        codePoint = b & 0x0F;
        min = 0x800;
      } else if ((b & 0xF8) == 0xF0) {
        size = 4;
        codePoint = b & 0x07;
        min = 0x10000;
      } else {
        throw notUtf8(bytes, start, i, 1, source);
      }
      for (int k = 1; k < size; k++) {
        if (i + k >= length || (bytes[i + k] & 0xC0) != 0x80) {
          throw notUtf8(bytes, start, i, k, source);
        }
        codePoint = codePoint << 6 | bytes[i + k] & 0x3F;
      }
      if (codePoint < min || codePoint > Character.MAX_CODE_POINT
          || codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
        throw notUtf8(bytes, start, i, size, source);
      }
      i += size;
    }
  }

  private static CatalogException notUtf8(byte[] bytes, int start, int at, int size, String source) {
    int line = 1;
    int lineStart = start;
    for (int i = start; i < at; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = 1;
    for (int i = lineStart; i < at; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    StringBuilder bad = new StringBuilder(size == 1 ? "byte" : "bytes");
    for (int i = at; i < at + size; i++) {
      bad.append(String.format(" 0x%02X", bytes[i] & 0xFF));
    }
    return new CatalogException(List.of(new CatalogProblem(source, "line " + line + ", column " + column,
        "not valid UTF-8 (" + bad + "); a catalog must be UTF-8: save the file as UTF-8 (Latin-1 and Windows-1252"
            + " files fail like this)")));
  }

  /** Reads the value at the parser's current token; nesting is bounded by the parser's read limits. */
  private static JsonNode read(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT: {
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          object.set(name, read(p));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(p));
        }
        return array;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseExceptionAt(p, "unexpected token " + p.currentToken());
    }
  }

  /** A parse error raised by this reader rather than by Jackson's tokenizer. */
  private static final class JsonParseExceptionAt extends com.fasterxml.jackson.core.JsonParseException {
    private static final long serialVersionUID = 1L;

    JsonParseExceptionAt(JsonParser p, String message) {
      super(p, message);
    }
  }

  private static String where(JsonLocation at) {
    if (at == null || at.getLineNr() < 0) {
      return "document";
    }
    return "line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /** Writes a tree as indented JSON with a final newline. */
  public static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      write(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a JSON tree to a string", e);
    }
    return out + "\n";
  }

  private static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT:
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          g.writeFieldName(field.getKey());
          write(g, field.getValue());
        }
        g.writeEndObject();
        break;
      case ARRAY:
        g.writeStartArray();
        for (JsonNode item : node) {
          write(g, item);
        }
        g.writeEndArray();
        break;
      case STRING:
        g.writeString(node.textValue());
        break;
      case NUMBER:
        if (node.isIntegralNumber()) {
          g.writeNumber(node.bigIntegerValue());
        } else {
          g.writeNumber(node.doubleValue());
        }
        break;
      case BOOLEAN:
        g.writeBoolean(node.booleanValue());
        break;
      default:
        g.writeNull();
    }
  }
}
