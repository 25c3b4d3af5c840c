package dev.failuremodes.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.failuremodes.CatalogException;
import dev.failuremodes.CatalogProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;

/** The one configured Jackson mapper, with read limits so that a hostile or broken file fails cleanly. */
public final class Json {
  /** Largest accepted document, in characters. The bundled catalog is well under a tenth of this. */
  public static final long MAX_DOCUMENT_LENGTH = 16L * 1024 * 1024;
  /** Deepest accepted nesting; a catalog needs six levels. */
  public static final int MAX_NESTING_DEPTH = 32;
  /** Longest accepted string value, in characters. */
  public static final int MAX_STRING_LENGTH = 64 * 1024;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .maxStringLength(MAX_STRING_LENGTH)
                          .maxNameLength(1024)
                          .maxNumberLength(64)
                          .build())
                  .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private Json() {}

  /** Returns the shared mapper; it is thread-safe once configured. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses a document.
   *
   * @throws CatalogException naming the source, line and column if the text is not JSON or breaks a read limit
   */
  public static JsonNode parse(Reader text, String source) {
    try (JsonParser parser = MAPPER.createParser(text)) {
      JsonNode root = MAPPER.readTree(parser);
      if (root == null || root.isMissingNode()) {
        throw new CatalogException(List.of(new CatalogProblem(source, "line 1, column 1", "the document is empty")));
      }
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new CatalogException(
            List.of(new CatalogProblem(source, where(at), "unexpected content after the end of the document")));
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw new CatalogException(
          List.of(new CatalogProblem(source, "document", "read limit exceeded: " + e.getOriginalMessage())), e);
    } catch (JsonProcessingException e) {
      throw new CatalogException(
          List.of(new CatalogProblem(source, where(e.getLocation()), "not valid JSON: " + e.getOriginalMessage())),
          e);
    } catch (IOException e) {
      throw new CatalogException(List.of(new CatalogProblem(source, "document", "cannot read: " + e)), e);
    }
  }

  /** Parses a document from a stream, as UTF-8. */
  public static JsonNode parse(InputStream in, String source) {
    return parse(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8), source);
  }

  private static String where(JsonLocation at) {
    if (at == null || at.getLineNr() < 0) {
      return "document";
    }
    return "line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /** Writes a tree as indented JSON with a final newline. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON tree", e);
    }
  }
}
