package dev.failuremodes.internal.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.alerts.Finding;
import dev.failuremodes.alerts.Format;
import dev.failuremodes.signals.Observation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a Great Expectations validation result: the JSON of an {@code ExpectationSuiteValidationResult} ({@code
 * success}, {@code results}, {@code statistics}, {@code meta}), as 0.x writes it (an {@code expectation_config} with
 * {@code expectation_type}) and as 1.x writes it ({@code type}). Each result becomes one finding, named by its
 * expectation type, on the column of its {@code kwargs} ({@code column}, {@code column_A} and {@code column_B}, or
 * {@code column_list}).
 *
 * <table>
 * <caption>Expectation type → finding when failed (passed: measured with a value, else no signal)</caption>
 * <tr><th>Expectation type</th><th>Kind</th><th>Symptom or metric</th></tr>
 * <tr><td>expect_column_values_to_not_be_null</td><td>MEASURED</td><td>missing-rate = {@code unexpected_percent} /
 *     100, threshold 1 − {@code mostly}; a symptom many-missing-values without the percent</td></tr>
 * <tr><td>expect_column_values_to_be_in_set</td><td>MEASURED</td><td>new-category-rate = {@code unexpected_percent}
 *     / 100, threshold 1 − {@code mostly}; a symptom schema-change without the percent</td></tr>
 * <tr><td>expect_column_kl_divergence_to_be_less_than</td><td>MEASURED</td><td>drift-distance = {@code
 *     observed_value}, threshold {@code threshold}; a symptom feature-distribution-shift when the divergence is
 *     infinite</td></tr>
 * <tr><td>expect_column_chisquare_test_p_value_to_be_greater_than</td><td>MEASURED</td><td>chi2-p-value = {@code
 *     observed_value}, threshold {@code p} (default 0.05)</td></tr>
 * <tr><td>expect_column_bootstrapped_ks_test_p_value_to_be_greater_than,
 *     expect_column_parameterized_distribution_ks_test_p_value_to_be_greater_than</td><td>MEASURED</td><td>ks-p-value
 *     = {@code observed_value}, threshold {@code p} (default 0.05)</td></tr>
 * <tr><td>expect_column_to_exist, expect_table_columns_to_match_ordered_list, expect_table_columns_to_match_set,
 *     expect_table_column_count_to_be_between, expect_table_column_count_to_equal,
 *     expect_column_values_to_be_of_type, expect_column_values_to_be_in_type_list, expect_column_values_to_be_null,
 *     expect_column_values_to_not_be_in_set, expect_column_distinct_values_to_be_in_set,
 *     expect_column_distinct_values_to_contain_set, expect_column_distinct_values_to_equal_set,
 *     expect_column_value_lengths_to_be_between, expect_column_value_lengths_to_equal, the regex, like-pattern,
 *     strftime, dateutil, JSON-parseable and JSON-schema expectations</td><td>SYMPTOM</td><td>schema-change: a
 *     column, type, category or format changed</td></tr>
 * <tr><td>expect_column_values_to_be_between</td><td>SYMPTOM</td><td>unit-or-scale-change: values outside their
 *     valid range</td></tr>
 * <tr><td>expect_column_min, _max, _mean, _median, _stdev, _sum _to_be_between</td><td>SYMPTOM</td>
 *     <td>unit-or-scale-change when the observed value is ten or more times beyond the bound it broke, else
 *     feature-distribution-shift</td></tr>
 * <tr><td>expect_column_quantile_values_to_be_between, expect_column_most_common_value_to_be_in_set,
 *     expect_column_value_z_scores_to_be_less_than</td><td>SYMPTOM</td><td>feature-distribution-shift</td></tr>
 * <tr><td>expect_column_unique_value_count_to_be_between,
 *     expect_column_proportion_of_unique_values_to_be_between</td><td>SYMPTOM</td><td>schema-change above the
 *     maximum (new values), feature-distribution-shift below the minimum</td></tr>
 * <tr><td>expect_table_row_count_to_be_between, expect_table_row_count_to_equal</td><td>SYMPTOM</td>
 *     <td>stale-data below the minimum (data arrived in part), traffic-mix-change above the maximum</td></tr>
 * <tr><td>expect_column_pair_cramers_phi_value_to_be_less_than</td><td>SYMPTOM</td>
 *     <td>high-feature-correlation</td></tr>
 * <tr><td>expect_column_values_to_be_unique, expect_compound_columns_to_be_unique,
 *     expect_select_column_values_to_be_unique_within_record, expect_multicolumn_values_to_be_unique</td>
 *     <td>TEXT</td><td>"values expected to be unique repeat", with the counts: the catalog has no symptom for
 *     duplicate rows</td></tr>
 * <tr><td>unexpected_rows_expectation (1.x custom SQL)</td><td>TEXT</td><td>its {@code description} (in the
 *     configuration or its kwargs); unknown without one</td></tr>
 * <tr><td>expect_column_values_to_be_increasing, _decreasing, expect_column_pair_values_to_be_equal,
 *     _to_be_in_set, _A_to_be_greater_than_B, expect_multicolumn_sum_to_equal,
 *     expect_table_row_count_to_equal_other_table, every expect_file_* expectation</td><td>UNKNOWN</td><td>row
 *     order, cross-column and cross-table consistency and file checks have no catalog symptom</td></tr>
 * <tr><td>any other type (a custom or newer expectation)</td><td>UNKNOWN</td><td></td></tr>
 * <tr><td>a result whose {@code exception_info} says it raised</td><td>SYMPTOM / NOT_A_SIGNAL</td>
 *     <td>schema-change when the message says a column does not exist; else no signal (the data was not
 *     checked)</td></tr>
 * </table>
 *
 * <p>A passed check with a value is measured like a failed one, whatever the other columns show: the diagnosis, not
 * the reader, judges what a healthy value says (a column within its threshold is no evidence against the symptom
 * measured on another).
 */
final class GreatExpectationsReader implements ReportReader {
  private static final String SCHEMA = "schema-change";
  private static final String SCALE = "unit-or-scale-change";
  private static final String SHIFT = "feature-distribution-shift";
  private static final Pattern MISSING_COLUMN = Pattern.compile(
      "(?i)column[^.]*(does not exist|not found|is missing|could not be found|no such column)"
          + "|(no such column|unknown column|invalid column)");
  private static final Map<String, Rule> RULES = rules();

  /** How a failed expectation of a type is read. */
  private enum Kind {
    /** The share of nulls, as missing-rate. */
    NULLS,
    /** The share of values outside the set, as new-category-rate. */
    IN_SET,
    /** The observed value is the metric's value; the threshold is a keyword argument. */
    VALUE,
    /** A symptom. */
    SYMPTOM,
    /** An aggregate outside its range: a scale change when far beyond the bound, else a shift. */
    AGGREGATE,
    /** A count or proportion of distinct values: more is new values, fewer is a shift. */
    CARDINALITY,
    /** A row count: fewer is data arriving in part, more is a change of traffic. */
    ROW_COUNT,
    /** Duplicates, as text. */
    UNIQUE,
    /** A custom query's description, as text. */
    CUSTOM,
    /** A known expectation with no catalog symptom. */
    UNMAPPED
  }

  /**
   * @param target the symptom, or the metric for {@link Kind#VALUE}
   * @param thresholdKwarg the keyword argument holding the tool's threshold, for {@link Kind#VALUE}
   * @param defaultThreshold its default
   */
  private record Rule(Kind kind, String target, String thresholdKwarg, Double defaultThreshold) {
    static Rule of(Kind kind, String target) {
      return new Rule(kind, target, null, null);
    }
  }

  private static Map<String, Rule> rules() {
    Map<String, Rule> r = new HashMap<>();
    r.put("expect_column_values_to_not_be_null", Rule.of(Kind.NULLS, "missing-rate"));
    r.put("expect_column_values_to_be_in_set", Rule.of(Kind.IN_SET, "new-category-rate"));
    r.put("expect_column_kl_divergence_to_be_less_than", new Rule(Kind.VALUE, "drift-distance", "threshold", null));
    r.put("expect_column_chisquare_test_p_value_to_be_greater_than",
        new Rule(Kind.VALUE, "chi2-p-value", "p", 0.05));
    r.put("expect_column_bootstrapped_ks_test_p_value_to_be_greater_than",
        new Rule(Kind.VALUE, "ks-p-value", "p", 0.05));
    r.put("expect_column_parameterized_distribution_ks_test_p_value_to_be_greater_than",
        new Rule(Kind.VALUE, "ks-p-value", "p", 0.05));
    for (String t : List.of("expect_column_to_exist", "expect_table_columns_to_match_ordered_list",
        "expect_table_columns_to_match_set", "expect_table_column_count_to_be_between",
        "expect_table_column_count_to_equal", "expect_column_values_to_be_of_type",
        "expect_column_values_to_be_in_type_list", "expect_column_values_to_be_null",
        "expect_column_values_to_not_be_in_set", "expect_column_distinct_values_to_be_in_set",
        "expect_column_distinct_values_to_contain_set", "expect_column_distinct_values_to_equal_set",
        "expect_column_value_lengths_to_be_between", "expect_column_value_lengths_to_equal",
        "expect_column_values_to_match_regex", "expect_column_values_to_not_match_regex",
        "expect_column_values_to_match_regex_list", "expect_column_values_to_not_match_regex_list",
        "expect_column_values_to_match_like_pattern", "expect_column_values_to_not_match_like_pattern",
        "expect_column_values_to_match_like_pattern_list", "expect_column_values_to_not_match_like_pattern_list",
        "expect_column_values_to_match_strftime_format", "expect_column_values_to_be_dateutil_parseable",
        "expect_column_values_to_be_json_parseable", "expect_column_values_to_match_json_schema")) {
      r.put(t, Rule.of(Kind.SYMPTOM, SCHEMA));
    }
    r.put("expect_column_values_to_be_between", Rule.of(Kind.SYMPTOM, SCALE));
    for (String stat : List.of("min", "max", "mean", "median", "stdev", "sum")) {
      r.put("expect_column_" + stat + "_to_be_between", Rule.of(Kind.AGGREGATE, null));
    }
    for (String t : List.of("expect_column_quantile_values_to_be_between",
        "expect_column_most_common_value_to_be_in_set", "expect_column_value_z_scores_to_be_less_than")) {
      r.put(t, Rule.of(Kind.SYMPTOM, SHIFT));
    }
    r.put("expect_column_unique_value_count_to_be_between", Rule.of(Kind.CARDINALITY, null));
    r.put("expect_column_proportion_of_unique_values_to_be_between", Rule.of(Kind.CARDINALITY, null));
    r.put("expect_table_row_count_to_be_between", Rule.of(Kind.ROW_COUNT, null));
    r.put("expect_table_row_count_to_equal", Rule.of(Kind.ROW_COUNT, null));
    r.put("expect_column_pair_cramers_phi_value_to_be_less_than", Rule.of(Kind.SYMPTOM, "high-feature-correlation"));
    for (String t : List.of("expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique",
        "expect_select_column_values_to_be_unique_within_record", "expect_multicolumn_values_to_be_unique")) {
      r.put(t, Rule.of(Kind.UNIQUE, null));
    }
    r.put("unexpected_rows_expectation", Rule.of(Kind.CUSTOM, null));
    for (String t : List.of("expect_column_values_to_be_increasing", "expect_column_values_to_be_decreasing",
        "expect_column_pair_values_to_be_equal", "expect_column_pair_values_to_be_in_set",
        "expect_column_pair_values_a_to_be_greater_than_b", "expect_multicolumn_sum_to_equal",
        "expect_table_row_count_to_equal_other_table", "expect_file_line_regex_match_count_to_be_between",
        "expect_file_line_regex_match_count_to_equal", "expect_file_hash_to_equal", "expect_file_size_to_be_between",
        "expect_file_to_exist", "expect_file_to_have_valid_table_header", "expect_file_to_be_valid_json")) {
      r.put(t, Rule.of(Kind.UNMAPPED, null));
    }
    return Map.copyOf(r);
  }

  /** Returns the expectation types this reader maps, for tests. */
  static java.util.Set<String> knownTypes() {
    return RULES.keySet();
  }

  @Override
  public Format format() {
    return Format.GREAT_EXPECTATIONS;
  }

  @Override
  public boolean accepts(JsonNode root) {
    if (!root.isObject() || !root.path("results").isArray() || !root.path("success").isBoolean()) {
      return false;
    }
    if (root.path("statistics").has("evaluated_expectations")) {
      return true;
    }
    JsonNode first = root.path("results").path(0);
    return first.path("expectation_config").isObject();
  }

  @Override
  public List<Finding> read(JsonNode root, String source) {
    Nodes n = new Nodes(source);
    if (!root.isObject()) {
      throw n.unexpected("$", "a Great Expectations validation result (an object with \"results\")", root);
    }
    List<JsonNode> results = n.array(root, "$", "results");
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      out.add(result(n, "$.results[" + i + "]", results.get(i)));
    }
    return out;
  }

  private static Finding result(Nodes n, String path, JsonNode r) {
    if (!r.isObject()) {
      throw n.unexpected(path, "an expectation validation result object", r);
    }
    JsonNode config = n.object(r, path, "expectation_config");
    String cpath = path + ".expectation_config";
    String typeField = config.has("expectation_type") || !config.has("type") ? "expectation_type" : "type";
    JsonNode typeNode = config.get(typeField);
    if (typeNode == null || !typeNode.isTextual()) {
      throw n.unexpected(cpath + "." + typeField, "a string (the expectation's type, such as"
          + " \"expect_column_values_to_not_be_null\")", typeNode);
    }
    String type = typeNode.textValue();
    JsonNode kwargs = config.path("kwargs");
    if (!kwargs.isMissingNode() && !kwargs.isNull() && !kwargs.isObject()) {
      throw n.unexpected(cpath + ".kwargs", "an object", kwargs);
    }
    String feature = column(n, type, kwargs, cpath + ".kwargs");
    JsonNode result = r.path("result");
    if (!result.isMissingNode() && !result.isNull() && !result.isObject()) {
      throw n.unexpected(path + ".result", "an object", result);
    }
    String exception = exception(n, r, path);
    JsonNode success = r.get("success");
    if (exception != null) {
      if (MISSING_COLUMN.matcher(exception).find()) {
        return Finding.symptom(Format.GREAT_EXPECTATIONS, type, feature, SCHEMA, "raised: " + exception);
      }
      return Finding.notASignal(Format.GREAT_EXPECTATIONS, type, feature,
          "raised and did not check the data: " + exception);
    }
    if (success == null || !success.isBoolean()) {
      throw n.unexpected(path + ".success", "a boolean", success);
    }
    boolean passed = success.booleanValue();
    Rule rule = RULES.get(type.toLowerCase(Locale.ROOT));
    String status = passed ? "passed" : "failed";
    if (rule == null) {
      return passed
          ? Finding.notASignal(Format.GREAT_EXPECTATIONS, type, feature, "passed")
          : Finding.unknown(Format.GREAT_EXPECTATIONS, type, feature, "failed" + observed(result));
    }
    if (rule.kind() == Kind.NULLS || rule.kind() == Kind.IN_SET) {
      return share(n, rule, type, feature, kwargs, result, path, passed);
    }
    if (rule.kind() == Kind.VALUE) {
      return value(n, rule, type, feature, kwargs, result, path, passed);
    }
    return switch (rule.kind()) {
      case NULLS, IN_SET, VALUE -> throw new IllegalStateException(rule.kind() + " is read above");
      case SYMPTOM -> passed ? noSignal(type, feature, result)
          : Finding.symptom(Format.GREAT_EXPECTATIONS, type, feature, rule.target(), status + observed(result));
      case AGGREGATE -> passed ? noSignal(type, feature, result)
          : Finding.symptom(Format.GREAT_EXPECTATIONS, type, feature, aggregate(n, kwargs, result, path),
              status + observed(result) + bounds(kwargs));
      case CARDINALITY -> passed ? noSignal(type, feature, result)
          : Finding.symptom(Format.GREAT_EXPECTATIONS, type, feature,
              direction(n, kwargs, result, path) > 0 ? SCHEMA : SHIFT, status + observed(result) + bounds(kwargs));
      case ROW_COUNT -> passed ? noSignal(type, feature, result)
          : Finding.symptom(Format.GREAT_EXPECTATIONS, type, feature,
              direction(n, kwargs, result, path) > 0 ? "traffic-mix-change" : "stale-data",
              status + observed(result) + bounds(kwargs));
      case UNIQUE -> passed ? noSignal(type, feature, result) : unique(type, feature, result);
      case CUSTOM -> {
        // 1.x keeps an expectation's description beside its kwargs; a custom query may also carry one in them.
        String description = config.path("description").asText(kwargs.path("description").asText(""));
        if (passed) {
          yield noSignal(type, feature, result);
        }
        yield description.isBlank()
            ? Finding.unknown(Format.GREAT_EXPECTATIONS, type, feature, "failed" + observed(result))
            : Finding.text(Format.GREAT_EXPECTATIONS, type, feature, description, "failed: " + description
                + observed(result));
      }
      case UNMAPPED -> passed ? noSignal(type, feature, result)
          : Finding.unknown(Format.GREAT_EXPECTATIONS, type, feature, "failed" + observed(result)
              + " (no catalog symptom for row order, cross-column, cross-table or file checks)");
    };
  }

  /** Not-null and in-set: the unexpected share as a rate, with the tool's threshold 1 - mostly. */
  private static Finding share(Nodes n, Rule rule, String type, String feature, JsonNode kwargs, JsonNode result,
      String path, boolean passed) {
    String symptom = rule.kind() == Kind.NULLS ? "many-missing-values" : SCHEMA;
    Double percent = n.optionalNumber(result, path + ".result", "unexpected_percent");
    if (percent == null || !Double.isFinite(percent)) {
      return passed ? noSignal(type, feature, result)
          : Finding.symptom(Format.GREAT_EXPECTATIONS, type, feature, symptom, "failed" + observed(result));
    }
    if (percent < 0 || percent > 100) {
      throw n.unexpected(path + ".result.unexpected_percent", "a percentage from 0 to 100",
          result.get("unexpected_percent"));
    }
    Double mostly = n.optionalNumber(kwargs, path + ".expectation_config.kwargs", "mostly");
    double threshold = mostly == null || !Double.isFinite(mostly) ? 0.0 : round(1.0 - mostly);
    Observation o = Observation.of(rule.target(), round(percent / 100.0)).threshold(threshold)
        .source("Great Expectations " + type);
    o = withSamples(n, o, result, path);
    String what = rule.kind() == Kind.NULLS ? "null" : "outside the set";
    String detail = (passed ? "passed" : "failed") + ": " + format(percent) + "% " + what
        + (mostly == null ? "" : " (mostly " + format(mostly) + ")");
    return Finding.measured(Format.GREAT_EXPECTATIONS, type, feature == null ? o : o.feature(feature), detail);
  }

  /** A distribution test: the observed value is the metric's, with the tool's threshold. */
  private static Finding value(Nodes n, Rule rule, String type, String feature, JsonNode kwargs, JsonNode result,
      String path, boolean passed) {
    JsonNode v = result.get("observed_value");
    Double observed = null;
    if (v != null && !v.isNull()) {
      observed = v.isNumber() ? Double.valueOf(v.doubleValue()) : v.isTextual() ? parse(v.textValue()) : null;
      if (observed == null) {
        throw n.unexpected(path + ".result.observed_value", "a number", v);
      }
    }
    if (observed == null || !Double.isFinite(observed)) {
      // An infinite divergence (a bin empty in one sample) is a shift without a usable value.
      return passed ? noSignal(type, feature, result)
          : Finding.symptom(Format.GREAT_EXPECTATIONS, type, feature, SHIFT, "failed" + observed(result));
    }
    double max = rule.target().endsWith("p-value") ? 1.0 : Double.POSITIVE_INFINITY;
    if (observed < 0 || observed > max) {
      throw n.unexpected(path + ".result.observed_value",
          max == 1.0 ? "a p-value from 0 to 1" : "a divergence of zero or more", v);
    }
    Double threshold = n.optionalNumber(kwargs, path + ".expectation_config.kwargs", rule.thresholdKwarg());
    if (threshold == null) {
      threshold = rule.defaultThreshold();
    }
    Observation o = Observation.of(rule.target(), observed).source("Great Expectations " + type);
    if (threshold != null && Double.isFinite(threshold)) {
      o = o.threshold(threshold);
    }
    o = withSamples(n, o, result, path);
    String detail = (passed ? "passed" : "failed") + ": " + rule.target() + " " + format(observed)
        + (threshold == null ? "" : " (" + rule.thresholdKwarg() + " " + format(threshold) + ")");
    return Finding.measured(Format.GREAT_EXPECTATIONS, type, feature == null ? o : o.feature(feature), detail);
  }

  /** A column statistic out of range: ten times beyond the bound or more reads as a unit change. */
  private static String aggregate(Nodes n, JsonNode kwargs, JsonNode result, String path) {
    Double observed = observedNumber(result);
    Double min = n.optionalNumber(kwargs, path + ".expectation_config.kwargs", "min_value");
    Double max = n.optionalNumber(kwargs, path + ".expectation_config.kwargs", "max_value");
    if (observed == null) {
      return SHIFT;
    }
    if (max != null && observed > max && max > 0 && observed / max >= 10) {
      return SCALE;
    }
    if (min != null && observed < min && min > 0 && observed >= 0 && observed * 10 <= min) {
      return SCALE;
    }
    return SHIFT;
  }

  /** Returns 1 when the observed value is above the maximum, -1 below the minimum (or unknown). */
  private static int direction(Nodes n, JsonNode kwargs, JsonNode result, String path) {
    Double observed = observedNumber(result);
    String at = path + ".expectation_config.kwargs";
    Double max = n.optionalNumber(kwargs, at, "max_value");
    if (max == null) {
      max = n.optionalNumber(kwargs, at, "value");
    }
    return observed != null && max != null && observed > max ? 1 : -1;
  }

  private static Finding unique(String type, String feature, JsonNode result) {
    String counts = result.has("unexpected_count")
        ? result.path("unexpected_count").asText() + " rows"
            + (result.has("unexpected_percent") ? " (" + format(result.path("unexpected_percent").asDouble()) + "%)"
                : "")
        : "some rows";
    String text = "duplicate values: values expected to be unique repeat in " + counts
        + (feature == null ? "" : " of column " + feature);
    return Finding.text(Format.GREAT_EXPECTATIONS, type, feature, text, "failed: " + counts + " not unique");
  }

  private static Finding noSignal(String type, String feature, JsonNode result) {
    return Finding.notASignal(Format.GREAT_EXPECTATIONS, type, feature, "passed" + observed(result));
  }

  /** The exception message when the result raised, else null. */
  private static String exception(Nodes n, JsonNode r, String path) {
    JsonNode info = r.get("exception_info");
    if (info == null || info.isNull()) {
      return null;
    }
    if (!info.isObject()) {
      throw n.unexpected(path + ".exception_info", "an object with \"raised_exception\"", info);
    }
    if (info.has("raised_exception")) {
      return raised(info);
    }
    // Some versions key the exceptions by the metric that raised them.
    for (Map.Entry<String, JsonNode> e : info.properties()) {
      if (e.getValue().isObject()) {
        String message = raised(e.getValue());
        if (message != null) {
          return message;
        }
      }
    }
    return null;
  }

  private static String raised(JsonNode info) {
    if (!info.path("raised_exception").asBoolean(false)) {
      return null;
    }
    String message = info.path("exception_message").asText("");
    return message.isBlank() ? "an exception with no message" : message.strip();
  }

  /** The column a result is about: {@code column}, a pair, or a multicolumn expectation's list. */
  private static String column(Nodes n, String type, JsonNode kwargs, String at) {
    if (kwargs.hasNonNull("column")) {
      return n.text(kwargs, at, "column");
    }
    if (kwargs.hasNonNull("column_A") && kwargs.hasNonNull("column_B")) {
      return n.text(kwargs, at, "column_A") + ", " + n.text(kwargs, at, "column_B");
    }
    // A table expectation's column_list is the expected header, not the columns it is about.
    if (kwargs.path("column_list").isArray() && !type.startsWith("expect_table_")) {
      List<String> columns = new ArrayList<>();
      kwargs.get("column_list").forEach(c -> columns.add(c.asText()));
      return columns.isEmpty() ? null : String.join(", ", columns);
    }
    return null;
  }

  private static Observation withSamples(Nodes n, Observation o, JsonNode result, String path) {
    Double count = n.optionalNumber(result, path + ".result", "element_count");
    return count != null && Double.isFinite(count) && count >= 0 ? o.samples(count.longValue()) : o;
  }

  private static Double observedNumber(JsonNode result) {
    JsonNode v = result.path("observed_value");
    Double d = v.isNumber() || v.isTextual() ? parse(v.asText()) : null;
    return d == null || !Double.isFinite(d) ? null : d;
  }

  private static Double parse(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String observed(JsonNode result) {
    JsonNode v = result.path("observed_value");
    if (v.isMissingNode() || v.isNull()) {
      return result.has("unexpected_percent") && result.get("unexpected_percent").isNumber()
          ? ": " + format(result.get("unexpected_percent").asDouble()) + "% unexpected" : "";
    }
    String text = v.isNumber() ? format(v.asDouble()) : v.isTextual() ? v.textValue() : v.toString();
    return ": observed " + (text.length() > 80 ? text.substring(0, 77) + "..." : text);
  }

  private static String bounds(JsonNode kwargs) {
    JsonNode min = kwargs.path("min_value");
    JsonNode max = kwargs.path("max_value");
    JsonNode value = kwargs.path("value");
    if (value.isNumber()) {
      return " (expected " + format(value.asDouble()) + ")";
    }
    if (!min.isNumber() && !max.isNumber()) {
      return "";
    }
    return " (expected " + (min.isNumber() ? format(min.asDouble()) : "-inf") + " to "
        + (max.isNumber() ? format(max.asDouble()) : "inf") + ")";
  }

  private static double round(double v) {
    return Math.round(v * 1e9) / 1e9;
  }

  private static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.6g", v);
    return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
