package dev.failuremodes.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.CatalogProblem;
import dev.failuremodes.internal.Rules;
import dev.failuremodes.internal.Suggestions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed fields out of one JSON document, recording a problem with the field's JSON path for everything wrong
 * and returning null for a field that is missing or bad, so that reading goes on and every problem is reported.
 */
final class Fields {
  private final String source;
  private final List<CatalogProblem> problems;

  Fields(String source, List<CatalogProblem> problems) {
    this.source = source;
    this.problems = problems;
  }

  String source() {
    return source;
  }

  int problemCount() {
    return problems.size();
  }

  void problem(String path, String message) {
    problems.add(new CatalogProblem(source, path, message));
  }

  /** Checks that a node is an object whose fields are all known. */
  boolean object(JsonNode node, String path, List<String> known) {
    if (node == null || !node.isObject()) {
      problem(path, "expected an object but found " + kind(node));
      return false;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        List<String> near = Suggestions.nearest(name, known, 1);
        problem(
            path + "." + name,
            "unknown field '"
                + name
                + "'"
                + (near.isEmpty() ? "" : "; " + Suggestions.didYouMean(near))
                + " Valid fields: "
                + String.join(", ", known));
      }
    }
    return true;
  }

  /**
   * Returns a field's value, or null when it is absent (a problem if it is required) or null (a problem in any case:
   * the schema has no nullable field, and null is not "none").
   */
  private JsonNode field(JsonNode object, String path, String field, boolean required, String expected) {
    JsonNode value = object.get(field);
    if (value == null) {
      if (required) {
        problem(path, "missing required field '" + field + "'");
      }
      return null;
    }
    if (value.isNull()) {
      nullValue(path + "." + field, expected, required);
      return null;
    }
    return value;
  }

  /** Records a null where a value is expected; an optional field is left out rather than set to null. */
  void nullValue(String path, String expected, boolean required) {
    problem(path, "expected " + expected + " but found null"
        + (required ? "" : "; leave the field out when there is none"));
  }

  String text(JsonNode object, String path, String field, boolean required) {
    JsonNode value = field(object, path, field, required, "a string");
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      problem(path + "." + field, "expected a string but found " + kind(value));
      return null;
    }
    Optional<String> bad = Rules.text(field, value.textValue());
    if (bad.isPresent()) {
      problem(path + "." + field, bad.get());
      return null;
    }
    return value.textValue();
  }

  String id(JsonNode object, String path, String field, boolean required) {
    JsonNode value = field(object, path, field, required, "an id string");
    return value == null ? null : idValue(value, path + "." + field, field);
  }

  String idValue(JsonNode value, String path, String attribute) {
    if (!value.isTextual()) {
      problem(path, "expected an id string but found " + kind(value));
      return null;
    }
    Optional<String> bad = Rules.id(attribute, value.textValue());
    if (bad.isPresent()) {
      problem(path, bad.get());
      return null;
    }
    return value.textValue();
  }

  /** Reads an integer; as in JSON Schema, a number with a zero fraction such as {@code 2020.0} is one. */
  Integer integer(JsonNode object, String path, String field, boolean required) {
    JsonNode value = field(object, path, field, required, "an integer");
    if (value == null) {
      return null;
    }
    if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
      problem(path + "." + field, "expected an integer but found " + kind(value));
      return null;
    }
    return value.intValue();
  }

  Double number(JsonNode object, String path, String field, boolean required) {
    JsonNode value = field(object, path, field, required, "a number");
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      problem(path + "." + field, "expected a number but found " + kind(value));
      return null;
    }
    double number = value.doubleValue();
    if (!Double.isFinite(number)) {
      problem(path + "." + field, "expected a finite number but found one too large for a double");
      return null;
    }
    return number;
  }

  Boolean bool(JsonNode object, String path, String field) {
    JsonNode value = field(object, path, field, false, "true or false");
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      problem(path + "." + field, "expected true or false but found " + kind(value));
      return null;
    }
    return value.booleanValue();
  }

  /**
   * Reads a named choice, such as a stage or a level, by its exact id; a bad value (another case included) is reported
   * with the nearest and the valid ones.
   */
  <E> E choice(
      JsonNode object,
      String path,
      String field,
      boolean required,
      Function<String, Optional<E>> find,
      List<String> valid) {
    JsonNode value = object.get(field);
    if (value == null) {
      if (required) {
        problem(path, "missing required field '" + field + "'");
      }
      return null;
    }
    if (value.isNull()) {
      // The list of valid values is joined only here: choices are read thousands of times in a catalog.
      nullValue(path + "." + field, "one of " + String.join(", ", valid), required);
      return null;
    }
    if (!value.isTextual()) {
      problem(path + "." + field, "expected one of " + String.join(", ", valid) + " but found " + kind(value));
      return null;
    }
    Optional<E> found = find.apply(value.textValue());
    if (found.isEmpty()) {
      List<String> near = Suggestions.nearest(value.textValue(), valid, 1);
      problem(
          path + "." + field,
          "unknown "
              + field
              + " '"
              + value.textValue()
              + "'"
              + (near.isEmpty() ? "" : "; " + Suggestions.didYouMean(near))
              + " Valid: "
              + String.join(", ", valid));
      return null;
    }
    return found.get();
  }

  /** Returns the elements of an optional array field, or an empty list (with a problem if it is not an array). */
  List<JsonNode> array(JsonNode object, String path, String field, boolean required) {
    JsonNode value = field(object, path, field, required, "an array");
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      problem(path + "." + field, "expected an array but found " + kind(value));
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>();
    value.forEach(out::add);
    if (required && out.isEmpty()) {
      problem(path + "." + field, "must have at least one element");
    }
    return out;
  }

  /** Reads an array of non-blank strings that hold only characters a text may hold. */
  List<String> texts(JsonNode object, String path, String field, boolean required) {
    List<String> out = new ArrayList<>();
    List<JsonNode> items = array(object, path, field, required);
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String at = path + "." + field + "[" + i + "]";
      if (!item.isTextual()) {
        problem(at, "expected a string but found " + kind(item));
      } else if (item.textValue().isBlank()) {
        problem(at, "must not be blank");
      } else {
        Optional<String> bad = Rules.characters(item.textValue());
        if (bad.isPresent()) {
          problem(at, bad.get());
        } else {
          out.add(item.textValue());
        }
      }
    }
    return out;
  }

  static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    switch (node.getNodeType()) {
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case NULL:
        return "null";
      default:
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }
}
