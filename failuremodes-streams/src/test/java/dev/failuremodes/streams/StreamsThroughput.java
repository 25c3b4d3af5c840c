package dev.failuremodes.streams;

import static dev.failuremodes.streams.Samples.utf8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Records per second on one thread, by alert shape: {@link AlertAnnotator} alone, and the whole topology through
 * {@link TopologyTestDriver} (which adds Kafka Streams' per-record work without a broker: serialisation, headers,
 * the output queue). Not a test: run it by hand, on a quiet machine, with
 *
 * <pre>{@code
 * ./mvnw -B -ntp -q -o install -DskipTests
 * ./mvnw -B -ntp -q -o -pl failuremodes-streams test-compile exec:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=dev.failuremodes.streams.StreamsThroughput [-Dexec.args=N]
 * }</pre>
 *
 * Each shape runs a warm-up pass, then three timed passes of N records (default 40,000); the median is printed.
 */
public final class StreamsThroughput {
  private StreamsThroughput() {}

  /**
   * Runs the measurement.
   *
   * @param args optionally the number of records per pass
   * @throws Exception if the driver's state directory cannot be made
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
    Map<String, byte[]> shapes = new LinkedHashMap<>();
    shapes.put("text (one phrase)", utf8(Samples.TEXT));
    shapes.put("text (alert title with values)", utf8("{\"text\": \"PSI 0.31 on age; AUC dropped from 0.91 to"
        + " 0.78 after the release\"}"));
    shapes.put("observations (one)", utf8(Samples.OBSERVATIONS));
    shapes.put("observations (ten)", tenObservations());
    shapes.put("Alertmanager payload (2 alerts)", Samples.bytes("alertmanager-psi-drift.json"));
    shapes.put("SageMaker report (4 violations)", Samples.bytes("sagemaker-feature-drift.json"));
    shapes.put("Evidently report in a record", utf8("{\"report\": " + Samples.text("evidently-income-drift.json")
        + "}"));
    shapes.put("dead letter: not JSON", utf8("{\"text\": \"drift\""));
    shapes.put("dead letter: out of range", utf8(Samples.OUT_OF_RANGE));

    AlertAnnotator annotator = Samples.ANNOTATOR;
    Path stateDir = Files.createTempDirectory("streams-throughput");
    System.out.printf(Locale.ROOT, "%d records per pass, one thread, median of 3 passes%n", n);
    System.out.printf(Locale.ROOT, "%-34s %16s %16s%n", "shape", "annotator rec/s", "topology rec/s");
    for (Map.Entry<String, byte[]> shape : shapes.entrySet()) {
      byte[] record = shape.getValue();
      annotatorPass(annotator, record, Math.max(1_000, n / 4));
      double[] alone = new double[3];
      for (int i = 0; i < alone.length; i++) {
        alone[i] = annotatorPass(annotator, record, n);
      }
      Properties p = new Properties();
      p.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "throughput");
      p.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
      p.setProperty(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
      double[] topology = new double[3];
      try (TopologyTestDriver driver = new TopologyTestDriver(AlertTopology.builder().annotator(annotator).build(),
          p)) {
        TestInputTopic<String, byte[]> in = driver.createInputTopic(AlertTopology.DEFAULT_INPUT_TOPIC,
            new StringSerializer(), new ByteArraySerializer());
        List<TestOutputTopic<String, byte[]>> outs = List.of(
            driver.createOutputTopic(AlertTopology.DEFAULT_OUTPUT_TOPIC, new StringDeserializer(),
                new ByteArrayDeserializer()),
            driver.createOutputTopic(AlertTopology.DEFAULT_DEAD_LETTER_TOPIC, new StringDeserializer(),
                new ByteArrayDeserializer()));
        topologyPass(in, outs, record, Math.max(1_000, n / 4));
        for (int i = 0; i < topology.length; i++) {
          topology[i] = topologyPass(in, outs, record, n);
        }
      }
      System.out.printf(Locale.ROOT, "%-34s %16.0f %16.0f%n", shape.getKey(), median(alone), median(topology));
    }
  }

  private static byte[] tenObservations() {
    StringBuilder json = new StringBuilder("{\"observations\": [");
    String[] metrics = {"psi", "ks-p-value", "js-distance", "missing-rate", "ece", "psi", "psi", "ks-p-value",
        "train-score", "validation-score"};
    double[] values = {0.31, 0.003, 0.12, 0.08, 0.04, 0.05, 0.02, 0.5, 0.97, 0.81};
    for (int i = 0; i < metrics.length; i++) {
      json.append(i == 0 ? "" : ", ").append("{\"metric\": \"").append(metrics[i]).append("\", \"value\": ")
          .append(values[i]).append(", \"feature\": \"f").append(i).append("\"}");
    }
    return utf8(json.append("]}").toString());
  }

  private static double annotatorPass(AlertAnnotator annotator, byte[] record, int n) {
    long start = System.nanoTime();
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      Annotation a = annotator.annotate(record);
      bytes += a.annotated() ? a.bytes().length : 1;
    }
    long elapsed = System.nanoTime() - start;
    if (bytes == 0) {
      throw new AssertionError("nothing annotated");
    }
    return n / (elapsed / 1e9);
  }

  private static double topologyPass(TestInputTopic<String, byte[]> in, List<TestOutputTopic<String, byte[]>> outs,
      byte[] record, int n) {
    List<TestRecord<String, byte[]>> batch = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      batch.add(new TestRecord<>("k" + i, record));
    }
    long start = System.nanoTime();
    in.pipeRecordList(batch);
    long read = 0;
    for (TestOutputTopic<String, byte[]> out : outs) {
      read += out.readRecordsToList().size();
    }
    long elapsed = System.nanoTime() - start;
    if (read != n) {
      throw new AssertionError("piped " + n + " records, read " + read);
    }
    return n / (elapsed / 1e9);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
