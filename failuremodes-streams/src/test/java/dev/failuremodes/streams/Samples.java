package dev.failuremodes.streams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test records: tool reports copied from core's test data, and alert records written here. */
final class Samples {
  private Samples() {}

  /** One shared annotator for all tests, as in production: building the index once keeps the tests fast. */
  static final AlertAnnotator ANNOTATOR = AlertAnnotator.create();

  static final String TEXT = "{\"id\": \"a-1\", \"text\": \"large train-test gap\"}";
  static final String TEXTS = "{\"id\": \"a-2\", \"text\": [\"large train-test gap\","
      + " \"validation loss rises while training loss falls\"]}";
  static final String OBSERVATIONS = "{\"id\": \"a-3\", \"observations\": [{\"metric\": \"psi\", \"value\": 0.31,"
      + " \"feature\": \"age\", \"threshold\": 0.2, \"samples\": 5000, \"referenceSamples\": 50000}]}";
  static final String OUT_OF_RANGE = "{\"id\": \"a-4\", \"observations\": [{\"metric\": \"psi\", \"value\": 0.4},"
      + " {\"metric\": \"psi\", \"value\": -0.2}]}";

  /** Returns a test resource under {@code alerts/} as bytes. */
  static byte[] bytes(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/alerts/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource alerts/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns a test resource under {@code alerts/} as text. */
  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
