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
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  private Json() {}

  /**
   * Parses a document.
   *
   * @throws CatalogException naming the source, line and column if the text is not JSON or breaks a read limit
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
    try (JsonParser parser = factory.createParser(text)) {
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

  /** Parses a document from a stream, as UTF-8. */
  public static JsonNode parse(InputStream in, String source) {
    return parse(new InputStreamReader(in, StandardCharsets.UTF_8), source);
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
