package dev.failuremodes.internal.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.CatalogException;
import dev.failuremodes.alerts.Finding;
import dev.failuremodes.alerts.Format;
import dev.failuremodes.alerts.ReportException;
import dev.failuremodes.internal.json.Json;
import dev.failuremodes.signals.Observation;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON of a Deepchecks (tabular) {@code SuiteResult.to_json()} ({@code {"name", "results": [...], "type":
 * "SuiteResult"}}) or of one {@code CheckResult.to_json()} / {@code CheckFailure}: each result names its check ({@code
 * check.name}, the class name split into words, such as "Feature Drift"), its {@code header}, its {@code value} (a
 * data frame arrives as a JSON string, which is parsed) and its {@code conditions_results} ({@code Status} PASS, WARN,
 * FAIL or ERROR, {@code Condition}, {@code More Info}). A check failed when a condition is FAIL or WARN; thresholds
 * are read from the condition's name ("Drift value is less than 0.25") and numbers from the check's value or the
 * condition's details. Checks are matched by name, current and earlier (in brackets) alike. A per-column (or
 * per-class) value is measured on every column, over the tool's limit or within it: the diagnosis, not the reader,
 * judges what a healthy value says (a column within the limit is no evidence against the drift measured on another).
 *
 * <table>
 *   <caption>Check to finding</caption>
 *   <tr><th>check</th><th>kind</th><th>symptom or metric</th></tr>
 *   <tr><td>Feature Drift (Train Test Feature Drift)</td><td>MEASURED per column</td><td>by method: PSI → {@code
 *       psi}, Kolmogorov-Smirnov → {@code ks-statistic}, Earth Mover's Distance, Cramer's V and others → {@code
 *       drift-distance}; threshold = the condition's categorical or numerical limit</td></tr>
 *   <tr><td>Multivariate Drift (Whole Dataset Drift)</td><td>MEASURED</td><td>{@code drift-distance} = the domain
 *       classifier's drift score, threshold from the condition</td></tr>
 *   <tr><td>Label Drift (Train Test Label Drift)</td><td>SYMPTOM when failed</td><td>{@code class-prior-change}
 *       (the catalog's drift metrics read as feature shift, so a passed label drift is NOT_A_SIGNAL)</td></tr>
 *   <tr><td>Prediction Drift (Train Test Prediction Drift)</td><td>SYMPTOM when failed</td><td>{@code
 *       prediction-distribution-shift}</td></tr>
 *   <tr><td>New Category Train Test (Category Mismatch Train Test)</td><td>MEASURED per column it lists, with
 *       new values or none</td><td>{@code new-category-rate} = new-category rows / test rows, threshold from the
 *       ratio condition</td></tr>
 *   <tr><td>Percent Of Nulls</td><td>MEASURED per column, with nulls or none</td><td>{@code missing-rate},
 *       threshold from the condition</td></tr>
 *   <tr><td>Train Test Performance (Performance Report)</td><td>MEASURED</td><td>{@code train-test-gap} of the
 *       metric and class that degraded most (scores in [0, 1]), threshold = the relative-degradation limit × the
 *       train score; the class-imbalance condition failing is SYMPTOM {@code rare-class-missed}</td></tr>
 *   <tr><td>Weak Segments Performance</td><td>MEASURED</td><td>{@code slice-gap} = average − weakest segment's score,
 *       threshold = (1 − the condition's ratio) × the average</td></tr>
 *   <tr><td>Model Error Analysis, Segment Performance</td><td>SYMPTOM when failed</td><td>{@code
 *       subgroup-performance-gap}</td></tr>
 *   <tr><td>Boosting Overfit</td><td>MEASURED, and SYMPTOM when failed</td><td>{@code train-test-gap} at the last
 *       iteration; {@code trained-past-best-epoch}</td></tr>
 *   <tr><td>Roc Report</td><td>MEASURED per class, and TEXT when failed</td><td>{@code score} (AUC)</td></tr>
 *   <tr><td>Model Inference Time</td><td>MEASURED</td><td>{@code latency-ms} = seconds per sample × 1000</td></tr>
 *   <tr><td>Simple Model Comparison</td><td>SYMPTOM when failed</td><td>{@code simple-model-matches-complex}</td></tr>
 *   <tr><td>Conflicting Labels (Label Ambiguity)</td><td>SYMPTOM when failed</td><td>{@code
 *       label-errors-found}</td></tr>
 *   <tr><td>Feature Label Correlation (Single Feature Contribution)</td><td>SYMPTOM per feature over the limit
 *       when failed</td><td>{@code single-feature-dominance}</td></tr>
 *   <tr><td>Feature Label Correlation Change (Single Feature Contribution Train Test)</td><td>SYMPTOM per feature
 *       when the train PPS condition fails; TEXT when the train-test difference fails</td><td>{@code
 *       single-feature-dominance}</td></tr>
 *   <tr><td>Feature Feature Correlation</td><td>SYMPTOM when failed</td><td>{@code high-feature-correlation}</td></tr>
 *   <tr><td>Index Train Test Leakage, Train Test Samples Mix</td><td>SYMPTOM when failed</td><td>{@code
 *       duplicates-across-splits}</td></tr>
 *   <tr><td>New Label Train Test</td><td>SYMPTOM when failed</td><td>{@code class-prior-change}</td></tr>
 *   <tr><td>Dominant Frequency Change</td><td>SYMPTOM when failed</td><td>{@code feature-distribution-shift}</td></tr>
 *   <tr><td>Calibration Score</td><td>SYMPTOM when a condition fails</td><td>{@code probabilities-miscalibrated}
 *       (its value is a Brier score, not the catalog's ECE)</td></tr>
 *   <tr><td>Mixed Nulls, Data Duplicates, Mixed Data Types, String Mismatch, String Mismatch Comparison, Is Single
 *       Value, Special Characters, String Length Out Of Bounds, Outlier Sample Detection, Class Imbalance, Identifier
 *       Label Correlation (Identifier Leakage), Datasets Size Comparison, Date Train Test Leakage Duplicates, Date
 *       Train Test Leakage Overlap, Unused Features, Regression Error Distribution, Regression Systematic Error, Single
 *       Dataset Performance</td><td>TEXT when failed</td><td>the header, the check's summary and the failed
 *       conditions' details, read as text (no catalog symptom says exactly what they find; Mixed Nulls' shares are
 *       per kind of null, kept in the detail)</td></tr>
 *   <tr><td>Confusion Matrix Report, Columns Info, Model Info</td><td>NOT_A_SIGNAL</td><td>displays, no
 *       verdict</td></tr>
 *   <tr><td>any check above that passed without a value the catalog can read, or whose conditions only
 *       errored</td><td>NOT_A_SIGNAL</td><td>with the condition's details</td></tr>
 *   <tr><td>a CheckFailure (the check did not run)</td><td>NOT_A_SIGNAL</td><td>with the exception</td></tr>
 *   <tr><td>any other check (vision, NLP, custom)</td><td>UNKNOWN</td><td></td></tr>
 * </table>
 */
final class DeepchecksReader implements ReportReader {
  private static final String NUMBER = "([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)";
  private static final String BELOW = "(?:<=?|less than|less or equal to|not greater than)\\s*";
  private static final String ABOVE = "(?:>=?|greater than|more than|not less than)\\s*";
  private static final Pattern LIMIT_BELOW = Pattern.compile("(?i)" + BELOW + NUMBER + "\\s*(%?)");
  private static final Pattern CATEGORICAL_LIMIT = Pattern.compile(
      "(?i)(?:categorical[^<>]*?|PSI\\s*|Cramer's V\\s*)" + BELOW + NUMBER);
  private static final Pattern NUMERICAL_LIMIT = Pattern.compile(
      "(?i)(?:numerical[^<>]*?|Earth Mover's Distance\\s*|Kolmogorov-Smirnov\\s*)" + BELOW + NUMBER);
  private static final Pattern SEGMENT = Pattern.compile(
      "(?i)score of\\s*" + NUMBER + "\\s*in comparison to an average score of\\s*" + NUMBER);
  private static final Pattern SEGMENT_RATIO = Pattern.compile("(?i)" + ABOVE + NUMBER + "\\s*%\\s*of average");
  private static final Pattern QUOTED_ENTRY = Pattern.compile("'([^']+)'\\s*:\\s*'?<?" + NUMBER + "%?'?");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Set<String> STATUSES = Set.of("PASS", "WARN", "FAIL", "ERROR");

  /** What a failed or passed check says, by the normalised check name. */
  private static final Map<String, Handler> HANDLERS = handlers();

  @Override
  public Format format() {
    return Format.DEEPCHECKS;
  }

  /**
   * Accepts a suite result (a string {@code name} and a {@code results} array holding at least one check output, or
   * none when {@code type} is {@code "SuiteResult"}) or one check output (an object with a {@code check} object and a
   * {@code type} of {@code CheckResult} or {@code CheckFailure}, or, before the type was written, a {@code header}
   * and {@code conditions_results}).
   */
  @Override
  public boolean accepts(JsonNode root) {
    if (!root.isObject()) {
      return false;
    }
    if (root.has("results")) {
      JsonNode type = root.get("type");
      if (!root.path("name").isTextual() || !root.get("results").isArray()
          || type != null && !"SuiteResult".equals(type.asText())) {
        return false;
      }
      if (root.get("results").isEmpty()) {
        return type != null;
      }
      for (JsonNode r : root.get("results")) {
        if (isCheckOutput(r)) {
          return true;
        }
      }
      return false;
    }
    return isCheckOutput(root);
  }

  private static boolean isCheckOutput(JsonNode n) {
    if (!n.isObject() || !n.path("check").isObject()) {
      return false;
    }
    JsonNode type = n.get("type");
    return type != null ? Set.of("CheckResult", "CheckFailure").contains(type.asText())
        : n.has("header") && n.has("conditions_results");
  }

  @Override
  public List<Finding> read(JsonNode root, String source) {
    Nodes n = new Nodes(source);
    if (!root.isObject()) {
      throw n.unexpected("$", "a Deepchecks SuiteResult or CheckResult JSON object", root);
    }
    List<Finding> out = new ArrayList<>();
    if (root.has("results")) {
      List<JsonNode> results = n.array(root, "$", "results");
      for (int i = 0; i < results.size(); i++) {
        out.addAll(readResult(n, results.get(i), "$.results[" + i + "]"));
      }
    } else {
      out.addAll(readResult(n, root, "$"));
    }
    return out;
  }

  private static List<Finding> readResult(Nodes n, JsonNode r, String path) {
    if (!r.isObject()) {
      throw n.unexpected(path, "a check result object", r);
    }
    String type = n.optionalText(r, path, "type");
    if (type != null && !type.equals("CheckResult") && !type.equals("CheckFailure")) {
      throw new ReportException(n.source(), path + ".type",
          "expected \"CheckResult\" or \"CheckFailure\" but found \"" + type
              + "\"; pass the output of SuiteResult.to_json() or CheckResult.to_json() unchanged");
    }
    JsonNode check = n.object(r, path, "check");
    String name = n.text(check, path + ".check", "name");
    String header = n.optionalText(r, path, "header");
    String summary = n.optionalText(check, path + ".check", "summary");
    if ("CheckFailure".equals(type) || type == null && r.has("exception")) {
      String exception = n.optionalText(r, path, "exception");
      return List.of(Finding.notASignal(Format.DEEPCHECKS, name, null,
          "the check did not run: " + (exception == null ? "no reason given" : oneLine(exception))));
    }
    List<Condition> conditions = new ArrayList<>();
    List<JsonNode> items = n.optionalArray(r, path, "conditions_results");
    for (int i = 0; i < items.size(); i++) {
      conditions.add(condition(n, items.get(i), path + ".conditions_results[" + i + "]"));
    }
    Result result = new Result(name, header == null ? name : header, summary == null ? "" : clean(summary),
        value(r.get("value"), n.source()), conditions);
    Handler handler = HANDLERS.get(key(name));
    if (handler == null) {
      return List.of(Finding.unknown(Format.DEEPCHECKS, name, null,
          "not a Deepchecks tabular check this library knows; " + result.verdict()));
    }
    return handler.read(result);
  }

  private static Condition condition(Nodes n, JsonNode c, String path) {
    if (!c.isObject()) {
      throw n.unexpected(path, "a condition result object", c);
    }
    String status = first(n, c, path, "Status", "status", "category");
    if (status == null && c.has("is_pass")) {
      if (!c.get("is_pass").isBoolean()) {
        throw n.unexpected(path + ".is_pass", "true or false", c.get("is_pass"));
      }
      status = c.get("is_pass").booleanValue() ? "PASS" : "FAIL";
    }
    if (status == null) {
      throw n.unexpected(path + ".Status", "one of PASS, WARN, FAIL, ERROR", null);
    }
    String upper = status.strip().toUpperCase(Locale.ROOT);
    if (!STATUSES.contains(upper)) {
      throw new ReportException(n.source(), path + ".Status",
          "expected one of PASS, WARN, FAIL, ERROR but found \"" + status + "\"");
    }
    String name = first(n, c, path, "Condition", "condition", "name");
    String details = first(n, c, path, "More Info", "more_info", "details");
    return new Condition(upper, name == null ? "" : oneLine(name), details == null ? "" : oneLine(details));
  }

  private static String first(Nodes n, JsonNode node, String path, String... fields) {
    for (String f : fields) {
      String v = n.optionalText(node, path, f);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Returns the value, with a data frame that {@code to_json} wrote as a JSON string parsed into JSON. */
  private static JsonNode value(JsonNode v, String source) {
    if (v != null && v.isTextual()) {
      String t = v.textValue().strip();
      if (t.startsWith("[") || t.startsWith("{")) {
        try {
          return Json.parse(new StringReader(t), source);
        } catch (CatalogException e) {
          return v; // text that only looks like JSON: kept as the tool wrote it
        }
      }
    }
    return v;
  }

  // ---- the checks --------------------------------------------------------------------------------------------------

  /** Reads one known check. */
  @FunctionalInterface
  private interface Handler {
    List<Finding> read(Result r);
  }

  private static Map<String, Handler> handlers() {
    Map<String, Handler> h = new HashMap<>();
    put(h, DeepchecksReader::featureDrift, "Feature Drift", "Train Test Feature Drift");
    put(h, DeepchecksReader::multivariateDrift, "Multivariate Drift", "Whole Dataset Drift");
    put(h, r -> symptomIfFailed(r, "class-prior-change",
        "a label drift within the limit; the catalog's drift metrics read as feature shift, not label shift"),
        "Label Drift", "Train Test Label Drift");
    put(h, r -> symptomIfFailed(r, "prediction-distribution-shift", "a prediction drift score within the limit"),
        "Prediction Drift", "Train Test Prediction Drift");
    put(h, DeepchecksReader::newCategory, "New Category Train Test", "Category Mismatch Train Test");
    put(h, DeepchecksReader::percentOfNulls, "Percent Of Nulls");
    put(h, DeepchecksReader::mixedNulls, "Mixed Nulls");
    put(h, DeepchecksReader::trainTestPerformance, "Train Test Performance", "Performance Report");
    put(h, DeepchecksReader::weakSegments, "Weak Segments Performance");
    put(h, r -> symptomIfFailed(r, "subgroup-performance-gap", "segment scores, no failing segment"),
        "Model Error Analysis", "Segment Performance");
    put(h, DeepchecksReader::boostingOverfit, "Boosting Overfit");
    put(h, DeepchecksReader::rocReport, "Roc Report");
    put(h, DeepchecksReader::inferenceTime, "Model Inference Time");
    put(h, r -> symptomIfFailed(r, "simple-model-matches-complex",
        "the gain over a simple model is not a catalog metric"), "Simple Model Comparison");
    put(h, r -> symptomIfFailed(r, "label-errors-found", "no conflicting labels above the limit"),
        "Conflicting Labels", "Label Ambiguity");
    put(h, DeepchecksReader::featureLabelCorrelation, "Feature Label Correlation", "Single Feature Contribution");
    put(h, DeepchecksReader::featureLabelCorrelationChange, "Feature Label Correlation Change",
        "Single Feature Contribution Train Test");
    put(h, r -> symptomIfFailed(r, "high-feature-correlation", "no feature pair correlated above the limit"),
        "Feature Feature Correlation");
    put(h, r -> symptomIfFailed(r, "duplicates-across-splits", "no test rows found in train"),
        "Index Train Test Leakage", "Train Test Samples Mix");
    put(h, r -> symptomIfFailed(r, "class-prior-change", "no label value new in test"), "New Label Train Test");
    put(h, r -> symptomIfFailed(r, "feature-distribution-shift", "dominant values kept their frequency"),
        "Dominant Frequency Change");
    put(h, r -> symptomIfFailed(r, "probabilities-miscalibrated",
        "a Brier score per class, not the catalog's expected calibration error"), "Calibration Score");
    put(h, r -> textIfFailed(r, "a display with no verdict"), "Confusion Matrix Report", "Columns Info", "Model Info");
    Handler text = r -> textIfFailed(r, "no catalog metric for this check's value");
    put(h, text, "Data Duplicates", "Mixed Data Types", "String Mismatch", "String Mismatch Comparison",
        "Is Single Value", "Special Characters", "String Length Out Of Bounds", "Outlier Sample Detection",
        "Class Imbalance", "Identifier Label Correlation", "Identifier Leakage", "Datasets Size Comparison",
        "Date Train Test Leakage Duplicates", "Date Train Test Leakage Overlap", "Unused Features",
        "Regression Error Distribution", "Regression Systematic Error", "Single Dataset Performance");
    return Map.copyOf(h);
  }

  private static void put(Map<String, Handler> h, Handler handler, String... names) {
    for (String name : names) {
      h.put(key(name), handler);
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static List<Finding> featureDrift(Result r) {
    JsonNode value = r.value();
    if (value == null || !value.isObject() || value.isEmpty()) {
      return symptomIfFailed(r, "feature-distribution-shift", "no drift scores");
    }
    String conditionName = r.conditionName();
    Double categorical = number(CATEGORICAL_LIMIT, conditionName);
    Double numerical = number(NUMERICAL_LIMIT, conditionName);
    List<Column> columns = new ArrayList<>();
    List<Finding> skipped = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : fields(value)) {
      JsonNode column = e.getValue();
      Double score = numberOf(column.get("Drift score"));
      if (score == null || score < 0) {
        skipped.add(Finding.notASignal(Format.DEEPCHECKS, r.name(), e.getKey(), "no drift score (too few samples)"));
        continue;
      }
      String method = column.path("Method").asText("");
      String metric = switch (method.toLowerCase(Locale.ROOT)) {
        case "psi" -> "psi";
        case "kolmogorov-smirnov" -> "ks-statistic";
        default -> "drift-distance"; // Earth Mover's Distance (range-normalised), Cramer's V and others
      };
      boolean isCategorical = method.equalsIgnoreCase("psi") || method.toLowerCase(Locale.ROOT).startsWith("cramer");
      Double limit = isCategorical ? categorical : numerical;
      columns.add(new Column(e.getKey(), metric, score, limit,
          method + " " + fmt(score) + (limit == null ? "" : " (limit " + fmt(limit) + ")")));
    }
    List<Finding> out = new ArrayList<>(columns(r, columns));
    out.addAll(skipped);
    return out;
  }

  private static List<Finding> multivariateDrift(Result r) {
    Double score = numberOf(r.value() == null ? null : r.value().get("domain_classifier_drift_score"));
    if (score == null || score < 0) {
      return symptomIfFailed(r, "feature-distribution-shift", "no drift score");
    }
    Double limit = number(LIMIT_BELOW, r.conditionName());
    Observation o = Observation.of("drift-distance", score).source("Deepchecks " + r.name());
    String top = "";
    JsonNode importance = r.value().get("domain_classifier_feature_importance");
    if (importance != null && importance.isObject()) {
      double best = -1;
      for (Map.Entry<String, JsonNode> e : fields(importance)) {
        if (e.getValue().isNumber() && e.getValue().doubleValue() > best) {
          best = e.getValue().doubleValue();
          top = "; most explaining feature " + e.getKey() + " (" + fmt(best) + ")";
        }
      }
    }
    Double auc = numberOf(r.value().get("domain_classifier_auc"));
    return List.of(Finding.measured(Format.DEEPCHECKS, r.name(), limit == null ? o : o.threshold(limit),
        "domain classifier drift score " + fmt(score) + (auc == null ? "" : " (AUC " + fmt(auc) + ")")
            + (limit == null ? "" : ", limit " + fmt(limit)) + top));
  }

  private static List<Finding> newCategory(Result r) {
    JsonNode value = r.value();
    JsonNode categories = value == null ? null : value.get("new_categories");
    Double rows = numberOf(value == null ? null : value.get("test_count"));
    if (categories == null || !categories.isObject() || rows == null || rows <= 0) {
      return symptomIfFailed(r, "schema-change", "no new categories");
    }
    Condition ratio = r.condition("ratio");
    Double limit = ratio == null ? null : limit(ratio.name());
    List<Column> columns = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : fields(categories)) {
      double count = 0;
      for (Map.Entry<String, JsonNode> category : fields(e.getValue())) {
        Double c = numberOf(category.getValue());
        count += c == null ? 0 : c;
      }
      columns.add(new Column(e.getKey(), "new-category-rate", Math.min(1, count / rows), limit, count == 0
          ? "no category unseen in train"
          : fmt(count) + " of " + fmt(rows) + " test rows have a category unseen in train ("
              + String.join(", ", names(e.getValue(), 5)) + ")"));
    }
    return withUnexplainedFailure(r, columns(r, columns));
  }

  private static List<Finding> percentOfNulls(Result r) {
    JsonNode value = r.value();
    if (value == null || !value.isObject()) {
      return textIfFailed(r, "no null shares");
    }
    Double limit = limit(r.conditionName());
    List<Column> columns = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : fields(value)) {
      Double share = numberOf(e.getValue());
      if (share != null && share >= 0) {
        columns.add(new Column(e.getKey(), "missing-rate", Math.min(1, share), limit, fmt(share * 100) + "% null"));
      }
    }
    return withUnexplainedFailure(r, columns(r, columns));
  }

  /**
   * Mixed Nulls counts the kinds of null in each column; its shares are per kind and its condition is about the
   * number of kinds, so the shares stay in the detail and Percent Of Nulls is the check whose rates are measured.
   */
  private static List<Finding> mixedNulls(Result r) {
    List<String> columns = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : fields(r.value())) {
      List<String> kinds = new ArrayList<>();
      for (Map.Entry<String, JsonNode> kind : fields(e.getValue())) {
        Double p = numberOf(kind.getValue().get("percent"));
        if (p != null) {
          kinds.add("'" + kind.getKey() + "' " + fmt(p * 100) + "%");
        }
      }
      if (!kinds.isEmpty()) {
        columns.add(e.getKey() + " (" + String.join(", ", kinds) + ")");
      }
    }
    String nulls = columns.isEmpty() ? "no nulls" : "nulls: " + String.join("; ", columns);
    return textIfFailed(r, nulls);
  }

  private static List<Finding> trainTestPerformance(Result r) {
    Map<String, double[]> scores = new LinkedHashMap<>();
    JsonNode value = r.value();
    if (value != null && value.isArray()) {
      for (JsonNode row : value) {
        String dataset = row.path("Dataset").asText("");
        Double score = numberOf(row.get("Value"));
        if (score == null || !row.hasNonNull("Metric")) {
          continue;
        }
        JsonNode cls = row.hasNonNull("Class Name") ? row.get("Class Name") : row.get("Class");
        String key = row.get("Metric").asText() + (cls == null || cls.isNull() ? "" : "\u0000" + cls.asText());
        double[] pair = scores.computeIfAbsent(key, k -> new double[] {Double.NaN, Double.NaN});
        if (dataset.equalsIgnoreCase("Train")) {
          pair[0] = score;
        } else if (dataset.equalsIgnoreCase("Test")) {
          pair[1] = score;
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    String worst = null;
    double worstRatio = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, double[]> e : scores.entrySet()) {
      double train = e.getValue()[0];
      double test = e.getValue()[1];
      if (train > 0 && train <= 1 && test >= 0 && test <= 1 && (train - test) / train > worstRatio) {
        worstRatio = (train - test) / train;
        worst = e.getKey();
      }
    }
    Condition degradation = r.condition("degradation");
    if (worst != null) {
      double train = scores.get(worst)[0];
      double test = scores.get(worst)[1];
      String[] parts = worst.split("\u0000");
      Double relative = degradation == null ? null : number(LIMIT_BELOW, degradation.name());
      out.add(measured(r, "train-test-gap", train - test, parts.length > 1 ? "class " + parts[1] : null,
          relative == null ? null : relative * train,
          parts[0] + " train " + fmt(train) + ", test " + fmt(test)));
    } else if (degradation != null && degradation.failed()) {
      out.add(Finding.symptom(Format.DEEPCHECKS, r.name(), null, "train-test-gap", degradation.line()));
    }
    for (Condition c : r.conditions()) {
      if (!c.failed() || c == degradation) {
        continue;
      }
      if (c.name().toLowerCase(Locale.ROOT).contains("between labels")) {
        out.add(Finding.symptom(Format.DEEPCHECKS, r.name(), null, "rare-class-missed", c.line()));
      } else {
        out.add(text(r, c));
      }
    }
    if (out.isEmpty()) {
      out.add(Finding.notASignal(Format.DEEPCHECKS, r.name(), null, r.verdict()));
    }
    return out;
  }

  private static List<Finding> weakSegments(Result r) {
    Condition c = r.condition("segment");
    if (c != null) {
      Matcher m = SEGMENT.matcher(c.details());
      if (m.find()) {
        double weakest = Double.parseDouble(m.group(1));
        // The details round to three digits; the value keeps the average's.
        Double exact = numberOf(r.value() == null ? null : r.value().get("avg_score"));
        double average = exact != null ? exact : Double.parseDouble(m.group(2));
        if (weakest >= 0 && average > 0 && average <= 1) {
          Double ratio = number(SEGMENT_RATIO, c.name());
          return List.of(measured(r, "slice-gap", Math.min(1, average - weakest), null,
              ratio == null ? null : (1 - ratio / 100) * average, c.details()));
        }
      }
    }
    return symptomIfFailed(r, "subgroup-performance-gap", "no segment far below the average");
  }

  private static List<Finding> boostingOverfit(Result r) {
    List<Finding> out = new ArrayList<>();
    JsonNode value = r.value();
    if (value != null && value.path("train").isArray() && value.path("test").isArray()
        && !value.get("train").isEmpty() && !value.get("test").isEmpty()) {
      Double train = numberOf(value.get("train").get(value.get("train").size() - 1));
      Double test = numberOf(value.get("test").get(value.get("test").size() - 1));
      if (train != null && test != null && train >= 0 && train <= 1 && test >= 0 && test <= 1) {
        out.add(measured(r, "train-test-gap", train - test, null, null,
            "at the last iteration: train " + fmt(train) + ", test " + fmt(test)));
      }
    }
    if (r.failed()) {
      out.add(Finding.symptom(Format.DEEPCHECKS, r.name(), null, "trained-past-best-epoch", r.failures()));
    } else if (out.isEmpty()) {
      out.add(Finding.notASignal(Format.DEEPCHECKS, r.name(), null, r.verdict()));
    }
    return out;
  }

  private static List<Finding> rocReport(Result r) {
    List<Column> classes = new ArrayList<>();
    JsonNode value = r.value();
    for (Map.Entry<String, JsonNode> e : fields(value)) {
      Double auc = numberOf(e.getValue());
      if (auc != null && auc <= 1) {
        classes.add(new Column("class " + e.getKey(), "score", auc, null, "AUC " + fmt(auc)));
      }
    }
    return withUnexplainedFailure(r, columns(r, classes));
  }

  private static List<Finding> inferenceTime(Result r) {
    Double seconds = numberOf(r.value());
    if (seconds == null || seconds < 0) {
      return textIfFailed(r, "no inference time");
    }
    Double limit = number(LIMIT_BELOW, r.conditionName());
    return List.of(measured(r, "latency-ms", seconds * 1000, null, limit == null ? null : limit * 1000,
        "average inference time " + fmt(seconds) + " s per sample"));
  }

  private static List<Finding> featureLabelCorrelation(Result r) {
    if (!r.failed()) {
      return List.of(Finding.notASignal(Format.DEEPCHECKS, r.name(), null,
          "predictive power scores are not a catalog metric; " + r.verdict()));
    }
    return dominance(r, r.failedConditions(), r.value());
  }

  private static List<Finding> featureLabelCorrelationChange(Result r) {
    List<Finding> out = new ArrayList<>();
    for (Condition c : r.failedConditions()) {
      if (c.name().toLowerCase(Locale.ROOT).contains("difference")) {
        out.add(text(r, c));
      } else {
        out.addAll(dominance(r, List.of(c), r.value() == null ? null : r.value().get("train")));
      }
    }
    if (out.isEmpty()) {
      out.add(Finding.notASignal(Format.DEEPCHECKS, r.name(), null,
          "predictive power scores are not a catalog metric; " + r.verdict()));
    }
    return out;
  }

  /** Returns one {@code single-feature-dominance} per feature whose PPS reached the failed condition's limit. */
  private static List<Finding> dominance(Result r, List<Condition> failed, JsonNode pps) {
    List<Finding> out = new ArrayList<>();
    for (Condition c : failed) {
      Map<String, Double> over = new LinkedHashMap<>();
      Matcher m = QUOTED_ENTRY.matcher(c.details());
      while (m.find()) {
        over.put(m.group(1), Double.parseDouble(m.group(2)));
      }
      Double limit = number(LIMIT_BELOW, c.name());
      if (over.isEmpty() && pps != null && pps.isObject() && limit != null) {
        for (Map.Entry<String, JsonNode> e : fields(pps)) {
          Double v = numberOf(e.getValue());
          if (v != null && v >= limit) {
            over.put(e.getKey(), v);
          }
        }
      }
      if (over.isEmpty()) {
        out.add(Finding.symptom(Format.DEEPCHECKS, r.name(), null, "single-feature-dominance", c.line()));
      }
      over.forEach((feature, v) -> out.add(Finding.symptom(Format.DEEPCHECKS, r.name(), feature,
          "single-feature-dominance", "predictive power score " + fmt(v) + " alone; " + c.line())));
    }
    return out;
  }

  /** Returns per-column values as findings: every column is measured, within the tool's limit or over it. */
  private static List<Finding> columns(Result r, List<Column> columns) {
    List<Finding> out = new ArrayList<>();
    for (Column c : columns) {
      out.add(measured(r, c.metric(), c.value(), c.name(), c.limit(), c.detail()));
    }
    return out;
  }

  /** One column's (or class's) value of a metric, with the tool's limit when it set one. */
  private record Column(String name, String metric, double value, Double limit, String detail) {}

  // ---- shared readings ---------------------------------------------------------------------------------------------

  /** A failed check as its symptom; otherwise no failure signal, saying why. */
  private static List<Finding> symptomIfFailed(Result r, String symptom, String passedReason) {
    if (r.failed()) {
      return List.of(Finding.symptom(Format.DEEPCHECKS, r.name(), null, symptom, r.failures()));
    }
    return List.of(Finding.notASignal(Format.DEEPCHECKS, r.name(), null, passedReason + "; " + r.verdict()));
  }

  /** A failed check as text to read; otherwise no failure signal, saying why. */
  private static List<Finding> textIfFailed(Result r, String passedReason) {
    if (r.failed()) {
      return List.of(text(r));
    }
    return List.of(Finding.notASignal(Format.DEEPCHECKS, r.name(), null, passedReason + "; " + r.verdict()));
  }

  /** Adds the failure as text when no measured value carries the condition that failed. */
  private static List<Finding> withUnexplainedFailure(Result r, List<Finding> measured) {
    List<Finding> out = new ArrayList<>(measured);
    boolean carried = measured.stream()
        .anyMatch(f -> f.observation().map(o -> o.threshold().isPresent()).orElse(false));
    if (r.failed() && !carried) {
      out.add(text(r));
    }
    if (out.isEmpty()) {
      out.add(Finding.notASignal(Format.DEEPCHECKS, r.name(), null, r.verdict()));
    }
    return out;
  }

  /**
   * Returns a failed check as text: its header, its summary and what its failed conditions found. The conditions'
   * names state the requirement ("No new variants allowed", "not greater than 5%") and would read as denials, so only
   * their details are read, the name standing in when a condition gave none.
   */
  private static Finding text(Result r) {
    return text(r, r.failedConditions(), r.failures());
  }

  private static Finding text(Result r, Condition c) {
    return text(r, List.of(c), c.status() + " " + c.line());
  }

  private static Finding text(Result r, List<Condition> failed, String detail) {
    StringBuilder t = new StringBuilder(r.header()).append(" failed.");
    if (!r.summary().isEmpty()) {
      t.append(' ').append(r.summary()).append(r.summary().endsWith(".") ? "" : ".");
    }
    for (Condition c : failed) {
      t.append(' ').append(c.details().isEmpty() ? c.name() : c.details());
    }
    return Finding.text(Format.DEEPCHECKS, r.name(), null, t.toString(), detail);
  }

  private static Finding measured(Result r, String metric, double value, String feature, Double threshold,
      String detail) {
    Observation o = Observation.of(metric, value).source("Deepchecks " + r.name());
    if (feature != null) {
      o = o.feature(feature);
    }
    if (threshold != null) {
      o = o.threshold(threshold);
    }
    return Finding.measured(Format.DEEPCHECKS, r.name(), o, detail);
  }

  /** Returns a condition's limit: the number after "less than" and the like, a percentage as a fraction. */
  private static Double limit(String conditionName) {
    Matcher m = LIMIT_BELOW.matcher(conditionName);
    if (!m.find()) {
      return null;
    }
    double v = Double.parseDouble(m.group(1));
    return m.group(2).isEmpty() ? v : v / 100;
  }

  private static Double number(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : null;
  }

  /** Returns a JSON number, or a string holding one, as a double; null for anything else. */
  private static Double numberOf(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return Double.isFinite(v.doubleValue()) ? v.doubleValue() : null;
    }
    if (v.isTextual()) {
      try {
        double d = Double.parseDouble(v.textValue().strip());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode object) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    if (object != null && object.isObject()) {
      out.addAll(object.properties());
    }
    return out;
  }

  private static List<String> names(JsonNode object, int max) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : fields(object)) {
      if (out.size() == max) {
        out.add("...");
        break;
      }
      out.add(e.getKey());
    }
    return out;
  }

  private static String clean(String html) {
    return oneLine(TAG.matcher(html).replaceAll(" ").replace("Read More...", ""));
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** Returns a number as the library prints it: up to four decimals, no trailing zeros. */
  private static String fmt(double v) {
    if (v != 0 && (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e9)) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** One condition's result. */
  private record Condition(String status, String name, String details) {
    boolean failed() {
      return status.equals("FAIL") || status.equals("WARN");
    }

    String line() {
      return name + (details.isEmpty() ? "" : ": " + details);
    }
  }

  /** One check's result, its value parsed. */
  private record Result(String name, String header, String summary, JsonNode value, List<Condition> conditions) {
    boolean failed() {
      return conditions.stream().anyMatch(Condition::failed);
    }

    List<Condition> failedConditions() {
      return conditions.stream().filter(Condition::failed).toList();
    }

    /** Returns the failed conditions, in a line. */
    String failures() {
      return String.join("; ", failedConditions().stream().map(c -> c.status() + " " + c.line()).toList());
    }

    /** Returns the names of every condition, joined, to read limits from. */
    String conditionName() {
      return String.join("; ", conditions.stream().map(Condition::name).toList());
    }

    /** Returns the first condition whose name contains the word, or null. */
    Condition condition(String word) {
      for (Condition c : conditions) {
        if (c.name().toLowerCase(Locale.ROOT).contains(word)) {
          return c;
        }
      }
      return null;
    }

    /** Returns what the conditions said, for a check with no failure signal. */
    String verdict() {
      if (conditions.isEmpty()) {
        return "no condition was set";
      }
      if (conditions.stream().allMatch(c -> c.status().equals("ERROR"))) {
        return "the conditions could not be evaluated: "
            + String.join("; ", conditions.stream().map(Condition::line).toList());
      }
      return (failed() ? "failed: " : "passed: ")
          + String.join("; ", conditions.stream().map(c -> c.status() + " " + c.line()).toList());
    }
  }
}
