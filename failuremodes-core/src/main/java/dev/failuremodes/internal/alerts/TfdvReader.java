package dev.failuremodes.internal.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.alerts.Finding;
import dev.failuremodes.alerts.Format;
import dev.failuremodes.signals.Observation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TensorFlow Data Validation anomalies: the {@code tensorflow.metadata.v0.Anomalies} protocol buffer in its JSON
 * form, as {@code json_format.MessageToJson} writes it (lowerCamelCase field names such as {@code anomalyInfo}, or
 * the proto's own snake_case names when written with {@code preserving_proto_field_name}). Each reason of each
 * feature's {@code anomalyInfo} (and of {@code datasetAnomalyInfo}) becomes one finding, named by its
 * {@code AnomalyInfo.Type}; each measurement of {@code driftSkewInfo} that no anomaly already reported becomes a
 * measured value, a passing one included; {@code dataMissing} (the dataset had no examples) becomes stale data.
 *
 * <p>Every value of the {@code AnomalyInfo.Type} enum of {@code anomalies.proto}, and the two the anomalies reference
 * adds ({@code BOOL_TYPE_INVALID_CONFIG}, {@code COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH}), maps as follows;
 * a type not listed (a newer TFDV), or given as a number, is an unknown finding.
 *
 * <table>
 * <caption>AnomalyInfo.Type → finding</caption>
 * <tr><th>Type</th><th>Kind</th><th>Symptom or metric</th></tr>
 * <tr><td>COMPARATOR_L_INFTY_HIGH, COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH,
 *     COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH</td><td>MEASURED</td><td>drift-distance, with TFDV's threshold
 *     (from {@code driftSkewInfo}, else from the description; a symptom feature-distribution-shift when neither gives
 *     the numbers). Skew (training against serving) and drift (current against previous span) alike: both say the
 *     feature no longer matches its reference distribution</td></tr>
 * <tr><td>ENUM_TYPE_UNEXPECTED_STRING_VALUES</td><td>MEASURED</td><td>new-category-rate: the sum of the listed
 *     values' shares (TFDV rounds each down to a whole percent; "&lt;1%" counts as 0.5%); a symptom schema-change
 *     when a share is unknown</td></tr>
 * <tr><td>SCHEMA_NEW_COLUMN, SCHEMA_MISSING_COLUMN, COMPARATOR_CONTROL_DATA_MISSING,
 *     COMPARATOR_TREATMENT_DATA_MISSING, UNEXPECTED_DATA_TYPE, DOMAIN_INVALID_FOR_TYPE, STRING_TYPE_NOW_FLOAT,
 *     STRING_TYPE_NOW_INT, every BOOL_TYPE_* but INVALID_CONFIG, ENUM_TYPE_BYTES_NOT_STRING,
 *     ENUM_TYPE_FLOAT_NOT_STRING, ENUM_TYPE_INT_NOT_STRING, ENUM_TYPE_INVALID_UTF8, FLOAT_TYPE_NOT_FLOAT,
 *     FLOAT_TYPE_STRING_NOT_FLOAT, FLOAT_TYPE_NON_STRING, FLOAT_TYPE_UNKNOWN_TYPE_NUMBER, INT_TYPE_INT_EXPECTED,
 *     INT_TYPE_NOT_INT_STRING, INT_TYPE_NOT_STRING, INT_TYPE_STRING_EXPECTED, INT_TYPE_UNKNOWN_TYPE_NUMBER,
 *     FEATURE_TYPE_HIGH_NUMBER_VALUES, FEATURE_TYPE_UNEXPECTED_REPEATED, FEATURE_TYPE_HIGH_UNIQUE,
 *     FEATURE_TYPE_NO_UNIQUE, VALUE_NESTEDNESS_MISMATCH, INVALID_FEATURE_SHAPE, EMBEDDING_SHAPE_INVALID,
 *     SPARSE_FEATURE_LENGTH_MISMATCH, WEIGHTED_FEATURE_LENGTH_MISMATCH, LOW_SUPPORTED_IMAGE_FRACTION</td>
 *     <td>SYMPTOM</td><td>schema-change: a column appeared or vanished, or its type, encoding, shape or set of
 *     values changed</td></tr>
 * <tr><td>FEATURE_TYPE_LOW_FRACTION_PRESENT, FEATURE_TYPE_LOW_NUMBER_PRESENT, FEATURE_TYPE_LOW_NUMBER_VALUES,
 *     FEATURE_TYPE_NOT_PRESENT, FEATURE_TYPE_NO_VALUES, FLOAT_TYPE_HAS_NAN, SPARSE_FEATURE_MISSING_VALUE,
 *     SPARSE_FEATURE_MISSING_INDEX, WEIGHTED_FEATURE_MISSING_VALUE, WEIGHTED_FEATURE_MISSING_WEIGHT</td>
 *     <td>SYMPTOM</td><td>null-rate-spike: the feature is missing more often than the schema (inferred from the
 *     reference data) allows</td></tr>
 * <tr><td>FLOAT_TYPE_BIG_FLOAT, FLOAT_TYPE_SMALL_FLOAT, INT_TYPE_BIG_INT, INT_TYPE_SMALL_INT, FLOAT_TYPE_HAS_INF,
 *     MAX_IMAGE_BYTE_SIZE_EXCEEDED</td><td>SYMPTOM</td><td>unit-or-scale-change: values outside the schema's
 *     range</td></tr>
 * <tr><td>FEATURE_TYPE_LOW_UNIQUE, SEQUENCE_VALUE_TOO_FEW_OCCURRENCES, SEQUENCE_VALUE_TOO_MANY_OCCURRENCES,
 *     SEQUENCE_VALUE_TOO_SMALL_FRACTION, SEQUENCE_VALUE_TOO_LARGE_FRACTION, FEATURE_COVERAGE_TOO_LOW,
 *     FEATURE_COVERAGE_TOO_SHORT_AVG_TOKEN_LENGTH, NLP_WRONG_LOCATION</td><td>SYMPTOM</td>
 *     <td>feature-distribution-shift</td></tr>
 * <tr><td>NO_DATA_IN_SPAN, DATASET_LOW_NUM_EXAMPLES, COMPARATOR_LOW_NUM_EXAMPLES, and {@code dataMissing}</td>
 *     <td>SYMPTOM</td><td>stale-data: the data arrived only in part, or not at all</td></tr>
 * <tr><td>DATASET_HIGH_NUM_EXAMPLES, COMPARATOR_HIGH_NUM_EXAMPLES</td><td>SYMPTOM</td><td>traffic-mix-change</td></tr>
 * <tr><td>SCHEMA_TRAINING_SERVING_SKEW</td><td>SYMPTOM</td><td>feature-values-differ-serving</td></tr>
 * <tr><td>CUSTOM_VALIDATION</td><td>TEXT</td><td>the user's condition, as the description gives it</td></tr>
 * <tr><td>FEATURE_MISSING_NAME, FEATURE_MISSING_TYPE, INVALID_SCHEMA_SPECIFICATION, INVALID_DOMAIN_SPECIFICATION,
 *     BOOL_TYPE_INVALID_CONFIG, SPARSE_FEATURE_NAME_COLLISION, WEIGHTED_FEATURE_NAME_COLLISION,
 *     DERIVED_FEATURE_BAD_LIFECYCLE, DERIVED_FEATURE_INVALID_SOURCE</td><td>NOT_A_SIGNAL</td><td>the schema itself
 *     is malformed: fix the schema; nothing is said about the data</td></tr>
 * <tr><td>SEMANTIC_DOMAIN_UPDATE</td><td>NOT_A_SIGNAL</td><td>TFDV proposes a semantic domain for the schema</td></tr>
 * <tr><td>STATS_NOT_AVAILABLE</td><td>NOT_A_SIGNAL</td><td>the constraint could not be checked</td></tr>
 * <tr><td>MULTIPLE_REASONS</td><td>NOT_A_SIGNAL</td><td>a summary: each reason is read on its own</td></tr>
 * <tr><td>UNKNOWN_TYPE, a missing type, a type not in this table</td><td>UNKNOWN</td><td></td></tr>
 * <tr><td>{@code driftSkewInfo} measurement L_INFTY, JENSEN_SHANNON_DIVERGENCE or NORMALIZED_ABSOLUTE_DIFFERENCE
 *     (one no anomaly reported)</td><td>MEASURED</td><td>drift-distance with TFDV's threshold, a value within it
 *     included (a healthy value)</td></tr>
 * <tr><td>{@code driftSkewInfo} measurement of another type</td><td>UNKNOWN</td><td></td></tr>
 * </table>
 *
 * <p>An anomaly with no reasons (older TFDV) is read as text from its descriptions. An anomalies file with no anomaly
 * at all yields one no-signal finding saying so. Every measurement is reported, a stable feature's as well as a
 * shifted one's: the diagnosis, not the reader, judges what a healthy value says (a stable feature is no evidence
 * against a shift measured on another).
 */
final class TfdvReader implements ReportReader {
  /** The Anomalies message's fields, in JSON (lowerCamelCase) and proto (snake_case) spelling. */
  private static final Set<String> TOP_LEVEL = Set.of("baseline", "baselineV1", "baseline_v1", "anomalyNameFormat",
      "anomaly_name_format", "anomalyInfo", "anomaly_info", "datasetAnomalyInfo", "dataset_anomaly_info",
      "dataMissing", "data_missing", "driftSkewInfo", "drift_skew_info");
  private static final String SCHEMA = "schema-change";
  private static final String NULLS = "null-rate-spike";
  private static final String SCALE = "unit-or-scale-change";
  private static final String SHIFT = "feature-distribution-shift";
  private static final String STALE = "stale-data";
  private static final String SCHEMA_ONLY = "the schema itself is malformed; fix the schema (nothing is said about"
      + " the data)";
  private static final Map<String, Rule> RULES = rules();
  private static final Set<String> MEASUREMENT_TYPES =
      Set.of("L_INFTY", "JENSEN_SHANNON_DIVERGENCE", "NORMALIZED_ABSOLUTE_DIFFERENCE");
  private static final String NUMBER = "-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?";
  /** "... is 0.0342 (up to six significant digits), above the threshold 0.03" in a comparator's description. */
  private static final Pattern VALUE_AND_THRESHOLD = Pattern.compile(
      "\\bis (" + NUMBER + ")\\b.*?above the threshold (" + NUMBER + ")");
  /** "value (~12%)", "value (<1%)" or "value (?)" in ENUM_TYPE_UNEXPECTED_STRING_VALUES's description. */
  private static final Pattern SHARE = Pattern.compile("\\((~[0-9]+%|<1%|\\?)\\)");

  private enum Kind { SYMPTOM, DISTANCE, NEW_VALUES, TEXT, NOT_A_SIGNAL, UNKNOWN }

  private record Rule(Kind kind, String target) {}

  private static Map<String, Rule> rules() {
    Map<String, Rule> r = new LinkedHashMap<>();
    for (String t : List.of("BOOL_TYPE_BIG_INT", "BOOL_TYPE_BYTES_NOT_INT", "BOOL_TYPE_BYTES_NOT_STRING",
        "BOOL_TYPE_FLOAT_NOT_INT", "BOOL_TYPE_FLOAT_NOT_STRING", "BOOL_TYPE_INT_NOT_STRING", "BOOL_TYPE_SMALL_INT",
        "BOOL_TYPE_STRING_NOT_INT", "BOOL_TYPE_UNEXPECTED_STRING", "BOOL_TYPE_UNEXPECTED_FLOAT",
        "ENUM_TYPE_BYTES_NOT_STRING", "ENUM_TYPE_FLOAT_NOT_STRING", "ENUM_TYPE_INT_NOT_STRING",
        "ENUM_TYPE_INVALID_UTF8", "FEATURE_TYPE_HIGH_NUMBER_VALUES", "FEATURE_TYPE_UNEXPECTED_REPEATED",
        "FEATURE_TYPE_HIGH_UNIQUE", "FEATURE_TYPE_NO_UNIQUE", "FLOAT_TYPE_NOT_FLOAT", "FLOAT_TYPE_STRING_NOT_FLOAT",
        "FLOAT_TYPE_NON_STRING", "FLOAT_TYPE_UNKNOWN_TYPE_NUMBER", "INT_TYPE_INT_EXPECTED", "INT_TYPE_NOT_INT_STRING",
        "INT_TYPE_NOT_STRING", "INT_TYPE_STRING_EXPECTED", "INT_TYPE_UNKNOWN_TYPE_NUMBER",
        "LOW_SUPPORTED_IMAGE_FRACTION", "SCHEMA_MISSING_COLUMN", "SCHEMA_NEW_COLUMN", "STRING_TYPE_NOW_FLOAT",
        "STRING_TYPE_NOW_INT", "COMPARATOR_CONTROL_DATA_MISSING", "COMPARATOR_TREATMENT_DATA_MISSING",
        "SPARSE_FEATURE_LENGTH_MISMATCH", "WEIGHTED_FEATURE_LENGTH_MISMATCH", "VALUE_NESTEDNESS_MISMATCH",
        "DOMAIN_INVALID_FOR_TYPE", "UNEXPECTED_DATA_TYPE", "EMBEDDING_SHAPE_INVALID", "INVALID_FEATURE_SHAPE")) {
      r.put(t, new Rule(Kind.SYMPTOM, SCHEMA));
    }
    for (String t : List.of("FEATURE_TYPE_LOW_FRACTION_PRESENT", "FEATURE_TYPE_LOW_NUMBER_PRESENT",
        "FEATURE_TYPE_LOW_NUMBER_VALUES", "FEATURE_TYPE_NOT_PRESENT", "FEATURE_TYPE_NO_VALUES", "FLOAT_TYPE_HAS_NAN",
        "SPARSE_FEATURE_MISSING_VALUE", "SPARSE_FEATURE_MISSING_INDEX", "WEIGHTED_FEATURE_MISSING_VALUE",
        "WEIGHTED_FEATURE_MISSING_WEIGHT")) {
      r.put(t, new Rule(Kind.SYMPTOM, NULLS));
    }
    for (String t : List.of("FLOAT_TYPE_BIG_FLOAT", "FLOAT_TYPE_SMALL_FLOAT", "INT_TYPE_BIG_INT", "INT_TYPE_SMALL_INT",
        "FLOAT_TYPE_HAS_INF", "MAX_IMAGE_BYTE_SIZE_EXCEEDED")) {
      r.put(t, new Rule(Kind.SYMPTOM, SCALE));
    }
    for (String t : List.of("FEATURE_TYPE_LOW_UNIQUE", "SEQUENCE_VALUE_TOO_FEW_OCCURRENCES",
        "SEQUENCE_VALUE_TOO_MANY_OCCURRENCES", "SEQUENCE_VALUE_TOO_SMALL_FRACTION",
        "SEQUENCE_VALUE_TOO_LARGE_FRACTION", "FEATURE_COVERAGE_TOO_LOW", "FEATURE_COVERAGE_TOO_SHORT_AVG_TOKEN_LENGTH",
        "NLP_WRONG_LOCATION")) {
      r.put(t, new Rule(Kind.SYMPTOM, SHIFT));
    }
    for (String t : List.of("NO_DATA_IN_SPAN", "DATASET_LOW_NUM_EXAMPLES", "COMPARATOR_LOW_NUM_EXAMPLES")) {
      r.put(t, new Rule(Kind.SYMPTOM, STALE));
    }
    for (String t : List.of("DATASET_HIGH_NUM_EXAMPLES", "COMPARATOR_HIGH_NUM_EXAMPLES")) {
      r.put(t, new Rule(Kind.SYMPTOM, "traffic-mix-change"));
    }
    r.put("SCHEMA_TRAINING_SERVING_SKEW", new Rule(Kind.SYMPTOM, "feature-values-differ-serving"));
    r.put("COMPARATOR_L_INFTY_HIGH", new Rule(Kind.DISTANCE, "L_INFTY"));
    r.put("COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH", new Rule(Kind.DISTANCE, "JENSEN_SHANNON_DIVERGENCE"));
    r.put("COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH", new Rule(Kind.DISTANCE, "NORMALIZED_ABSOLUTE_DIFFERENCE"));
    r.put("ENUM_TYPE_UNEXPECTED_STRING_VALUES", new Rule(Kind.NEW_VALUES, "new-category-rate"));
    r.put("CUSTOM_VALIDATION", new Rule(Kind.TEXT, null));
    for (String t : List.of("FEATURE_MISSING_NAME", "FEATURE_MISSING_TYPE", "INVALID_SCHEMA_SPECIFICATION",
        "INVALID_DOMAIN_SPECIFICATION", "BOOL_TYPE_INVALID_CONFIG", "SPARSE_FEATURE_NAME_COLLISION",
        "WEIGHTED_FEATURE_NAME_COLLISION", "DERIVED_FEATURE_BAD_LIFECYCLE", "DERIVED_FEATURE_INVALID_SOURCE")) {
      r.put(t, new Rule(Kind.NOT_A_SIGNAL, SCHEMA_ONLY));
    }
    r.put("SEMANTIC_DOMAIN_UPDATE", new Rule(Kind.NOT_A_SIGNAL,
        "TFDV proposes a semantic domain for the schema; nothing is said about a failure"));
    r.put("STATS_NOT_AVAILABLE", new Rule(Kind.NOT_A_SIGNAL,
        "the constraint could not be checked because the statistics it needs were not computed; enable them"));
    r.put("MULTIPLE_REASONS", new Rule(Kind.NOT_A_SIGNAL, "a summary of several reasons, each read on its own"));
    r.put("UNKNOWN_TYPE", new Rule(Kind.UNKNOWN, "TFDV gave no anomaly type"));
    return Map.copyOf(r);
  }

  /** Returns the anomaly types this reader maps, for tests. */
  static Set<String> knownTypes() {
    return RULES.keySet();
  }

  @Override
  public Format format() {
    return Format.TFDV;
  }

  @Override
  public boolean accepts(JsonNode root) {
    if (!root.isObject() || root.isEmpty()) {
      return false;
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      if (!TOP_LEVEL.contains(names.next())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<Finding> read(JsonNode root, String source) {
    Nodes n = new Nodes(source);
    if (!root.isObject()) {
      throw n.unexpected("$", "a TFDV Anomalies object (with \"anomalyInfo\")", root);
    }
    List<Measurement> measurements = measurements(n, root);
    Set<Integer> used = new HashSet<>();
    List<Finding> out = new ArrayList<>();
    String infoName = name(root, "anomalyInfo", "anomaly_info");
    JsonNode info = root.get(infoName);
    if (info != null && !info.isNull()) {
      if (!info.isObject()) {
        throw n.unexpected("$." + infoName, "an object mapping each feature path to its AnomalyInfo", info);
      }
      for (Map.Entry<String, JsonNode> e : info.properties()) {
        anomaly(n, "$." + infoName + "['" + e.getKey() + "']", e.getKey(), e.getValue(), measurements, used, out);
      }
    }
    String datasetName = name(root, "datasetAnomalyInfo", "dataset_anomaly_info");
    JsonNode dataset = root.get(datasetName);
    if (dataset != null && !dataset.isNull()) {
      anomaly(n, "$." + datasetName, null, dataset, measurements, used, out);
    }
    String missingName = name(root, "dataMissing", "data_missing");
    JsonNode missing = root.get(missingName);
    if (missing != null && !missing.isNull()) {
      if (!missing.isBoolean()) {
        throw n.unexpected("$." + missingName, "a boolean", missing);
      }
      if (missing.booleanValue()) {
        out.add(Finding.symptom(Format.TFDV, "dataMissing", null, STALE,
            "the dataset has no examples: no data arrived"));
      }
    }
    for (int i = 0; i < measurements.size(); i++) {
      Measurement m = measurements.get(i);
      String check = m.comparator() + "Measurements " + m.type();
      if (used.contains(i)) {
        continue;
      } else if (MEASUREMENT_TYPES.contains(m.type())) {
        out.add(measured(m, check, m.describe()));
      } else {
        out.add(Finding.unknown(Format.TFDV, check, m.feature(), m.describe()));
      }
    }
    if (out.isEmpty()) {
      out.add(Finding.notASignal(Format.TFDV, "anomalyInfo", null,
          "no anomalies: the statistics matched the schema"));
    }
    return out;
  }

  private static void anomaly(Nodes n, String path, String feature, JsonNode anomaly,
      List<Measurement> measurements, Set<Integer> used, List<Finding> out) {
    if (!anomaly.isObject()) {
      throw n.unexpected(path, "an AnomalyInfo object", anomaly);
    }
    String severity = n.optionalText(anomaly, path, "severity");
    String shortDescription = n.optionalText(anomaly, path, name(anomaly, "shortDescription", "short_description"));
    String description = n.optionalText(anomaly, path, "description");
    String prefix = severity == null ? "" : severity + ": ";
    List<JsonNode> reasons = n.optionalArray(anomaly, path, "reason");
    if (reasons.isEmpty()) {
      String text = join(shortDescription, description);
      if (text.isEmpty()) {
        out.add(Finding.unknown(Format.TFDV, "anomalyInfo", feature, prefix + "an anomaly with no reason or"
            + " description"));
      } else {
        out.add(Finding.text(Format.TFDV, "anomalyInfo", feature, text, prefix + text));
      }
      return;
    }
    for (int i = 0; i < reasons.size(); i++) {
      String at = path + ".reason[" + i + "]";
      JsonNode reason = reasons.get(i);
      if (!reason.isObject()) {
        throw n.unexpected(at, "a reason object with a \"type\"", reason);
      }
      JsonNode typeNode = reason.get("type");
      String reasonShort = n.optionalText(reason, at, name(reason, "shortDescription", "short_description"));
      String reasonText = n.optionalText(reason, at, "description");
      String detail = prefix + firstNonEmpty(reasonText, reasonShort, description, shortDescription);
      if (typeNode != null && typeNode.isNumber()) {
        out.add(Finding.unknown(Format.TFDV, "type " + typeNode.asText(), feature, detail
            + " (the anomaly type is a number, not a name: written by a TFDV newer than its protocol buffers)"));
        continue;
      }
      String type = typeNode == null || typeNode.isNull() ? "UNKNOWN_TYPE" : n.text(reason, at, "type");
      Rule rule = RULES.get(type);
      if (rule == null) {
        out.add(Finding.unknown(Format.TFDV, type, feature, detail));
        continue;
      }
      Finding f = switch (rule.kind()) {
        case SYMPTOM -> Finding.symptom(Format.TFDV, type, feature, rule.target(), detail);
        case DISTANCE -> distance(type, feature, rule.target(), reasonText, detail, measurements, used);
        case NEW_VALUES -> newValues(type, feature, reasonText, detail);
        case TEXT -> Finding.text(Format.TFDV, type, feature, join(reasonShort, firstNonEmpty(reasonText,
            description)), detail);
        case NOT_A_SIGNAL -> Finding.notASignal(Format.TFDV, type, feature, detail + " (" + rule.target() + ")");
        case UNKNOWN -> Finding.unknown(Format.TFDV, type, feature, detail + " (" + rule.target() + ")");
      };
      out.add(f);
    }
  }

  /** A comparator anomaly: the value from driftSkewInfo, else from the description, else the bare symptom. */
  private static Finding distance(String type, String feature, String measurementType, String reasonText,
      String detail, List<Measurement> measurements, Set<Integer> used) {
    String text = reasonText == null ? "" : reasonText;
    boolean skew = text.contains("serving");
    boolean drift = text.contains("previous");
    for (int i = 0; i < measurements.size(); i++) {
      Measurement m = measurements.get(i);
      if (!used.contains(i) && Objects.equals(m.feature(), feature) && m.type().equals(measurementType)
          && (skew ? m.comparator().equals("skew") : !drift || m.comparator().equals("drift"))) {
        used.add(i);
        return measured(m, type, detail);
      }
    }
    Matcher matcher = VALUE_AND_THRESHOLD.matcher(text);
    if (matcher.find()) {
      try {
        double value = Double.parseDouble(matcher.group(1));
        double threshold = Double.parseDouble(matcher.group(2));
        if (value >= 0 && Double.isFinite(value) && Double.isFinite(threshold)) {
          return measured(new Measurement(feature, skew ? "skew" : "drift", measurementType, value, threshold),
              type, detail);
        }
      } catch (NumberFormatException e) {
        // a description that only looks like numbers: fall back to the symptom
      }
    }
    return Finding.symptom(Format.TFDV, type, feature, SHIFT, detail);
  }

  private static Finding measured(Measurement m, String check, String detail) {
    Observation o = Observation.of("drift-distance", m.value())
        .source("TFDV " + m.comparator() + " " + m.type().toLowerCase(Locale.ROOT).replace('_', ' '));
    if (m.threshold() != null) {
      o = o.threshold(m.threshold());
    }
    if (m.feature() != null) {
      o = o.feature(m.feature());
    }
    return Finding.measured(Format.TFDV, check, o, detail);
  }

  /** ENUM_TYPE_UNEXPECTED_STRING_VALUES: the listed values' shares, summed, as the new-category rate. */
  private static Finding newValues(String type, String feature, String reasonText, String detail) {
    Matcher m = SHARE.matcher(reasonText == null ? "" : reasonText);
    double percent = 0;
    int found = 0;
    while (m.find()) {
      String share = m.group(1);
      if (share.equals("?")) {
        found = 0;
        break;
      }
      percent += share.equals("<1%") ? 0.5 : Double.parseDouble(share.substring(1, share.length() - 1));
      found++;
    }
    if (found == 0) {
      return Finding.symptom(Format.TFDV, type, feature, SCHEMA, detail);
    }
    Observation o = Observation.of("new-category-rate", Math.min(1.0, percent / 100.0))
        .source("TFDV " + type);
    return Finding.measured(Format.TFDV, type, feature == null ? o : o.feature(feature), detail);
  }

  /** Every measurement of driftSkewInfo, in the report's order. */
  private static List<Measurement> measurements(Nodes n, JsonNode root) {
    String fieldName = name(root, "driftSkewInfo", "drift_skew_info");
    List<Measurement> out = new ArrayList<>();
    List<JsonNode> infos = n.optionalArray(root, "$", fieldName);
    for (int i = 0; i < infos.size(); i++) {
      String at = "$." + fieldName + "[" + i + "]";
      JsonNode info = infos.get(i);
      if (!info.isObject()) {
        throw n.unexpected(at, "a DriftSkewInfo object", info);
      }
      String feature = path(n, info, at);
      for (String comparator : List.of("drift", "skew")) {
        String listName = name(info, comparator + "Measurements", comparator + "_measurements");
        List<JsonNode> list = n.optionalArray(info, at, listName);
        for (int j = 0; j < list.size(); j++) {
          String mat = at + "." + listName + "[" + j + "]";
          JsonNode m = list.get(j);
          if (!m.isObject()) {
            throw n.unexpected(mat, "a measurement object with \"type\", \"value\" and \"threshold\"", m);
          }
          String type = n.optionalText(m, mat, "type");
          Double value = n.optionalNumber(m, mat, "value");
          if (value == null || !Double.isFinite(value) || value < 0) {
            throw n.unexpected(mat + ".value", "a distance: a finite number of zero or more", m.get("value"));
          }
          Double threshold = n.optionalNumber(m, mat, "threshold");
          out.add(new Measurement(feature, comparator, type == null ? "UNKNOWN" : type, value,
              threshold == null || !Double.isFinite(threshold) ? null : threshold));
        }
      }
    }
    return out;
  }

  /** A DriftSkewInfo's feature: its path's steps joined with dots, as TFDV serializes a path. */
  private static String path(Nodes n, JsonNode info, String at) {
    JsonNode path = info.get("path");
    if (path == null || path.isNull()) {
      return null;
    }
    if (!path.isObject()) {
      throw n.unexpected(at + ".path", "a Path object with \"step\"", path);
    }
    List<String> steps = new ArrayList<>();
    List<JsonNode> stepNodes = n.optionalArray(path, at + ".path", "step");
    for (int i = 0; i < stepNodes.size(); i++) {
      if (!stepNodes.get(i).isTextual()) {
        throw n.unexpected(at + ".path.step[" + i + "]", "a string", stepNodes.get(i));
      }
      steps.add(stepNodes.get(i).textValue());
    }
    return steps.isEmpty() ? null : String.join(".", steps);
  }

  private static String name(JsonNode node, String camel, String snake) {
    return !node.has(camel) && node.has(snake) ? snake : camel;
  }

  private static String firstNonEmpty(String... texts) {
    for (String t : texts) {
      if (t != null && !t.isBlank()) {
        return t.strip();
      }
    }
    return "";
  }

  private static String join(String a, String b) {
    String first = a == null ? "" : a.strip();
    String second = b == null ? "" : b.strip();
    if (first.isEmpty() || second.startsWith(first)) {
      return second;
    }
    return second.isEmpty() ? first : first + ". " + second;
  }

  /** One drift or skew measurement of a feature. */
  private record Measurement(String feature, String comparator, String type, double value, Double threshold) {
    String describe() {
      String what = comparator + " " + type.toLowerCase(Locale.ROOT).replace('_', ' ') + " = "
          + Double.toString(value);
      if (threshold == null) {
        return what;
      }
      return what + (value > threshold ? ", above" : ", within") + " the threshold " + threshold;
    }
  }
}
