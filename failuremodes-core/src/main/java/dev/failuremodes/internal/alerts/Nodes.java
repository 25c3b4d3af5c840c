package dev.failuremodes.internal.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.alerts.ReportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Typed access to a report's JSON that fails with the source, the JSON location and what was expected. */
public final class Nodes {
  private final String source;

  /** Reads a document named {@code source} in messages. */
  public Nodes(String source) {
    this.source = source;
  }

  /** Returns the source's name. */
  public String source() {
    return source;
  }

  /** Returns an exception for an unexpected value at a location. */
  public ReportException unexpected(String path, String expected, JsonNode found) {
    return new ReportException(source, path, "expected " + expected + " but found " + kind(found));
  }

  /** Returns the object field, which must be present and an object. */
  public JsonNode object(JsonNode node, String path, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isObject()) {
      throw unexpected(path + "." + field, "an object", v);
    }
    return v;
  }

  /** Returns the array field's items, which must be present and an array. */
  public List<JsonNode> array(JsonNode node, String path, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray()) {
      throw unexpected(path + "." + field, "an array", v);
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  /** Returns the array field's items, or none when the field is absent or null. */
  public List<JsonNode> optionalArray(JsonNode node, String path, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw unexpected(path + "." + field, "an array", v);
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  /** Returns the string field, which must be present and a string. */
  public String text(JsonNode node, String path, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw unexpected(path + "." + field, "a string", v);
    }
    return v.textValue();
  }

  /** Returns the string field, or null when absent or null; a value of another type is an error. */
  public String optionalText(JsonNode node, String path, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
      throw unexpected(path + "." + field, "a string", v);
    }
    return v.asText();
  }

  /** Returns the numeric field, or null when absent or null; a string holding a number is read as one. */
  public Double optionalNumber(JsonNode node, String path, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    double value;
    if (v.isNumber()) {
      value = v.doubleValue();
    } else if (v.isTextual()) {
      try {
        value = Double.parseDouble(v.textValue().strip());
      } catch (NumberFormatException e) {
        throw unexpected(path + "." + field, "a number", v);
      }
    } else {
      throw unexpected(path + "." + field, "a number", v);
    }
    if (!Double.isFinite(value)) {
      throw unexpected(path + "." + field, "a finite number", v);
    }
    return value;
  }

  /** Returns a short description of a JSON value's kind, for messages. */
  public static String kind(JsonNode node) {
    if (node == null) {
      return "nothing (the field is missing)";
    }
    String text = node.toString();
    if (text.length() > 60) {
      text = text.substring(0, 57) + "...";
    }
    return node.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + text;
  }
}
