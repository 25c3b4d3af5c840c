package dev.failuremodes.streams;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Runs {@link AlertTopology} against a Kafka cluster, configured from a properties file:
 *
 * <pre>{@code
 * java -cp ... dev.failuremodes.streams.AlertStreamsApp alerts.properties
 * }</pre>
 *
 * <pre>{@code
 * application.id=ml-alert-annotator
 * bootstrap.servers=localhost:9092
 * num.stream.threads=2
 * failuremodes.input.topic=ml-alerts
 * failuremodes.output.topic=ml-alerts-annotated
 * failuremodes.dead.letter.topic=ml-alerts-dead-letter
 * failuremodes.max.record.bytes=1048576
 * }</pre>
 *
 * The {@code failuremodes.*} properties configure the topology (each optional, with the defaults of {@link
 * AlertTopology} and {@link AlertAnnotator}); every other property is passed to Kafka Streams, which needs at
 * least {@code application.id} and {@code bootstrap.servers}. The topics must exist. The application stops on
 * SIGTERM or Ctrl-C, closing Kafka Streams cleanly.
 */
public final class AlertStreamsApp {
  /** The property that names the input topic. */
  public static final String INPUT_TOPIC = "failuremodes.input.topic";
  /** The property that names the output topic. */
  public static final String OUTPUT_TOPIC = "failuremodes.output.topic";
  /** The property that names the dead-letter topic. */
  public static final String DEAD_LETTER_TOPIC = "failuremodes.dead.letter.topic";
  /** The property that sets the size limit of a record, in bytes. */
  public static final String MAX_RECORD_BYTES = "failuremodes.max.record.bytes";

  private static final String PREFIX = "failuremodes.";

  private AlertStreamsApp() {}

  /**
   * Returns the topology the properties describe, with a new annotator over the bundled catalog.
   *
   * @throws NullPointerException if {@code properties} is null
   * @throws IllegalArgumentException if {@value #MAX_RECORD_BYTES} is not a whole number in range, or a {@code
   *     failuremodes.*} property is unknown (the message names the valid ones)
   */
  public static Topology topology(Properties properties) {
    AlertAnnotator annotator = AlertAnnotator.create();
    AlertTopology.Builder builder = AlertTopology.builder();
    for (String name : properties.stringPropertyNames()) {
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      String value = properties.getProperty(name).strip();
      switch (name) {
        case INPUT_TOPIC -> builder.inputTopic(value);
        case OUTPUT_TOPIC -> builder.outputTopic(value);
        case DEAD_LETTER_TOPIC -> builder.deadLetterTopic(value);
        case MAX_RECORD_BYTES -> {
          try {
            annotator = annotator.withMaxRecordBytes(Integer.parseInt(value));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_RECORD_BYTES + " must be a whole number of bytes, was '" + value
                + "'", e);
          }
        }
        default -> throw new IllegalArgumentException("Unknown property '" + name + "'; valid: " + INPUT_TOPIC
            + ", " + OUTPUT_TOPIC + ", " + DEAD_LETTER_TOPIC + ", " + MAX_RECORD_BYTES);
      }
    }
    return builder.annotator(annotator).build();
  }

  /** Returns the properties without the {@code failuremodes.*} ones, for Kafka Streams. */
  static Properties streamsProperties(Properties properties) {
    Properties streams = new Properties();
    for (String name : properties.stringPropertyNames()) {
      if (!name.startsWith(PREFIX)) {
        streams.setProperty(name, properties.getProperty(name));
      }
    }
    return streams;
  }

  /**
   * Starts the topology with the properties file given as the only argument and runs until the JVM is asked to
   * stop.
   *
   * @throws IOException if the properties file cannot be read
   * @throws InterruptedException if the main thread is interrupted while it waits
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 1) {
      System.err.println("Usage: AlertStreamsApp PROPERTIES_FILE (needs application.id and bootstrap.servers;"
          + " optional " + INPUT_TOPIC + ", " + OUTPUT_TOPIC + ", " + DEAD_LETTER_TOPIC + ", " + MAX_RECORD_BYTES
          + ")");
      System.exit(2);
      return;
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    Topology topology = topology(properties);
    Properties streamsProperties = streamsProperties(properties);
    for (String required : new String[] {StreamsConfig.APPLICATION_ID_CONFIG,
        StreamsConfig.BOOTSTRAP_SERVERS_CONFIG}) {
      if (!streamsProperties.containsKey(required)) {
        System.err.println("Missing property '" + required + "' in " + args[0]);
        System.exit(2);
        return;
      }
    }
    KafkaStreams streams = new KafkaStreams(topology, streamsProperties);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      streams.close();
      stopped.countDown();
    }, "failuremodes-streams-shutdown"));
    streams.start();
    stopped.await();
  }
}
