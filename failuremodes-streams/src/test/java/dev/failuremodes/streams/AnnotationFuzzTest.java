package dev.failuremodes.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Metric;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target for {@link AlertAnnotator#annotate(byte[])}: any bytes as a record are annotated or rejected, never
 * thrown on. An annotation is strict UTF-8 and JSON, holds the record as the same JSON value it was sent as, and
 * keeps the documented shape (at most three candidates of at most five evidence lines, at most three first fixes, a
 * note exactly when there is no candidate); a rejection is one of the record's own kinds, never an internal error,
 * and its reason says what could not be annotated.
 *
 * <p>In a normal build this replays {@code AnnotationFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes it.
 */
class AnnotationFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The catalog's metrics and two names it does not have, for observations. */
  private static final List<String> METRICS = Stream.concat(
      FailureModes.catalog().metrics().stream().map(Metric::id), Stream.of("no-such-metric", "")).toList();

  @BeforeAll
  static void warmUp() {
    // The index and the metric readers are built on the first record: not part of any one record's work.
    Samples.ANNOTATOR.annotate(Samples.utf8(Samples.TEXTS));
  }

  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({"{\"text\": \"", "{\"text\": [\"", "\"observations\": [{\"metric\": \"psi\", \"value\": ",
      "\"reference\": ", "\"threshold\": ", "\"feature\": \"", "\"report\": {", "\"format\": \"sagemaker\"",
      "\"context\": {}", "\"id\": \"", "\"violations\": [", "\"alerts\": [", "\\ud800", "\\u001b", "\\\"", "\\\\",
      "large train-test gap", "psi 0.31 on age", "accuracy dropped after the release", "not overfitting", "×", "😀"})
  void annotate_anyBytes_annotatesOrRejectsAndNeverThrows(byte[] record) throws Exception {
    check(record);
  }

  /**
   * Any alert record that is valid JSON of the documented fields: texts of any characters, observations of any
   * metric (or none the catalog has) with any finite values, an id and a context. The raw bytes above seldom get past
   * the parser; these reach the reading, the diagnosis and the writing of every part of an annotation.
   */
  @FuzzTest(maxDuration = "5m")
  void annotate_anyAlertRecord_annotatesOrRejectsAndNeverThrows(FuzzedDataProvider data) throws Exception {
    ObjectNode record = JSON.createObjectNode();
    if (data.consumeBoolean()) {
      record.put("id", data.consumeString(40));
    }
    int texts = data.consumeInt(0, 3);
    if (texts == 1 && data.consumeBoolean()) {
      record.put("text", data.consumeString(400));
    } else if (texts > 0) {
      ArrayNode array = record.putArray("text");
      for (int i = 0; i < texts; i++) {
        array.add(data.consumeString(400));
      }
    }
    int observations = data.consumeInt(0, 4);
    if (observations > 0) {
      ArrayNode array = record.putArray("observations");
      for (int i = 0; i < observations; i++) {
        ObjectNode o = array.addObject();
        o.put("metric", data.pickValue(METRICS));
        o.put("value", finite(data.consumeDouble()));
        if (data.consumeBoolean()) {
          o.put("feature", data.consumeString(30));
        }
        if (data.consumeBoolean()) {
          o.put("reference", finite(data.consumeDouble()));
        }
        if (data.consumeBoolean()) {
          o.put("threshold", finite(data.consumeDouble()));
        }
        if (data.consumeBoolean()) {
          o.put("samples", data.consumeInt());
        }
      }
    }
    if (data.consumeBoolean()) {
      record.putObject("context").put(data.consumeString(10), data.consumeString(20));
    }
    check(JSON.writeValueAsBytes(record));
  }

  /** JSON has no NaN or infinity: those become a value the fuzzer can still vary. */
  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0.31;
  }

  private static void check(byte[] record) throws Exception {
    Annotation a = Samples.ANNOTATOR.annotate(record);
    if (!a.annotated()) {
      Rejection r = a.rejection().orElseThrow();
      assertThat(r.kind()).as(r.reason()).isNotEqualTo(Rejection.Kind.INTERNAL_ERROR);
      assertThat(r.reason()).startsWith("Cannot annotate");
      return;
    }
    byte[] out = a.jsonBytes();
    // Strict UTF-8: an escape for every surrogate, so that a lone one in the record's text never breaks it.
    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out));
    JsonNode node = JSON.readTree(out);
    assertThat(node.fieldNames()).toIterable().containsExactly("alert", "annotation");
    assertThat(node.get("alert")).isEqualTo(JSON.readTree(record));
    JsonNode annotation = node.get("annotation");
    JsonNode candidates = annotation.get("candidates");
    assertThat(candidates.size()).isLessThanOrEqualTo(3);
    for (JsonNode c : candidates) {
      assertThat(c.get("evidence").size()).isBetween(1, 5);
      assertThat(c.get("explanation").asText()).isNotBlank();
      if (c.has("moreEvidence")) {
        assertThat(c.get("evidence").size()).isEqualTo(5);
        assertThat(c.get("moreEvidence").asInt()).isPositive();
      }
    }
    assertThat(annotation.get("firstFixes").size()).isLessThanOrEqualTo(3);
    assertThat(annotation.get("firstFixes").isEmpty()).isEqualTo(candidates.isEmpty());
    assertThat(annotation.get("unrecognized").isArray()).isTrue();
    assertThat(annotation.has("note")).as(annotation.toString()).isEqualTo(candidates.isEmpty());
  }
}
