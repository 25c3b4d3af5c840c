package dev.failuremodes.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.CatalogException;
import dev.failuremodes.internal.Rules;
import dev.failuremodes.internal.Suggestions;
import dev.failuremodes.internal.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads labelled cases from JSON Lines or tab-separated files.
 *
 * <p><b>JSON Lines</b> ({@code .jsonl}): one object per line, such as
 * <pre>{@code
 * {"inputs": ["AUC fell from 0.91 to 0.78 after the release"], "expected": ["data-drift"],
 *  "acceptable": ["concept-drift"], "notExpected": [], "source": "on-call ticket"}
 * }</pre>
 * {@code inputs} (or a single {@code input}) and {@code expected} are required; {@code expected} is empty for an input
 * that describes no failure. {@code acceptable}, {@code notExpected}, {@code source}, and the free-form {@code id},
 * {@code kind} and {@code note} are optional; any other field is an error, so that a misspelt one is not ignored.
 *
 * <p><b>Tab-separated</b> ({@code .tsv}): {@code input<TAB>expected ids[<TAB>acceptable ids]}, ids separated by spaces
 * or commas; {@code NONE} (or nothing) after the tab means nothing is expected.
 *
 * <p>In both, blank lines and lines starting with {@code #} are skipped. Files are UTF-8. A problem fails the whole
 * read with a {@link CaseFileException} naming the file and line.
 */
public final class LabelledCases {
  private static final Set<String> FIELDS =
      Set.of("inputs", "input", "expected", "acceptable", "notExpected", "source", "id", "kind", "note");

  private LabelledCases() {}

  /**
   * Reads a case file; {@code .tsv} files are read as tab-separated, others as JSON Lines.
   *
   * @throws NullPointerException if {@code path} is null
   * @throws CaseFileException if the file cannot be read or a line is invalid
   */
  public static List<LabelledCase> read(Path path) {
    Objects.requireNonNull(path, "path");
    String source = path.toString();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
    } catch (NoSuchFileException e) {
      throw new CaseFileException(source, 0, "no such file; check the path", e);
    } catch (CharacterCodingException e) {
      throw new CaseFileException(source, 0, "not UTF-8 text; save the file as UTF-8", e);
    } catch (IOException e) {
      throw new CaseFileException(source, 0, "cannot read: " + e, e);
    }
    return parse(text, source);
  }

  /**
   * Parses cases from text. The format follows the source name's extension ({@code .tsv} is tab-separated);
   * without one, text whose first case line starts with <code>{</code> is JSON Lines.
   *
   * @param text the file's content
   * @param sourceName the name used in case names and error messages, such as a file name
   * @throws NullPointerException if an argument is null
   * @throws CaseFileException if a line is invalid
   */
  public static List<LabelledCase> parse(String text, String sourceName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sourceName, "sourceName");
    String name = Path.of(sourceName).getFileName() == null ? sourceName : Path.of(sourceName).getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    boolean tsv = lower.endsWith(".tsv") || (!lower.endsWith(".jsonl") && !lower.endsWith(".json") && !firstCaseIsJson(text));
    List<LabelledCase> out = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
          continue;
        }
        String caseName = name + ":" + number;
        out.add(tsv ? tsvCase(line, sourceName, number, caseName) : jsonCase(line, sourceName, number, caseName));
      }
    } catch (IOException e) {
      throw new CaseFileException(sourceName, 0, "cannot read: " + e, e);
    }
    return List.copyOf(out);
  }

  private static boolean firstCaseIsJson(String text) {
    for (String line : text.lines().limit(1000).toList()) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        return s.startsWith("{");
      }
    }
    return false;
  }

  private static LabelledCase tsvCase(String line, String source, int number, String caseName) {
    String[] columns = line.split("\t", -1);
    if (columns.length < 2 || columns.length > 3) {
      throw new CaseFileException(source, number, "expected 'input<TAB>expected ids[<TAB>acceptable ids]' but found "
          + (columns.length - 1) + " tabs; separate the columns with single tabs");
    }
    List<String> expected = ids(columns[1], source, number, "expected");
    List<String> acceptable = columns.length == 3 ? ids(columns[2], source, number, "acceptable") : List.of();
    return build(source, number, caseName, List.of(columns[0].strip()), expected, acceptable, List.of(), "");
  }

  private static List<String> ids(String column, String source, int number, String what) {
    List<String> out = new ArrayList<>();
    for (String id : column.trim().split("[\\s,]+")) {
      if (id.isEmpty() || id.equals("NONE")) {
        continue;
      }
      checkId(id, source, number, what);
      out.add(id);
    }
    return out;
  }

  private static void checkId(String id, String source, int number, String what) {
    Rules.id(what + " id", id).ifPresent(p -> {
      throw new CaseFileException(source, number, p);
    });
  }

  private static LabelledCase jsonCase(String line, String source, int number, String caseName) {
    JsonNode node;
    try {
      node = Json.parse(new StringReader(line), source);
    } catch (CatalogException e) {
      String where = e.problems().get(0).location().replaceFirst("^line 1, ", "");
      throw new CaseFileException(source, number, where + ": " + e.problems().get(0).message()
          + "; each line must be one JSON object", e);
    }
    if (!node.isObject()) {
      throw new CaseFileException(source, number, "expected a JSON object but was " + node.getNodeType()
          .toString().toLowerCase(Locale.ROOT) + "; each line must be one object such as "
          + "{\"inputs\": [\"...\"], \"expected\": [\"data-drift\"]}");
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String field = entry.getKey();
      if (!FIELDS.contains(field)) {
        List<String> near = Suggestions.nearest(field, FIELDS, 1);
        throw new CaseFileException(source, number, "unknown field '" + field + "'"
            + (near.isEmpty() ? "" : "; " + Suggestions.didYouMean(near)) + " Valid fields: "
            + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    if (node.has("inputs") == node.has("input")) {
      throw new CaseFileException(source, number,
          "give the inputs either as \"inputs\": [\"...\"] or as \"input\": \"...\", exactly one of them");
    }
    List<String> inputs = node.has("input")
        ? List.of(text(node, "input", source, number))
        : strings(node, "inputs", source, number, false);
    if (!node.has("expected")) {
      throw new CaseFileException(source, number,
          "\"expected\" is required: the ids of the true causes, or [] when the input describes no failure");
    }
    List<String> expected = strings(node, "expected", source, number, true);
    List<String> acceptable = node.has("acceptable") ? strings(node, "acceptable", source, number, true) : List.of();
    List<String> notExpected =
        node.has("notExpected") ? strings(node, "notExpected", source, number, true) : List.of();
    for (String optional : List.of("source", "id", "kind", "note")) {
      if (node.has(optional)) {
        text(node, optional, source, number);
      }
    }
    String name = node.has("id") ? node.get("id").textValue() : caseName;
    String from = node.has("source") ? node.get("source").textValue() : "";
    return build(source, number, name, inputs, expected, acceptable, notExpected, from);
  }

  private static String text(JsonNode node, String field, String source, int number) {
    JsonNode value = node.get(field);
    if (!value.isTextual()) {
      throw new CaseFileException(source, number, "\"" + field + "\" must be a string but was " + value);
    }
    return value.textValue();
  }

  private static List<String> strings(JsonNode node, String field, String source, int number, boolean areIds) {
    JsonNode value = node.get(field);
    if (!value.isArray()) {
      throw new CaseFileException(source, number, "\"" + field + "\" must be an array of strings but was " + value);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new CaseFileException(source, number, "\"" + field + "\" must hold only strings but has " + item);
      }
      if (areIds) {
        checkId(item.textValue(), source, number, field);
      }
      out.add(item.textValue());
    }
    return out;
  }

  private static LabelledCase build(String source, int number, String name, List<String> inputs,
      List<String> expected, List<String> acceptable, List<String> notExpected, String from) {
    try {
      return new LabelledCase(name, inputs, expected, acceptable, notExpected, from);
    } catch (IllegalArgumentException e) {
      throw new CaseFileException(source, number, e.getMessage(), e);
    }
  }
}
