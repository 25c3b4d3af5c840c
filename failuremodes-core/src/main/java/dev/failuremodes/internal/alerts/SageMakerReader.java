package dev.failuremodes.internal.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.alerts.Finding;
import dev.failuremodes.alerts.Format;
import dev.failuremodes.signals.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an Amazon SageMaker Model Monitor {@code constraint_violations.json}: the {@code violations} a monitoring
 * execution found against its baseline's {@code constraints.json}, from the data-quality monitor (each violation names
 * a {@code feature_name}) or the model-quality monitor (each names a {@code metric_name}, and its {@code
 * constraint_check_type} is the comparison that failed). The numbers live only in the {@code description} text; they
 * are read with regular expressions and kept. A file lists violations only: a passed constraint is never in it.
 *
 * <table>
 *   <caption>Check type to finding</caption>
 *   <tr><th>constraint_check_type</th><th>kind</th><th>symptom or metric</th></tr>
 *   <tr><td>{@code data_type_check}</td><td>SYMPTOM</td><td>{@code schema-change} (expected type and match, observed
 *       share kept in the detail)</td></tr>
 *   <tr><td>{@code completeness_check}</td><td>MEASURED</td><td>{@code missing-rate} = 1 − observed completeness,
 *       threshold and reference = 1 − the baseline's completeness (so a rise reads as {@code missing-rate-change});
 *       SYMPTOM {@code null-rate-spike} when the description carries no numbers</td></tr>
 *   <tr><td>{@code baseline_drift_check}</td><td>MEASURED</td><td>{@code drift-distance} with the tool's threshold;
 *       SYMPTOM {@code feature-distribution-shift} when the description carries no numbers</td></tr>
 *   <tr><td>{@code missing_column_check}</td><td>SYMPTOM</td><td>{@code schema-change} (column counts kept)</td></tr>
 *   <tr><td>{@code extra_column_check}</td><td>SYMPTOM</td><td>{@code schema-change} (column counts kept)</td></tr>
 *   <tr><td>{@code categorical_values_check}</td><td>MEASURED</td><td>{@code new-category-rate} = 1 − the share
 *       inside the baseline domain, threshold = 1 − the expected match; SYMPTOM {@code schema-change} when the
 *       description carries no numbers</td></tr>
 *   <tr><td>a comparison operator ({@code LessThanThreshold}, {@code LessThanOrEqualToThreshold}, {@code
 *       GreaterThanThreshold}, {@code GreaterThanOrEqualToThreshold}) on a score: {@code accuracy}, {@code auc},
 *       {@code precision}, {@code recall}, {@code f0_5}, {@code f1}, {@code f2}, {@code r2}, {@code
 *       true_positive_rate}, {@code true_negative_rate}, {@code balanced_accuracy} and the {@code weighted_}
 *       multiclass forms</td><td>MEASURED</td><td>{@code score}, reference = the constraint's threshold (the
 *       baseline value it was suggested from), so the fall reads as {@code score-drop}; the threshold is not passed as
 *       the catalog's threshold, whose {@code score} rule is about suspiciously high values</td></tr>
 *   <tr><td>an operator on an error: {@code mae}, {@code mse}, {@code rmse}, {@code false_positive_rate}, {@code
 *       false_negative_rate}</td><td>SYMPTOM</td><td>{@code sudden-production-degradation} (the catalog has no
 *       lower-is-better error metric; value and threshold kept in the detail)</td></tr>
 *   <tr><td>an operator on {@code accuracy_best_constant_classifier}</td><td>MEASURED</td><td>{@code
 *       class-prevalence} (the majority class's share), reference = the threshold, so a move reads as {@code
 *       class-prevalence-change}</td></tr>
 *   <tr><td>an operator on another {@code *_best_constant_classifier} metric</td><td>SYMPTOM</td><td>{@code
 *       class-prior-change} (these metrics depend only on the label distribution)</td></tr>
 *   <tr><td>an operator on {@code confusion_matrix}, {@code receiver_operating_characteristic_curve} or {@code
 *       precision_recall_curve}</td><td>NOT_A_SIGNAL</td><td>a matrix or a curve, not a thresholded value</td></tr>
 *   <tr><td>an operator on any other metric (a custom container's)</td><td>UNKNOWN</td><td></td></tr>
 *   <tr><td>any other check type</td><td>UNKNOWN</td><td></td></tr>
 * </table>
 */
final class SageMakerReader implements ReportReader {
  static final Set<String> DATA_QUALITY_CHECKS = Set.of("data_type_check", "completeness_check",
      "baseline_drift_check", "missing_column_check", "extra_column_check", "categorical_values_check");
  static final Set<String> OPERATORS = Set.of("LessThanThreshold", "LessThanOrEqualToThreshold",
      "GreaterThanThreshold", "GreaterThanOrEqualToThreshold");
  private static final Set<String> SCORES = Set.of("accuracy", "auc", "precision", "recall", "f0_5", "f1", "f2", "r2",
      "true_positive_rate", "true_negative_rate", "balanced_accuracy", "weighted_recall", "weighted_precision",
      "weighted_f0_5", "weighted_f1", "weighted_f2");
  private static final Set<String> ERRORS = Set.of("mae", "mse", "rmse", "false_positive_rate", "false_negative_rate");
  private static final Set<String> NOT_THRESHOLDED = Set.of("confusion_matrix",
      "receiver_operating_characteristic_curve", "precision_recall_curve");
  private static final String NUMBER = "([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)";
  private static final Pattern DRIFT = Pattern.compile(
      "(?i)distance:?\\s*" + NUMBER + "\\s*(?:exceeds|is greater than|>)\\s*(?:the\\s+)?threshold:?\\s*" + NUMBER);
  private static final Pattern EXPECTED_PERCENT = Pattern.compile(
      "(?i)expected(?:\\s+(?:completeness|match))?\\s*:\\s*" + NUMBER + "\\s*%");
  private static final Pattern OBSERVED_PERCENT = Pattern.compile(
      "(?i)observed(?:\\s+(?:completeness|match))?\\s*:\\s*(?:only\\s+)?" + NUMBER + "\\s*%");
  private static final Pattern METRIC = Pattern.compile(
      "(?i)metric\\s+\\S+\\s+with\\s+" + NUMBER + "(?:\\s*\\+/-\\s*(?:" + NUMBER + "|nan))?\\s+was\\s+\\w+\\s+'?"
          + NUMBER + "'?");

  @Override
  public Format format() {
    return Format.SAGEMAKER;
  }

  /**
   * Accepts an object whose {@code violations} array is empty or holds at least one violation object of a documented
   * check type: a data-quality {@code constraint_check_type}, or a comparison operator with a {@code metric_name}.
   */
  @Override
  public boolean accepts(JsonNode root) {
    if (!root.isObject() || !root.path("violations").isArray()) {
      return false;
    }
    JsonNode violations = root.get("violations");
    if (violations.isEmpty()) {
      return true;
    }
    for (JsonNode v : violations) {
      String type = v.path("constraint_check_type").asText("");
      if (v.isObject() && (DATA_QUALITY_CHECKS.contains(type) || OPERATORS.contains(type) && v.has("metric_name"))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<Finding> read(JsonNode root, String source) {
    Nodes n = new Nodes(source);
    if (!root.isObject()) {
      throw n.unexpected("$", "a SageMaker Model Monitor constraint_violations.json (an object with \"violations\")",
          root);
    }
    List<JsonNode> violations = n.array(root, "$", "violations");
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < violations.size(); i++) {
      String path = "$.violations[" + i + "]";
      JsonNode v = violations.get(i);
      if (!v.isObject()) {
        throw n.unexpected(path, "a violation object", v);
      }
      String type = n.text(v, path, "constraint_check_type");
      String description = n.optionalText(v, path, "description");
      description = description == null ? "" : description.strip();
      if (DATA_QUALITY_CHECKS.contains(type)) {
        String feature = n.optionalText(v, path, "feature_name");
        out.add(dataQuality(type, feature == null || feature.isBlank() ? null : feature.strip(), description));
      } else if (OPERATORS.contains(type) && v.has("metric_name")) {
        out.add(modelQuality(type, n.text(v, path, "metric_name"), description));
      } else {
        String name = n.optionalText(v, path, "feature_name");
        out.add(Finding.unknown(Format.SAGEMAKER, type, name == null ? n.optionalText(v, path, "metric_name") : name,
            "constraint check type not documented for the prebuilt container: " + description));
      }
    }
    return out;
  }

  private static Finding dataQuality(String type, String feature, String description) {
    String source = "SageMaker Model Monitor " + type;
    switch (type) {
      case "data_type_check":
      case "missing_column_check":
      case "extra_column_check":
        return Finding.symptom(Format.SAGEMAKER, type, feature, "schema-change", description);
      case "completeness_check": {
        Double expected = percent(EXPECTED_PERCENT, description);
        Double observed = percent(OBSERVED_PERCENT, description);
        if (observed == null) {
          return Finding.symptom(Format.SAGEMAKER, type, feature, "null-rate-spike", description);
        }
        Observation o = feature(Observation.of("missing-rate", clamp01(1 - observed)).source(source), feature);
        if (expected != null) {
          double baseline = clamp01(1 - expected);
          o = o.threshold(baseline).reference(baseline);
        }
        return Finding.measured(Format.SAGEMAKER, type, o, description);
      }
      case "baseline_drift_check": {
        Matcher m = DRIFT.matcher(description);
        if (!m.find()) {
          return Finding.symptom(Format.SAGEMAKER, type, feature, "feature-distribution-shift", description);
        }
        Observation o = Observation.of("drift-distance", Double.parseDouble(m.group(1)))
            .threshold(Double.parseDouble(m.group(2))).source(source);
        return Finding.measured(Format.SAGEMAKER, type, feature(o, feature), description);
      }
      default: { // categorical_values_check
        Double expected = percent(EXPECTED_PERCENT, description);
        Double observed = percent(OBSERVED_PERCENT, description);
        if (observed == null) {
          return Finding.symptom(Format.SAGEMAKER, type, feature, "schema-change", description);
        }
        Observation o = feature(Observation.of("new-category-rate", clamp01(1 - observed)).source(source), feature);
        if (expected != null) {
          o = o.threshold(clamp01(1 - expected));
        }
        return Finding.measured(Format.SAGEMAKER, type, o, description);
      }
    }
  }

  private static Finding modelQuality(String operator, String metric, String description) {
    String check = metric + " " + operator;
    String key = metric.strip().toLowerCase(Locale.ROOT);
    String source = "SageMaker Model Monitor " + check;
    Matcher m = METRIC.matcher(description);
    Double value = null;
    Double threshold = null;
    if (m.find()) {
      value = Double.parseDouble(m.group(1));
      threshold = Double.parseDouble(m.group(3));
    }
    if (NOT_THRESHOLDED.contains(key)) {
      return Finding.notASignal(Format.SAGEMAKER, check, null,
          "a matrix or a curve, not a thresholded value: " + description);
    }
    if (ERRORS.contains(key)) {
      // A lower-is-better error above its constraint: the catalog has no error metric, only the symptom.
      return Finding.symptom(Format.SAGEMAKER, check, null, "sudden-production-degradation", description);
    }
    if (key.endsWith("_best_constant_classifier")) {
      if (key.equals("accuracy_best_constant_classifier") && in01(value) && in01(threshold)) {
        Observation o = Observation.of("class-prevalence", value).reference(threshold).source(source);
        return Finding.measured(Format.SAGEMAKER, check, o, description);
      }
      return Finding.symptom(Format.SAGEMAKER, check, null, "class-prior-change", description);
    }
    if (SCORES.contains(key)) {
      if (value == null || value > 1 || threshold > 1) {
        return Finding.symptom(Format.SAGEMAKER, check, null, "sudden-production-degradation", description);
      }
      Observation o = Observation.of("score", value).source(source);
      // The constraint's threshold is the baseline's value: a fall below it is a drop from the reference.
      return Finding.measured(Format.SAGEMAKER, check,
          operator.startsWith("LessThan") ? o.reference(threshold) : o, description);
    }
    return Finding.unknown(Format.SAGEMAKER, check, null,
        "not a documented model-quality metric: " + description);
  }

  private static Observation feature(Observation o, String feature) {
    return feature == null ? o : o.feature(feature);
  }

  /** Returns the percentage the pattern finds, as a fraction, or null. */
  private static Double percent(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) / 100 : null;
  }

  private static double clamp01(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static boolean in01(Double v) {
    return v != null && v >= 0 && v <= 1;
  }
}
