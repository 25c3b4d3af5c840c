package dev.failuremodes.streams;

import dev.failuremodes.CatalogException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A Kafka Streams topology that annotates alerts: it reads alert records from an input topic, writes each one it
 * can annotate to an output topic and each one it cannot to a dead-letter topic. Keys, timestamps and headers pass
 * through unchanged; values are read as bytes, so no record fails to deserialise.
 *
 * <pre>{@code
 * Topology topology = AlertTopology.builder()
 *     .inputTopic("ml-alerts").outputTopic("ml-alerts-annotated").deadLetterTopic("ml-alerts-dead-letter")
 *     .annotator(AlertAnnotator.create())
 *     .build();
 * new KafkaStreams(topology, streamsProperties).start();
 * }</pre>
 *
 * <h2>What it writes</h2>
 * One source, one processor, two sinks. The processor forwards exactly one record for each record it reads, to
 * exactly one of the sinks, before it reads the next: nothing is dropped, nothing is added, and the records of an
 * input partition keep their order in each output topic. There is no repartitioning (the key is never changed), no
 * state store and no changelog. Output records go to partitions as any Kafka Streams sink sends them, by the hash of
 * their unchanged key: give the output topics as many partitions as the input so that a key stays on the partition
 * number it came in on.
 * <ul>
 *   <li><b>Output topic</b>: the value is the annotated alert, {@code {"alert": ..., "annotation": ...}}, in the
 *       shape {@link AlertAnnotator} documents.</li>
 *   <li><b>Dead-letter topic</b>: the value is the original bytes, unchanged (a null value stays null), and these
 *       headers, UTF-8 strings, say why; headers of the same names already on the record are replaced:
 *       <ul>
 *         <li>{@value #KIND_HEADER}: the {@link Rejection.Kind} id, such as {@code not-json} or {@code
 *             out-of-range}</li>
 *         <li>{@value #LOCATION_HEADER}: where in the record, such as {@code $.observations[1].value} or {@code line
 *             1, column 9}; empty when the problem is the whole record</li>
 *         <li>{@value #REASON_HEADER}: the full sentence, such as {@code Cannot annotate alert 'a-17' at
 *             $.observations[0].value: expected a number, found string "0.31"}</li>
 *         <li>{@value #TOPIC_HEADER}, {@value #PARTITION_HEADER}, {@value #OFFSET_HEADER}: where the record was
 *             read, in decimal</li>
 *       </ul>
 *       Fix the sender, or the record, and write it to the input topic again.</li>
 * </ul>
 * A record that makes the annotator fail for a reason that is not the record's (a defect) is dead-lettered too, as
 * {@link Rejection.Kind#INTERNAL_ERROR}, so that it cannot stop its partition; a catalog that cannot be loaded stops
 * the application, since every record would fail alike.
 *
 * <h2>How it scales</h2>
 * <ul>
 *   <li>The input topic's partitions bound the parallelism: Kafka Streams makes one task per input partition, and a
 *       task runs on one thread at a time. Twelve partitions keep at most twelve threads busy.</li>
 *   <li>{@code num.stream.threads} sets the threads of one instance; give it about one per core, since annotating
 *       is CPU work with no I/O of its own.</li>
 *   <li>More instances started with the same {@code application.id} join one consumer group and share the
 *       partitions; adding or stopping one moves tasks, and having no state, a moved task starts at once.</li>
 *   <li>All tasks of one JVM share one {@link AlertAnnotator}, and so one diagnoser and one catalog index: it is
 *       immutable and thread-safe, and keeps nothing between records. There is no state store, so no changelog
 *       topic, no restoration and no standby replicas to configure.</li>
 *   <li>The catalog's index is built on the first record a JVM annotates (a few hundred milliseconds), not when the
 *       topology is built.</li>
 * </ul>
 * Processing is at-least-once by default: after a crash some records are annotated again and written again. Set
 * {@code processing.guarantee=exactly_once_v2} to write each record's result once.
 */
public final class AlertTopology {
  /** The header that names the {@link Rejection.Kind} of a dead-lettered record. */
  public static final String KIND_HEADER = "failuremodes.error.kind";
  /** The header that gives where in the record the problem is; empty when it is the whole record. */
  public static final String LOCATION_HEADER = "failuremodes.error.location";
  /** The header that gives the full reason a record was dead-lettered. */
  public static final String REASON_HEADER = "failuremodes.error.reason";
  /** The header that gives the topic a dead-lettered record was read from. */
  public static final String TOPIC_HEADER = "failuremodes.source.topic";
  /** The header that gives the partition a dead-lettered record was read from. */
  public static final String PARTITION_HEADER = "failuremodes.source.partition";
  /** The header that gives the offset a dead-lettered record was read at. */
  public static final String OFFSET_HEADER = "failuremodes.source.offset";

  /** The default input topic, {@code alerts}. */
  public static final String DEFAULT_INPUT_TOPIC = "alerts";
  /** The default output topic, {@code alerts-annotated}. */
  public static final String DEFAULT_OUTPUT_TOPIC = "alerts-annotated";
  /** The default dead-letter topic, {@code alerts-dead-letter}. */
  public static final String DEFAULT_DEAD_LETTER_TOPIC = "alerts-dead-letter";

  static final String SOURCE = "alerts";
  static final String PROCESSOR = "annotate";
  static final String ANNOTATED_SINK = "annotated";
  static final String DEAD_LETTER_SINK = "dead-letter";

  private AlertTopology() {}

  /** Returns a builder with the default topics and no annotator yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds the topology. Not thread-safe; each {@link #build()} returns a new topology. */
  public static final class Builder {
    private String inputTopic = DEFAULT_INPUT_TOPIC;
    private String outputTopic = DEFAULT_OUTPUT_TOPIC;
    private String deadLetterTopic = DEFAULT_DEAD_LETTER_TOPIC;
    private AlertAnnotator annotator;
    /** What the processor calls; {@code annotator::annotate} unless a test puts a failing one in its place. */
    private Function<byte[], Annotation> annotate;

    private Builder() {}

    /**
     * Sets the topic alert records are read from (default {@value AlertTopology#DEFAULT_INPUT_TOPIC}).
     *
     * @throws NullPointerException if {@code topic} is null
     * @throws IllegalArgumentException if {@code topic} is blank
     */
    public Builder inputTopic(String topic) {
      inputTopic = topic("inputTopic", topic);
      return this;
    }

    /**
     * Sets the topic annotated alerts are written to (default {@value AlertTopology#DEFAULT_OUTPUT_TOPIC}).
     *
     * @throws NullPointerException if {@code topic} is null
     * @throws IllegalArgumentException if {@code topic} is blank
     */
    public Builder outputTopic(String topic) {
      outputTopic = topic("outputTopic", topic);
      return this;
    }

    /**
     * Sets the topic records that cannot be annotated are written to (default {@value
     * AlertTopology#DEFAULT_DEAD_LETTER_TOPIC}).
     *
     * @throws NullPointerException if {@code topic} is null
     * @throws IllegalArgumentException if {@code topic} is blank
     */
    public Builder deadLetterTopic(String topic) {
      deadLetterTopic = topic("deadLetterTopic", topic);
      return this;
    }

    /**
     * Sets the annotator every task of the topology shares.
     *
     * @throws NullPointerException if {@code annotator} is null
     */
    public Builder annotator(AlertAnnotator annotator) {
      this.annotator = Objects.requireNonNull(annotator, "annotator");
      this.annotate = annotator::annotate;
      return this;
    }

    /** Sets what the processor calls in place of an annotator, for tests of failures no record can cause. */
    Builder annotating(Function<byte[], Annotation> annotate) {
      this.annotate = Objects.requireNonNull(annotate, "annotate");
      return this;
    }

    private static String topic(String what, String topic) {
      Objects.requireNonNull(topic, what);
      if (topic.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return topic.strip();
    }

    /**
     * Returns the topology.
     *
     * @throws IllegalStateException if no annotator was set, or the input topic is also an output topic (every
     *     record would be read again)
     */
    public Topology build() {
      if (annotate == null) {
        throw new IllegalStateException("No annotator: call annotator(AlertAnnotator.create()) before build()");
      }
      if (inputTopic.equals(outputTopic) || inputTopic.equals(deadLetterTopic)) {
        throw new IllegalStateException("The input topic '" + inputTopic + "' is also an output topic: every"
            + " record would be read again; use topics of their own for output (" + outputTopic + ") and dead"
            + " letters (" + deadLetterTopic + ")");
      }
      Function<byte[], Annotation> shared = annotate;
      Topology topology = new Topology();
      topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), inputTopic);
      topology.addProcessor(PROCESSOR, () -> new Annotate(shared), SOURCE);
      topology.addSink(ANNOTATED_SINK, outputTopic, new ByteArraySerializer(), new ByteArraySerializer(),
          PROCESSOR);
      topology.addSink(DEAD_LETTER_SINK, deadLetterTopic, new ByteArraySerializer(), new ByteArraySerializer(),
          PROCESSOR);
      return topology;
    }

    /** Returns the topics. */
    @Override
    public String toString() {
      return "AlertTopology.Builder[" + inputTopic + " -> " + outputTopic + ", dead letters " + deadLetterTopic
          + "]";
    }
  }

  /** Forwards each record to exactly one sink: annotated to the output, anything else to the dead letters. */
  private static final class Annotate implements Processor<byte[], byte[], byte[], byte[]> {
    private final Function<byte[], Annotation> annotator;
    private ProcessorContext<byte[], byte[]> context;

    Annotate(Function<byte[], Annotation> annotator) {
      this.annotator = annotator;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
      this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      Annotation annotation;
      try {
        annotation = annotator.apply(record.value());
      } catch (CatalogException e) {
        throw e;
      } catch (RuntimeException e) {
        annotation = Annotation.rejected(new Rejection(Rejection.Kind.INTERNAL_ERROR, "", "Cannot annotate alert"
            + " record: the annotator failed with " + e + "; this is a defect of failuremodes, not of the record:"
            + " report it with the record"));
      }
      if (annotation.annotated()) {
        context.forward(record.withValue(annotation.bytes()), ANNOTATED_SINK);
      } else {
        context.forward(record.withHeaders(deadLetterHeaders(record.headers(), annotation.rejection().orElseThrow(),
            context.recordMetadata().orElse(null))), DEAD_LETTER_SINK);
      }
    }

    /** Copies the headers, since a record's headers may be shared with others, and sets the dead-letter ones. */
    private static Headers deadLetterHeaders(Headers original, Rejection rejection, RecordMetadata metadata) {
      Headers headers = new RecordHeaders(original.toArray());
      set(headers, KIND_HEADER, rejection.kind().id());
      set(headers, LOCATION_HEADER, rejection.location());
      set(headers, REASON_HEADER, rejection.reason());
      if (metadata != null) {
        set(headers, TOPIC_HEADER, metadata.topic());
        set(headers, PARTITION_HEADER, Integer.toString(metadata.partition()));
        set(headers, OFFSET_HEADER, Long.toString(metadata.offset()));
      }
      return headers;
    }

    private static void set(Headers headers, String key, String value) {
      headers.remove(key);
      headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
