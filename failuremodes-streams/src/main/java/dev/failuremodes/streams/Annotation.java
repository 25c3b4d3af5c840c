package dev.failuremodes.streams;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AlertAnnotator} made of one record: the annotated alert as JSON, or the {@link Rejection} that says why
 * there is none. Immutable.
 *
 * <pre>{@code
 * Annotation a = annotator.annotate(body);
 * if (a.annotated()) {
 *   respond(200, a.json());
 * } else {
 *   respond(400, a.rejection().orElseThrow().toJson());
 * }
 * }</pre>
 */
public final class Annotation {
  private final byte[] json;
  private final Rejection rejection;

  private Annotation(byte[] json, Rejection rejection) {
    this.json = json;
    this.rejection = rejection;
  }

  static Annotation of(byte[] json) {
    return new Annotation(Objects.requireNonNull(json, "json"), null);
  }

  static Annotation rejected(Rejection rejection) {
    return new Annotation(null, Objects.requireNonNull(rejection, "rejection"));
  }

  /** Returns whether the record was annotated; when false, {@link #rejection()} says why not. */
  public boolean annotated() {
    return json != null;
  }

  /**
   * Returns the annotated alert as UTF-8 JSON, in the shape {@link AlertAnnotator} documents.
   *
   * @throws IllegalStateException if the record was rejected; the message is the rejection's reason
   */
  public byte[] jsonBytes() {
    return requireAnnotated().clone();
  }

  /**
   * Returns the annotated alert as JSON text.
   *
   * @throws IllegalStateException if the record was rejected; the message is the rejection's reason
   */
  public String json() {
    return new String(requireAnnotated(), StandardCharsets.UTF_8);
  }

  /** Returns the bytes without a defensive copy, for the topology, which hands them straight to the producer. */
  byte[] bytes() {
    return requireAnnotated();
  }

  private byte[] requireAnnotated() {
    if (json == null) {
      throw new IllegalStateException("No annotation: " + rejection.reason());
    }
    return json;
  }

  /** Returns why the record was not annotated, or empty when it was. */
  public Optional<Rejection> rejection() {
    return Optional.ofNullable(rejection);
  }

  /** Returns {@code Annotation[n bytes]} or {@code Annotation[rejected kind: reason]}. */
  @Override
  public String toString() {
    return json != null ? "Annotation[" + json.length + " bytes]"
        : "Annotation[rejected " + rejection.kind() + ": " + rejection.reason() + "]";
  }
}
