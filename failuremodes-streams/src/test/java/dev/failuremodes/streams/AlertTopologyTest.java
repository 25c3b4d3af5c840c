package dev.failuremodes.streams;

import static dev.failuremodes.streams.Samples.ANNOTATOR;
import static dev.failuremodes.streams.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failuremodes.CatalogException;
import dev.failuremodes.CatalogProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertTopologyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> alerts;
  private TestOutputTopic<String, byte[]> annotated;
  private TestOutputTopic<String, byte[]> deadLetters;

  private Properties properties() {
    Properties p = new Properties();
    p.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "alert-annotator-test");
    p.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    p.setProperty(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return p;
  }

  private void start(Topology topology, String input, String output, String deadLetter) {
    driver = new TopologyTestDriver(topology, properties());
    alerts = driver.createInputTopic(input, new StringSerializer(), new ByteArraySerializer(), T0,
        java.time.Duration.ofSeconds(1));
    annotated = driver.createOutputTopic(output, new StringDeserializer(), new ByteArrayDeserializer());
    deadLetters = driver.createOutputTopic(deadLetter, new StringDeserializer(), new ByteArrayDeserializer());
  }

  @BeforeEach
  void start() {
    start(AlertTopology.builder().annotator(ANNOTATOR).build(), AlertTopology.DEFAULT_INPUT_TOPIC,
        AlertTopology.DEFAULT_OUTPUT_TOPIC, AlertTopology.DEFAULT_DEAD_LETTER_TOPIC);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private static JsonNode tree(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String header(Headers headers, String key) {
    Header h = headers.lastHeader(key);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void goodRecords_ofEveryShape_areAnnotatedWithTheirKeysInOrder() {
    Map<String, byte[]> sent = new LinkedHashMap<>();
    sent.put("text", utf8(Samples.TEXT));
    sent.put("texts", utf8(Samples.TEXTS));
    sent.put("observations", utf8(Samples.OBSERVATIONS));
    sent.put("alertmanager", Samples.bytes("alertmanager-psi-drift.json"));
    sent.put("sagemaker", Samples.bytes("sagemaker-feature-drift.json"));
    sent.put("evidently", utf8("{\"id\": \"inc-9\", \"report\": " + Samples.text("evidently-income-drift.json")
        + "}"));
    sent.put("no-findings", Samples.bytes("sagemaker-no-violations.json"));
    sent.forEach(alerts::pipeInput);

    List<TestRecord<String, byte[]>> out = annotated.readRecordsToList();
    assertThat(out).extracting(TestRecord::key).containsExactlyElementsOf(sent.keySet());
    for (TestRecord<String, byte[]> r : out) {
      JsonNode json = tree(r.value());
      assertThat(json.get("alert")).as(r.key()).isEqualTo(tree(sent.get(r.key())));
      assertThat(json.at("/annotation/catalogVersion").asText()).isNotEmpty();
    }
    assertThat(out).extracting(r -> tree(r.value()).at("/annotation/candidates/0/id").asText())
        .containsExactly("overfitting", "overfitting", "data-drift", "data-drift", "data-drift", "data-drift", "");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void badRecords_goToTheDeadLetterTopicUnchangedWithTheirReason() {
    byte[] oversized = new byte[AlertAnnotator.DEFAULT_MAX_RECORD_BYTES + 1];
    Arrays.fill(oversized, (byte) ' ');
    oversized[0] = '{';
    Map<String, byte[]> sent = new LinkedHashMap<>();
    sent.put("malformed", utf8("{\"text\": \"drift\""));
    sent.put("not-object", utf8("[\"drift\"]"));
    sent.put("oversized", oversized);
    sent.put("unknown-shape", utf8("{\"alertname\": \"FeaturePsiHigh\"}"));
    sent.put("out-of-range", utf8(Samples.OUT_OF_RANGE));
    sent.put("rejected-report", Samples.bytes("alertmanager-labels-not-object.json"));
    sent.put("null-value", null);
    sent.forEach(alerts::pipeInput);

    assertThat(annotated.isEmpty()).isTrue();
    List<TestRecord<String, byte[]>> out = deadLetters.readRecordsToList();
    assertThat(out).extracting(TestRecord::key).containsExactlyElementsOf(sent.keySet());
    for (TestRecord<String, byte[]> r : out) {
      assertThat(r.value()).as(r.key()).isEqualTo(sent.get(r.key()));
    }
    assertThat(out).extracting(r -> header(r.headers(), AlertTopology.KIND_HEADER)).containsExactly("not-json",
        "not-an-object", "too-large", "unknown-shape", "out-of-range", "report-rejected", "no-value");
    assertThat(out).extracting(r -> header(r.headers(), AlertTopology.LOCATION_HEADER)).containsExactly(
        "line 1, column 17", "$", "", "$", "$.observations[1]", "$.alerts[0].labels", "");
    assertThat(out).extracting(r -> header(r.headers(), AlertTopology.REASON_HEADER)).containsExactly(
        "Cannot annotate alert record at line 1, column 17: not JSON: Unexpected end-of-input: expected close"
            + " marker for Object (start marker at line 1, column 1)",
        "Cannot annotate alert record at $: expected a JSON object (an alert record or a tool's report), found an"
            + " array",
        "Cannot annotate alert record: it is 1048577 bytes, above the limit of 1048576 bytes (1 MiB); send only"
            + " the failing checks, or split the report",
        "Cannot annotate alert record at $: neither an alert record (an object with \"text\", \"observations\" or"
            + " \"report\") nor a report of a known format (tfdv, sagemaker, evidently, deepchecks,"
            + " great-expectations, alertmanager)",
        "Cannot annotate alert 'a-4' at $.observations[1]: psi must be at least 0 (Population stability index),"
            + " was -0.2 in 'psi = -0.2'; pass the value as measured, or check that the metric is the one meant",
        "Cannot annotate alert record at $.alerts[0].labels: the report is not what its reader expects: expected"
            + " an object but found array [\"alertname\",\"X\"]",
        "Cannot annotate alert record: it has no value (null, a tombstone); send an alert record or a tool's"
            + " report as a JSON object");
    assertThat(out).extracting(r -> header(r.headers(), AlertTopology.TOPIC_HEADER)).containsOnly("alerts");
    assertThat(out).extracting(r -> header(r.headers(), AlertTopology.PARTITION_HEADER)).containsOnly("0");
    assertThat(out).extracting(r -> header(r.headers(), AlertTopology.OFFSET_HEADER))
        .containsExactly("0", "1", "2", "3", "4", "5", "6");
  }

  @Test
  void records_keepTheirTimestampsAndHeaders() {
    Headers headers = new RecordHeaders().add("trace-id", utf8("abc"))
        .add(AlertTopology.REASON_HEADER, utf8("stale reason from an earlier run"));
    Instant when = Instant.parse("2026-11-21T08:30:00Z");
    alerts.pipeInput(new TestRecord<>("good", utf8(Samples.TEXT), headers, when));
    alerts.pipeInput(new TestRecord<>("bad", utf8("{"), headers, when.plusSeconds(1)));

    TestRecord<String, byte[]> good = annotated.readRecord();
    TestRecord<String, byte[]> bad = deadLetters.readRecord();
    assertThat(good.getRecordTime()).isEqualTo(when);
    assertThat(bad.getRecordTime()).isEqualTo(when.plusSeconds(1));
    assertThat(header(good.headers(), "trace-id")).isEqualTo("abc");
    assertThat(header(bad.headers(), "trace-id")).isEqualTo("abc");
    assertThat(bad.headers().headers(AlertTopology.REASON_HEADER)).extracting(h -> new String(h.value(),
        StandardCharsets.UTF_8)).containsExactly("Cannot annotate alert record at line 1, column 2: not JSON:"
            + " Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 1)");
  }

  @Test
  void nullKeys_passThrough() {
    alerts.pipeInput((String) null, utf8(Samples.TEXT));
    alerts.pipeInput((String) null, utf8("[]"));

    assertThat(annotated.readRecord().key()).isNull();
    assertThat(deadLetters.readRecord().key()).isNull();
  }

  /** What the burst sends as record {@code i}, and whether it is annotated. */
  private static byte[] burstRecord(int i) {
    switch (i % 10) {
      case 0:
      case 1:
      case 2:
        return utf8("{\"id\": \"b-" + i + "\", \"observations\": [{\"metric\": \"psi\", \"value\": "
            + (i % 100) / 100.0 + ", \"feature\": \"f" + i % 7 + "\"}]}");
      case 3:
        return utf8("{\"id\": \"b-" + i + "\", \"text\": \"large train-test gap\"}");
      case 4:
        return utf8("{\"observations\": [{\"metric\": \"ks-p-value\", \"value\": 0.001, \"samples\": " + i + "}]}");
      case 5:
        return utf8("{\"text\": \"drift\"");
      case 6:
        return utf8("{\"id\": \"b-" + i + "\", \"observations\": [{\"metric\": \"psi\", \"value\": -" + i + "}]}");
      case 7:
        return null;
      case 8:
        return utf8(Integer.toString(i));
      default:
        return utf8("{\"id\": \"b-" + i + "\"}");
    }
  }

  private static boolean annotatedInBurst(int i) {
    return i % 10 <= 4;
  }

  @Test
  void burst_ofOneHundredThousandMixedRecords_matchesEachInputToExactlyOneOutput() {
    int n = 100_000;
    List<TestRecord<String, byte[]>> batch = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      batch.add(new TestRecord<>("k" + i, burstRecord(i)));
    }
    alerts.pipeRecordList(batch);

    List<TestRecord<String, byte[]>> good = annotated.readRecordsToList();
    List<TestRecord<String, byte[]>> bad = deadLetters.readRecordsToList();
    assertThat(good.size() + bad.size()).isEqualTo(n);
    assertThat(good).hasSize(n / 2);
    // Plain checks per record, one assertion at the end: AssertJ on 100,000 records would dominate the run.
    Set<Integer> seen = new HashSet<>();
    List<String> wrong = new ArrayList<>();
    int previous = -1;
    for (TestRecord<String, byte[]> r : good) {
      int i = Integer.parseInt(r.key().substring(1));
      byte[] sent = burstRecord(i);
      if (!annotatedInBurst(i) || i <= previous || !seen.add(i)
          // The alert is copied byte for byte at the start of the output.
          || !Arrays.equals(Arrays.copyOfRange(r.value(), 9, 9 + sent.length), sent)) {
        wrong.add("annotated " + r.key());
      }
      previous = i;
    }
    previous = -1;
    for (TestRecord<String, byte[]> r : bad) {
      int i = Integer.parseInt(r.key().substring(1));
      if (annotatedInBurst(i) || i <= previous || !seen.add(i) || !Arrays.equals(r.value(), burstRecord(i))
          || !Integer.toString(i).equals(header(r.headers(), AlertTopology.OFFSET_HEADER))) {
        wrong.add("dead-lettered " + r.key());
      }
      previous = i;
    }
    assertThat(wrong).as("records out of place, out of order, repeated or changed").isEmpty();
    assertThat(seen).hasSize(n);
  }

  @Test
  void annotatorFailure_isDeadLetteredAsAnInternalErrorAndTheNextRecordIsRead() {
    driver.close();
    start(AlertTopology.builder().annotator(ANNOTATOR).annotating(record -> {
      if (record != null && record.length == 1) {
        throw new IllegalStateException("boom");
      }
      return ANNOTATOR.annotate(record);
    }).build(), "alerts", "alerts-annotated", "alerts-dead-letter");

    alerts.pipeInput("defect", new byte[] {'7'});
    alerts.pipeInput("next", utf8(Samples.TEXT));

    TestRecord<String, byte[]> failed = deadLetters.readRecord();
    assertThat(failed.value()).containsExactly('7');
    assertThat(header(failed.headers(), AlertTopology.KIND_HEADER)).isEqualTo("internal-error");
    assertThat(header(failed.headers(), AlertTopology.REASON_HEADER)).isEqualTo("Cannot annotate alert record:"
        + " the annotator failed with java.lang.IllegalStateException: boom; this is a defect of failuremodes,"
        + " not of the record: report it with the record");
    assertThat(annotated.readRecord().key()).isEqualTo("next");
  }

  @Test
  void catalogFailure_stopsTheTopology() {
    driver.close();
    CatalogException broken = new CatalogException(List.of(new CatalogProblem("catalog.json", "$",
        "missing from the class path")));
    start(AlertTopology.builder().annotating(record -> {
      throw broken;
    }).build(), "alerts", "alerts-annotated", "alerts-dead-letter");

    assertThatThrownBy(() -> alerts.pipeInput("any", utf8(Samples.TEXT))).hasRootCause(broken);
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void topology_isOneStatelessSubtopologyWithTwoSinks() {
    TopologyDescription d = AlertTopology.builder().annotator(ANNOTATOR).build().describe();

    assertThat(d.subtopologies()).hasSize(1);
    assertThat(d.globalStores()).isEmpty();
    TopologyDescription.Subtopology only = d.subtopologies().iterator().next();
    assertThat(only.nodes()).extracting(TopologyDescription.Node::name)
        .containsExactlyInAnyOrder("alerts", "annotate", "annotated", "dead-letter");
    assertThat(only.nodes()).filteredOn(node -> node instanceof TopologyDescription.Processor)
        .allSatisfy(p -> assertThat(((TopologyDescription.Processor) p).stores()).isEmpty());
  }

  @Test
  void topology_fromProperties_usesTheConfiguredTopicsAndLimit() {
    driver.close();
    Properties p = new Properties();
    p.setProperty(AlertStreamsApp.INPUT_TOPIC, "ml-alerts");
    p.setProperty(AlertStreamsApp.OUTPUT_TOPIC, "ml-alerts-annotated");
    p.setProperty(AlertStreamsApp.DEAD_LETTER_TOPIC, "ml-alerts-dlq");
    p.setProperty(AlertStreamsApp.MAX_RECORD_BYTES, "100");
    start(AlertStreamsApp.topology(p), "ml-alerts", "ml-alerts-annotated", "ml-alerts-dlq");

    alerts.pipeInput("small", utf8(Samples.TEXT));
    alerts.pipeInput("large", utf8(Samples.OBSERVATIONS + " ".repeat(100)));

    assertThat(annotated.readRecord().key()).isEqualTo("small");
    TestRecord<String, byte[]> large = deadLetters.readRecord();
    assertThat(large.key()).isEqualTo("large");
    assertThat(header(large.headers(), AlertTopology.REASON_HEADER)).isEqualTo("Cannot annotate alert record: it"
        + " is " + (Samples.OBSERVATIONS.length() + 100) + " bytes, above the limit of 100 bytes; send only the"
        + " failing checks, or split the report");
    assertThat(header(large.headers(), AlertTopology.TOPIC_HEADER)).isEqualTo("ml-alerts");
  }

  @Test
  void topology_fromPropertiesWithAnUnknownOne_throwsNamingTheValidOnes() {
    Properties p = new Properties();
    p.setProperty("failuremodes.input.topics", "x");

    assertThatThrownBy(() -> AlertStreamsApp.topology(p)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown property 'failuremodes.input.topics'; valid: failuremodes.input.topic,"
            + " failuremodes.output.topic, failuremodes.dead.letter.topic, failuremodes.max.record.bytes");
  }

  @Test
  void topology_fromPropertiesWithABadLimit_throws() {
    Properties p = new Properties();
    p.setProperty(AlertStreamsApp.MAX_RECORD_BYTES, "1MiB");

    assertThatThrownBy(() -> AlertStreamsApp.topology(p)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failuremodes.max.record.bytes must be a whole number of bytes, was '1MiB'");
  }

  @Test
  void streamsProperties_leaveOutTheTopologysOwn() {
    Properties p = new Properties();
    p.setProperty(AlertStreamsApp.INPUT_TOPIC, "ml-alerts");
    p.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "annotator");

    assertThat(AlertStreamsApp.streamsProperties(p)).containsOnlyKeys(StreamsConfig.APPLICATION_ID_CONFIG);
  }

  @Test
  void build_withoutAnAnnotator_throws() {
    assertThatThrownBy(() -> AlertTopology.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("No annotator: call annotator(AlertAnnotator.create()) before build()");
  }

  @Test
  void build_withTheInputAsAnOutput_throws() {
    assertThatThrownBy(() -> AlertTopology.builder().annotator(ANNOTATOR).deadLetterTopic("alerts").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The input topic 'alerts' is also an output topic: every record would be read again; use topics"
            + " of their own for output (alerts-annotated) and dead letters (alerts)");
  }

  @Test
  void inputTopic_blank_throws() {
    assertThatThrownBy(() -> AlertTopology.builder().inputTopic(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inputTopic must not be blank");
  }
}
