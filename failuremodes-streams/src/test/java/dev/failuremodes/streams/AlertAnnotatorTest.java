package dev.failuremodes.streams;

import static dev.failuremodes.streams.Samples.ANNOTATOR;
import static dev.failuremodes.streams.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failuremodes.FailureModes;
import dev.failuremodes.streams.Rejection.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertAnnotatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode annotated(byte[] record) throws Exception {
    Annotation a = ANNOTATOR.annotate(record);
    assertThat(a.annotated()).as("annotated: %s", a).isTrue();
    assertThat(a.rejection()).isEmpty();
    return JSON.readTree(a.json());
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  @Test
  void annotate_text_ranksTheCandidatesAndKeepsTheAlert() throws Exception {
    JsonNode out = annotated(utf8(Samples.TEXT));

    assertThat(out.get("alert")).isEqualTo(JSON.readTree(Samples.TEXT));
    JsonNode annotation = out.get("annotation");
    assertThat(annotation.get("catalogVersion").asText()).isEqualTo(FailureModes.catalog().catalogVersion());
    JsonNode top = annotation.get("candidates").get(0);
    assertThat(top.get("rank").asInt()).isEqualTo(1);
    assertThat(top.get("id").asText()).isEqualTo("overfitting");
    assertThat(top.get("name").asText()).isEqualTo("Overfitting");
    assertThat(top.get("stage").asText()).isEqualTo("modeling");
    assertThat(top.get("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(top.get("explanation").asText()).startsWith("Overfitting (modeling) is indicated by");
    assertThat(top.get("evidence").get(0).asText()).startsWith("'large train-test gap' shows symptom train-test-gap");
    assertThat(annotation.get("candidates").size()).isBetween(1, 3);
    assertThat(annotation.get("firstFixes").size()).isBetween(1, 3);
    assertThat(annotation.get("firstFixes").get(0).fieldNames()).toIterable()
        .containsExactly("id", "name", "addresses");
    assertThat(annotation.get("unrecognized")).isEmpty();
    assertThat(annotation.has("note")).isFalse();
    assertThat(annotation.fieldNames()).toIterable()
        .containsExactly("catalogVersion", "candidates", "firstFixes", "unrecognized");
  }

  @Test
  void annotate_textArray_readsEveryPhraseAndListsTheUnrecognisedOnes() throws Exception {
    JsonNode out = annotated(utf8("{\"text\": [\"large train-test gap\", \"qwzx plorb\"]}"));

    assertThat(ids(out.at("/annotation/candidates")).get(0)).isEqualTo("overfitting");
    assertThat(out.at("/annotation/unrecognized/0/input").asText()).isEqualTo("qwzx plorb");
  }

  @Test
  void annotate_observations_readsTheValuesWithTheirFeature() throws Exception {
    JsonNode out = annotated(utf8(Samples.OBSERVATIONS));

    assertThat(ids(out.at("/annotation/candidates")).get(0)).isEqualTo("data-drift");
    assertThat(out.at("/annotation/candidates/0/evidence/0").asText()).contains("psi 0.31 > 0.2 on age");
  }

  @Test
  void annotate_alertmanagerPayload_isDetectedAndDiagnosed() throws Exception {
    byte[] payload = Samples.bytes("alertmanager-psi-drift.json");
    JsonNode out = annotated(payload);

    assertThat(out.get("alert")).isEqualTo(JSON.readTree(payload));
    assertThat(ids(out.at("/annotation/candidates")).get(0)).isEqualTo("data-drift");
    assertThat(out.at("/annotation/candidates/0/evidence").size()).isEqualTo(5);
    assertThat(out.at("/annotation/candidates/0/moreEvidence").asInt()).isEqualTo(1);
  }

  @Test
  void annotate_sageMakerReport_isDetectedAndDiagnosed() throws Exception {
    JsonNode out = annotated(Samples.bytes("sagemaker-feature-drift.json"));

    assertThat(ids(out.at("/annotation/candidates"))).containsExactly("data-drift");
    assertThat(out.at("/annotation/candidates/0/evidence/0").asText())
        .contains("drift-distance 0.4213 > 0.1 on session_length_sec");
    assertThat(out.at("/annotation/candidates/0").has("moreEvidence")).isFalse();
    assertThat(ids(out.at("/annotation/firstFixes"))).hasSize(3);
  }

  @Test
  void annotate_evidentlyReportInARecordWithText_readsBoth() throws Exception {
    String record = "{\"id\": \"inc-9\", \"text\": \"train acc 0.99, test acc 0.7\", \"format\": \"evidently\","
        + " \"context\": {\"team\": \"credit\"}, \"report\": " + Samples.text("evidently-income-drift.json") + "}";
    JsonNode out = annotated(utf8(record));

    assertThat(ids(out.at("/annotation/candidates"))).startsWith("data-drift", "overfitting");
    assertThat(out.at("/alert/context/team").asText()).isEqualTo("credit");
  }

  @Test
  void annotate_observationsAndText_areOneQuery() throws Exception {
    JsonNode out = annotated(utf8("{\"text\": \"accuracy dropped after release\", \"observations\":"
        + " [{\"metric\": \"psi\", \"value\": 0.41, \"feature\": \"tenure\"}]}"));

    assertThat(ids(out.at("/annotation/candidates"))).contains("data-drift");
  }

  @Test
  void annotate_reportWithNoFindings_isAnnotatedWithANote() throws Exception {
    JsonNode out = annotated(Samples.bytes("sagemaker-no-violations.json"));

    assertThat(out.at("/annotation/candidates")).isEmpty();
    assertThat(out.at("/annotation/firstFixes")).isEmpty();
    assertThat(out.at("/annotation/note").asText()).isEqualTo(
        "The SageMaker Model Monitor report holds no findings (no checks or alerts in it): nothing to diagnose.");
  }

  @Test
  void annotate_nothingRecognised_saysWhyInTheNote() throws Exception {
    JsonNode out = annotated(utf8("{\"text\": \"qwzx plorb\"}"));

    assertThat(out.at("/annotation/candidates")).isEmpty();
    assertThat(out.at("/annotation/note").asText()).isEqualTo(
        "No input was recognised as a symptom; see the suggestions, or use ids from catalog.symptoms().");
  }

  @Test
  void annotate_healthyValues_saysSoInTheNote() throws Exception {
    JsonNode out = annotated(utf8("{\"observations\": [{\"metric\": \"psi\", \"value\": 0.02,"
        + " \"feature\": \"age\"}]}"));

    assertThat(out.at("/annotation/candidates")).isEmpty();
    assertThat(out.at("/annotation/note").asText())
        .startsWith("Every value read is on the healthy side of its threshold: psi 0.02 on age");
  }

  @Test
  void annotate_alertBytes_areCopiedExactlyWithoutSurroundingWhitespace() {
    String record = "\uFEFF \n{\"text\" :  \"large train-test gap\", \"context\": {\"n\": 1.50e2}}\r\n ";
    String json = ANNOTATOR.annotate(record).json();

    assertThat(json).startsWith("{\"alert\":{\"text\" :  \"large train-test gap\", \"context\": {\"n\": 1.50e2}},"
        + "\"annotation\":{");
  }

  @Test
  void annotate_stringAndBytes_giveTheSameAnnotation() {
    assertThat(ANNOTATOR.annotate(Samples.OBSERVATIONS).jsonBytes())
        .isEqualTo(ANNOTATOR.annotate(utf8(Samples.OBSERVATIONS)).jsonBytes());
  }

  static Stream<Arguments> rejections() {
    String labelsNotObject = Samples.text("alertmanager-labels-not-object.json");
    return Stream.of(
        Arguments.of("null record", null, Kind.NO_VALUE, "",
            "Cannot annotate alert record: it has no value (null, a tombstone); send an alert record or a tool's"
                + " report as a JSON object"),
        Arguments.of("empty", "", Kind.NOT_JSON, "",
            "Cannot annotate alert record: it is empty; send an alert record or a tool's report as a JSON object"),
        Arguments.of("only whitespace", " \n ", Kind.NOT_JSON, "",
            "Cannot annotate alert record: it is empty; send an alert record or a tool's report as a JSON object"),
        Arguments.of("cut short", "{\"text\": ", Kind.NOT_JSON, "line 1, column 10",
            "Cannot annotate alert record at line 1, column 10: not JSON: Unexpected end-of-input within/between"
                + " Object entries"),
        Arguments.of("two values", "{\"text\": \"a\"} x", Kind.NOT_JSON, "line 1, column 15",
            "Cannot annotate alert record at line 1, column 15: not JSON: Unrecognized token 'x': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
        Arguments.of("an array", "[1, 2]", Kind.NOT_AN_OBJECT, "$",
            "Cannot annotate alert record at $: expected a JSON object (an alert record or a tool's report), found"
                + " an array"),
        Arguments.of("null", "null", Kind.NOT_AN_OBJECT, "$",
            "Cannot annotate alert record at $: expected a JSON object (an alert record or a tool's report), found"
                + " null"),
        Arguments.of("a string", "\"psi is 0.31\"", Kind.NOT_AN_OBJECT, "$",
            "Cannot annotate alert record at $: expected a JSON object (an alert record or a tool's report), found"
                + " string \"psi is 0.31\""),
        Arguments.of("unknown shape", "{\"id\": \"a-9\", \"summary\": \"drift\"}", Kind.UNKNOWN_SHAPE, "$",
            "Cannot annotate alert 'a-9' at $: neither an alert record (an object with \"text\", \"observations\""
                + " or \"report\") nor a report of a known format (tfdv, sagemaker, evidently, deepchecks,"
                + " great-expectations, alertmanager)"),
        Arguments.of("misspelt text", "{\"txt\": \"drift\"}", Kind.UNKNOWN_SHAPE, "$",
            "Cannot annotate alert record at $: neither an alert record (an object with \"text\", \"observations\""
                + " or \"report\") nor a report of a known format (tfdv, sagemaker, evidently, deepchecks,"
                + " great-expectations, alertmanager); its field \"txt\" may be a misspelt \"text\""),
        Arguments.of("unknown field", "{\"text\": \"drift\", \"observation\": []}", Kind.INVALID_FIELD,
            "$.observation",
            "Cannot annotate alert record at $.observation: unknown field \"observation\" (did you mean"
                + " \"observations\"?); an alert record has id, text, observations, report, format, context (put"
                + " anything else under \"context\")"),
        Arguments.of("id not a string", "{\"id\": 7, \"text\": \"drift\"}", Kind.INVALID_FIELD, "$.id",
            "Cannot annotate alert record at $.id: expected a string, found number 7"),
        Arguments.of("text a number", "{\"id\": \"a-1\", \"text\": 3}", Kind.INVALID_FIELD, "$.text",
            "Cannot annotate alert 'a-1' at $.text: expected a string or an array of strings, found number 3"),
        Arguments.of("text element an object", "{\"text\": [\"drift\", {}]}", Kind.INVALID_FIELD, "$.text[1]",
            "Cannot annotate alert record at $.text[1]: expected a string, found an object"),
        Arguments.of("blank text", "{\"text\": [\" \", \"\"]}", Kind.INVALID_FIELD, "$.text",
            "Cannot annotate alert record at $.text: the text is blank; describe what was seen, such as \"accuracy"
                + " dropped after release\", or leave \"text\" out"),
        Arguments.of("nothing to diagnose", "{\"text\": [], \"observations\": []}", Kind.INVALID_FIELD, "$",
            "Cannot annotate alert record at $: nothing to diagnose: \"text\" and \"observations\" are empty and"
                + " there is no \"report\""),
        Arguments.of("observations an object", "{\"observations\": {\"psi\": 0.3}}", Kind.INVALID_FIELD,
            "$.observations",
            "Cannot annotate alert record at $.observations: expected an array of observations such as"
                + " [{\"metric\": \"psi\", \"value\": 0.31}], found an object"),
        Arguments.of("observation a number", "{\"observations\": [0.3]}", Kind.INVALID_FIELD, "$.observations[0]",
            "Cannot annotate alert record at $.observations[0]: expected an observation such as {\"metric\":"
                + " \"psi\", \"value\": 0.31}, found number 0.3"),
        Arguments.of("no metric", "{\"observations\": [{\"value\": 0.3}]}", Kind.INVALID_FIELD,
            "$.observations[0]",
            "Cannot annotate alert record at $.observations[0]: missing \"metric\": name a catalog metric, such as"
                + " \"psi\""),
        Arguments.of("blank metric", "{\"observations\": [{\"metric\": \" \", \"value\": 0.3}]}",
            Kind.INVALID_FIELD, "$.observations[0].metric",
            "Cannot annotate alert record at $.observations[0].metric: expected a metric id or alias such as"
                + " \"psi\", found string \" \""),
        Arguments.of("no value", "{\"observations\": [{\"metric\": \"psi\"}]}", Kind.INVALID_FIELD,
            "$.observations[0]",
            "Cannot annotate alert record at $.observations[0]: missing \"value\": the measured value of psi, a"
                + " number"),
        Arguments.of("value a string", "{\"observations\": [{\"metric\": \"psi\", \"value\": \"0.31\"}]}",
            Kind.INVALID_FIELD, "$.observations[0].value",
            "Cannot annotate alert record at $.observations[0].value: expected a number, found string \"0.31\""),
        Arguments.of("value too large for a double", "{\"observations\": [{\"metric\": \"psi\", \"value\": 1e400}]}",
            Kind.INVALID_FIELD, "$.observations[0].value",
            "Cannot annotate alert record at $.observations[0].value: expected a finite number, found Infinity"),
        Arguments.of("fractional samples",
            "{\"observations\": [{\"metric\": \"psi\", \"value\": 0.3, \"samples\": 2.5}]}", Kind.INVALID_FIELD,
            "$.observations[0].samples",
            "Cannot annotate alert record at $.observations[0].samples: expected a number of rows (a whole number,"
                + " 0 or more), found number 2.5"),
        Arguments.of("negative samples",
            "{\"observations\": [{\"metric\": \"psi\", \"value\": 0.3, \"referenceSamples\": -1}]}",
            Kind.INVALID_FIELD, "$.observations[0].referenceSamples",
            "Cannot annotate alert record at $.observations[0].referenceSamples: expected a number of rows (a whole"
                + " number, 0 or more), found number -1"),
        Arguments.of("misspelt observation field",
            "{\"observations\": [{\"metric\": \"psi\", \"value\": 0.3, \"feture\": \"age\"}]}", Kind.INVALID_FIELD,
            "$.observations[0].feture",
            "Cannot annotate alert record at $.observations[0].feture: unknown field \"feture\" (did you mean"
                + " \"feature\"?); an observation has metric, value, feature, reference, threshold, samples,"
                + " referenceSamples"),
        Arguments.of("value out of range", Samples.OUT_OF_RANGE, Kind.OUT_OF_RANGE, "$.observations[1]",
            "Cannot annotate alert 'a-4' at $.observations[1]: psi must be at least 0 (Population stability index),"
                + " was -0.2 in 'psi = -0.2'; pass the value as measured, or check that the metric is the one"
                + " meant"),
        Arguments.of("reference out of range",
            "{\"observations\": [{\"metric\": \"ks-p-value\", \"value\": 0.5, \"reference\": 1.5}]}",
            Kind.OUT_OF_RANGE, "$.observations[0]",
            "Cannot annotate alert record at $.observations[0]: the reference of ks-p-value must be [0, 1], was"
                + " 1.5 in 'ks-p-value = 0.5 (reference 1.5)'; pass the value as measured, or check that the metric"
                + " is the one meant"),
        Arguments.of("report an array", "{\"report\": [1]}", Kind.INVALID_FIELD, "$.report",
            "Cannot annotate alert record at $.report: expected a tool's report (a JSON object), found an array"),
        Arguments.of("unknown format", "{\"report\": {\"violations\": []}, \"format\": \"sagemakr\"}",
            Kind.INVALID_FIELD, "$.format",
            "Cannot annotate alert record at $.format: unknown format 'sagemakr' (did you mean \"sagemaker\"?);"
                + " valid: tfdv, sagemaker, evidently, deepchecks, great-expectations, alertmanager"),
        Arguments.of("format a number", "{\"report\": {\"violations\": []}, \"format\": 1}", Kind.INVALID_FIELD,
            "$.format",
            "Cannot annotate alert record at $.format: expected a format id (a string), found number 1; valid:"
                + " tfdv, sagemaker, evidently, deepchecks, great-expectations, alertmanager"),
        Arguments.of("format without a report", "{\"text\": \"drift\", \"format\": \"sagemaker\"}",
            Kind.INVALID_FIELD, "$.format",
            "Cannot annotate alert record at $.format: \"format\" names the format of \"report\", which is missing;"
                + " add the report or drop \"format\""),
        Arguments.of("report of no known format", "{\"id\": \"a-5\", \"report\": {\"checks\": []}}",
            Kind.REPORT_REJECTED, "$.report",
            "Cannot annotate alert 'a-5' at $.report: not a report of a known format; expected the JSON of one of"
                + " tfdv, sagemaker, evidently, deepchecks, great-expectations, alertmanager; name the format if the"
                + " file is one of them"),
        Arguments.of("report its reader rejects", "{\"report\": " + labelsNotObject + "}", Kind.REPORT_REJECTED,
            "$.report.alerts[0].labels",
            "Cannot annotate alert record at $.report.alerts[0].labels: the report is not what its reader expects:"
                + " expected an object but found array [\"alertname\",\"X\"]"),
        Arguments.of("bare report its reader rejects", labelsNotObject, Kind.REPORT_REJECTED,
            "$.alerts[0].labels",
            "Cannot annotate alert record at $.alerts[0].labels: the report is not what its reader expects:"
                + " expected an object but found array [\"alertname\",\"X\"]"),
        Arguments.of("named format that does not fit",
            "{\"report\": {\"violations\": []}, \"format\": \"alertmanager\"}", Kind.REPORT_REJECTED,
            "$.report.alerts",
            "Cannot annotate alert record at $.report.alerts: the report is not what its reader expects: expected"
                + " an array but found nothing (the field is missing)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void annotate_badRecord_isRejectedWithKindLocationAndReason(String name, String record, Kind kind,
      String location, String reason) {
    Annotation a = ANNOTATOR.annotate(record);

    assertThat(a.annotated()).isFalse();
    assertThat(a.rejection()).contains(new Rejection(kind, location, reason));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void annotate_badRecordAsBytes_isRejectedAlike(String name, String record, Kind kind, String location,
      String reason) {
    byte[] bytes = record == null ? null : utf8(record);

    assertThat(ANNOTATOR.annotate(bytes).rejection()).contains(new Rejection(kind, location, reason));
  }

  @Test
  void annotate_invalidUtf8_isNotJson() {
    byte[] record = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}'};

    Rejection r = ANNOTATOR.annotate(record).rejection().orElseThrow();
    assertThat(r.kind()).isEqualTo(Kind.NOT_JSON);
    // Jackson counts the column after the bad byte, the tenth.
    assertThat(r.reason()).isEqualTo("Cannot annotate alert record at line 1, column 11: not JSON: Invalid UTF-8"
        + " start byte 0xff");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherEncodings")
  void annotate_utf16OrUtf32_isNotJsonAndSaysSendUtf8(String name, byte[] record, String why) {
    // Jackson alone would read these in their own encoding, and the annotation would copy UTF-16 bytes into UTF-8.
    Rejection r = ANNOTATOR.annotate(record).rejection().orElseThrow();

    assertThat(r).isEqualTo(new Rejection(Kind.NOT_JSON, "", "Cannot annotate alert record: it is not UTF-8: " + why
        + "; send the record as UTF-8"));
  }

  static Stream<Arguments> otherEncodings() {
    String record = "{\"text\": \"large train-test gap\"}";
    return Stream.of(
        Arguments.of("UTF-16BE", record.getBytes(StandardCharsets.UTF_16BE),
            "byte 1 is NUL, as in UTF-16 or UTF-32 text (and never at the start of UTF-8 JSON)"),
        Arguments.of("UTF-16LE", record.getBytes(StandardCharsets.UTF_16LE),
            "byte 2 is NUL, as in UTF-16 or UTF-32 text (and never at the start of UTF-8 JSON)"),
        Arguments.of("UTF-16 with its byte-order mark", record.getBytes(StandardCharsets.UTF_16),
            "it starts with a UTF-16 or UTF-32 byte-order mark"),
        Arguments.of("UTF-32BE", record.getBytes(java.nio.charset.Charset.forName("UTF-32BE")),
            "byte 1 is NUL, as in UTF-16 or UTF-32 text (and never at the start of UTF-8 JSON)"),
        // Found by AnnotationFuzzTest: read as UTF-32, it held a character above U+10FFFF, and the parser's
        // CharConversionException escaped annotate() as an UncheckedIOException.
        Arguments.of("not a character in UTF-32", new byte[] {1, 0, 0, 0, 0, 0, 0x10, (byte) 0xda, '"', 't', '"', ':'},
            "byte 2 is NUL, as in UTF-16 or UTF-32 text (and never at the start of UTF-8 JSON)"));
  }

  @Test
  void annotate_utf8WithItsByteOrderMark_isAnnotated() throws Exception {
    byte[] text = utf8(Samples.TEXT);
    byte[] record = new byte[text.length + 3];
    record[0] = (byte) 0xEF;
    record[1] = (byte) 0xBB;
    record[2] = (byte) 0xBF;
    System.arraycopy(text, 0, record, 3, text.length);

    assertThat(annotated(record).get("alert")).isEqualTo(JSON.readTree(Samples.TEXT));
  }

  @Test
  void annotate_nestedDeeperThanTheLimit_isRejectedAsTooLarge() {
    String record = "{\"context\": " + "[".repeat(200) + "]".repeat(200) + ", \"text\": \"drift\"}";

    Rejection r = ANNOTATOR.annotate(record).rejection().orElseThrow();
    assertThat(r.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(r).isEqualTo(new Rejection(Kind.TOO_LARGE, "", "Cannot annotate alert record: it nests arrays and"
        + " objects deeper than 128 levels"));
  }

  @Test
  void annotate_aboveTheDefaultLimit_isRefusedWithTheLimit() {
    byte[] record = new byte[AlertAnnotator.DEFAULT_MAX_RECORD_BYTES + 1];
    Arrays.fill(record, (byte) 'x');

    assertThat(ANNOTATOR.annotate(record).rejection()).contains(new Rejection(Kind.TOO_LARGE, "",
        "Cannot annotate alert record: it is 1048577 bytes, above the limit of 1048576 bytes (1 MiB); send only"
            + " the failing checks, or split the report"));
  }

  @Test
  void annotate_atTheLimit_isRead() {
    String text = "{\"text\": \"large train-test gap\", \"context\": \"";
    String record = text + "x".repeat(AlertAnnotator.DEFAULT_MAX_RECORD_BYTES - text.length() - 2) + "\"}";

    assertThat(utf8(record)).hasSize(AlertAnnotator.DEFAULT_MAX_RECORD_BYTES);
    assertThat(ANNOTATOR.annotate(record).annotated()).isTrue();
  }

  @Test
  void annotate_textAboveALowerLimit_isMeasuredInUtf8Bytes() {
    AlertAnnotator small = ANNOTATOR.withMaxRecordBytes(20);
    // 18 characters, 22 bytes: the two euro signs take three bytes each.
    String record = "{\"text\": \"€€ gap\"}";

    assertThat(record).hasSize(18);
    assertThat(small.annotate(record).rejection()).contains(new Rejection(Kind.TOO_LARGE, "",
        "Cannot annotate alert record: it is 22 bytes, above the limit of 20 bytes; send only the failing checks,"
            + " or split the report"));
  }

  @Test
  void annotate_aboveTheLimit_isNeverParsed() {
    // Not JSON either: the size is checked first, so the reason is the size.
    assertThat(ANNOTATOR.withMaxRecordBytes(8).annotate("{{{{{{{{{").rejection().orElseThrow().kind())
        .isEqualTo(Kind.TOO_LARGE);
  }

  @Test
  void withMaxRecordBytes_outOfRange_throws() {
    assertThatThrownBy(() -> ANNOTATOR.withMaxRecordBytes(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBytes must be in [2, 16777216] (16 MiB), was 1");
    assertThatThrownBy(() -> ANNOTATOR.withMaxRecordBytes(16 * 1024 * 1024 + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBytes must be in [2, 16777216] (16 MiB), was 16777217");
  }

  @Test
  void using_null_throwsNamingTheArgument() {
    assertThatThrownBy(() -> AlertAnnotator.using(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("diagnoser");
  }

  @Test
  void json_ofARejection_throwsWithTheReason() {
    Annotation a = ANNOTATOR.annotate("[]");

    assertThatThrownBy(a::json).isInstanceOf(IllegalStateException.class).hasMessage("No annotation: Cannot"
        + " annotate alert record at $: expected a JSON object (an alert record or a tool's report), found an"
        + " array");
    assertThat(a).hasToString("Annotation[rejected not-an-object: Cannot annotate alert record at $: expected a"
        + " JSON object (an alert record or a tool's report), found an array]");
  }

  @Test
  void toJson_ofARejection_isAnErrorObject() throws Exception {
    Rejection r = ANNOTATOR.annotate("{\"text\": ").rejection().orElseThrow();

    assertThat(r.toJson()).isEqualTo("{\"error\":{\"kind\":\"not-json\",\"location\":\"line 1, column 10\","
        + "\"reason\":\"Cannot annotate alert record at line 1, column 10: not JSON: Unexpected end-of-input"
        + " within/between Object entries\"}}");
    assertThat(JSON.readTree(r.toJson()).at("/error/kind").asText()).isEqualTo("not-json");
  }

  @Test
  void annotate_fromManyThreads_givesWhatOneThreadGives() throws Exception {
    List<String> records = List.of(Samples.TEXT, Samples.TEXTS, Samples.OBSERVATIONS, Samples.OUT_OF_RANGE,
        Samples.text("alertmanager-psi-drift.json"), Samples.text("sagemaker-feature-drift.json"), "[]", "{");
    List<String> expected = new ArrayList<>();
    records.forEach(r -> expected.add(ANNOTATOR.annotate(r).toString() + ANNOTATOR.annotate(r).rejection()
        .map(Rejection::reason).orElseGet(() -> ANNOTATOR.annotate(r).json())));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> {
          List<String> got = new ArrayList<>();
          for (int round = 0; round < 25; round++) {
            for (String r : records) {
              Annotation a = ANNOTATOR.annotate(r);
              got.add(a.toString() + a.rejection().map(Rejection::reason).orElseGet(a::json));
            }
          }
          return got;
        }));
      }
      for (Future<List<String>> run : runs) {
        List<String> got = run.get();
        for (int i = 0; i < got.size(); i++) {
          assertThat(got.get(i)).isEqualTo(expected.get(i % records.size()));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void annotate_utf8InTheAlert_isKeptAsSent() {
    String record = "{\"text\": \"large train-test gap\", \"context\": {\"owner\": \"Zoë — équipe ML\"}}";

    byte[] out = ANNOTATOR.annotate(record).jsonBytes();
    assertThat(new String(out, StandardCharsets.UTF_8)).startsWith("{\"alert\":" + record + ",");
  }
}
