package dev.failuremodes.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report formats this library reads. */
public enum Format {
  /** TensorFlow Data Validation anomalies (the {@code Anomalies} protocol buffer in its JSON form). */
  TFDV("tfdv", "TensorFlow Data Validation"),
  /** Amazon SageMaker Model Monitor {@code constraint_violations.json} (data quality and model quality). */
  SAGEMAKER("sagemaker", "SageMaker Model Monitor"),
  /** Evidently report or test suite JSON. */
  EVIDENTLY("evidently", "Evidently"),
  /** Deepchecks suite result JSON. */
  DEEPCHECKS("deepchecks", "Deepchecks"),
  /** Great Expectations validation result JSON. */
  GREAT_EXPECTATIONS("great-expectations", "Great Expectations"),
  /** Prometheus Alertmanager webhook payload. */
  ALERTMANAGER("alertmanager", "Alertmanager");

  private final String id;
  private final String tool;

  Format(String id, String tool) {
    this.id = id;
    this.tool = tool;
  }

  /** Returns the id used on the command line and in JSON, such as {@code "great-expectations"}. */
  public String id() {
    return id;
  }

  /** Returns the tool's name, such as "Great Expectations". */
  public String tool() {
    return tool;
  }

  /** Returns the format with this id or enum name, ignoring case and dashes versus underscores. */
  public static Optional<Format> find(String idOrName) {
    if (idOrName == null) {
      return Optional.empty();
    }
    String key = idOrName.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(f -> f.id.equals(key)).findFirst();
  }

  /** Returns the valid ids, comma-separated, for messages. */
  public static String validIds() {
    return Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", "));
  }

  /** Returns the id. */
  @Override
  public String toString() {
    return id;
  }
}
