/**
 * Alerts annotated with a diagnosis, for webhooks and Kafka. {@link dev.failuremodes.streams.AlertAnnotator} takes
 * an alert record or a monitoring tool's report as JSON and returns it with the most likely failure modes and the
 * first fixes, or a {@link dev.failuremodes.streams.Rejection} naming what is wrong and where; it has no Kafka
 * types. {@link dev.failuremodes.streams.AlertTopology} runs it as a Kafka Streams topology: an input topic in, an
 * annotated topic and a dead-letter topic out.
 */
package dev.failuremodes.streams;
