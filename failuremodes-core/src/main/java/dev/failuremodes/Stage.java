package dev.failuremodes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A stage of the machine-learning lifecycle, in the order a failing system should be debugged.
 *
 * <p>The order is the catalog's debugging rule: problem framing first, then data, then features, then modeling,
 * then evaluation; deployment and monitoring last. Most failures happen before modeling, so the cheapest checks with
 * the widest reach come first.
 */
public enum Stage {
  /** Choosing the target, the metric and the constraints the model must respect. */
  PROBLEM_FRAMING("problem-framing", "Problem framing"),
  /** Collecting, labelling, splitting and validating the data. */
  DATA("data", "Data"),
  /** Turning raw data into model inputs. */
  FEATURE_ENGINEERING("feature-engineering", "Feature engineering"),
  /** Choosing, training, regularising and tuning the model. */
  MODELING("modeling", "Modeling"),
  /** Measuring the model before it ships. */
  EVALUATION("evaluation", "Evaluation"),
  /** Serving the model and watching it in production. */
  DEPLOYMENT_MONITORING("deployment-monitoring", "Deployment and monitoring");

  private final String id;
  private final String displayName;

  Stage(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** Returns the stable kebab-case id used in the catalog JSON, for example {@code "feature-engineering"}. */
  public String id() {
    return id;
  }

  /** Returns the human-readable name, for example {@code "Feature engineering"}. */
  public String displayName() {
    return displayName;
  }

  /** Returns this stage's place in the debugging order, starting at 1 for problem framing. */
  public int debuggingOrder() {
    return ordinal() + 1;
  }

  /** Returns the stages in debugging order. */
  public static List<Stage> inDebuggingOrder() {
    return List.of(values());
  }

  /**
   * Returns the stage with the given id or enum name, ignoring case; {@code "data"}, {@code "DATA"} and
   * {@code "deployment_monitoring"} all resolve.
   */
  public static Optional<Stage> find(String idOrName) {
    if (idOrName == null) {
      return Optional.empty();
    }
    String key = idOrName.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(s -> s.id.equals(key)).findFirst();
  }

  /**
   * Returns the stage with the given id or enum name.
   *
   * @throws IllegalArgumentException if no stage has that id; the message lists the valid ids
   */
  public static Stage of(String idOrName) {
    return find(idOrName)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown stage '" + idOrName + "'; valid stages are " + validIds() + "."));
  }

  /** Returns the valid ids, comma-separated in debugging order, for error messages. */
  static String validIds() {
    return Arrays.stream(values()).map(Stage::id).collect(Collectors.joining(", "));
  }

  /** Returns the id, as JShell users expect to see it. */
  @Override
  public String toString() {
    return id;
  }
}
