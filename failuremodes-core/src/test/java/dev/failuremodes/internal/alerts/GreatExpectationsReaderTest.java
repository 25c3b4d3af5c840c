package dev.failuremodes.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Resolution;
import dev.failuremodes.alerts.Finding;
import dev.failuremodes.alerts.Finding.Kind;
import dev.failuremodes.alerts.Format;
import dev.failuremodes.alerts.Report;
import dev.failuremodes.alerts.ReportException;
import dev.failuremodes.internal.json.Json;
import dev.failuremodes.signals.Observation;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Great Expectations validation results: every expectation type's mapping, detection and malformed files. */
class GreatExpectationsReaderTest {

  static Path file(String name) {
    try {
      return Path.of(GreatExpectationsReaderTest.class.getResource("/reports/great-expectations/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(Path file) {
    try {
      return Json.parse(new StringReader(Files.readString(file)), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<String> samples() {
    return Stream.of("every-expectation-type.json", "nulls-after-etl-change.json", "new-categories.json",
        "renamed-columns.json", "cents-instead-of-dollars.json", "distribution-drift.json", "partial-load.json",
        "type-and-format-change.json", "duplicate-keys.json", "correlated-columns.json", "mean-shift-tests-pass.json",
        "missing-column-exception.json", "traffic-surge.json", "v1-nulls-and-values.json",
        "malformed/unknown-expectation-type.json", "malformed/success-is-a-string.json",
        "malformed/missing-expectation-config.json", "malformed/p-value-out-of-range.json");
  }

  @ParameterizedTest(name = "results[{0}] {1} on {2} -> {3} {4}")
  @CsvSource({
      "0, expect_column_to_exist, 'loyalty_tier', SYMPTOM, schema-change",
      "1, expect_table_columns_to_match_ordered_list, '', SYMPTOM, schema-change",
      "2, expect_table_columns_to_match_set, '', SYMPTOM, schema-change",
      "3, expect_table_column_count_to_be_between, '', SYMPTOM, schema-change",
      "4, expect_table_column_count_to_equal, '', SYMPTOM, schema-change",
      "5, expect_table_row_count_to_be_between, '', SYMPTOM, stale-data",
      "6, expect_table_row_count_to_equal, '', SYMPTOM, traffic-mix-change",
      "7, expect_table_row_count_to_equal_other_table, '', UNKNOWN, ",
      "8, expect_column_values_to_be_unique, 'order_id', TEXT, ",
      "9, expect_column_values_to_not_be_null, 'shipping_city', MEASURED, missing-rate",
      "10, expect_column_values_to_be_null, 'legacy_discount_code', SYMPTOM, schema-change",
      "11, expect_column_values_to_be_of_type, 'customer_id', SYMPTOM, schema-change",
      "12, expect_column_values_to_be_in_type_list, 'order_total', SYMPTOM, schema-change",
      "13, expect_column_values_to_be_in_set, 'order_channel', MEASURED, new-category-rate",
      "14, expect_column_values_to_not_be_in_set, 'currency', SYMPTOM, schema-change",
      "15, expect_column_values_to_be_between, 'item_quantity', SYMPTOM, unit-or-scale-change",
      "16, expect_column_values_to_be_increasing, 'event_sequence', UNKNOWN, ",
      "17, expect_column_values_to_be_decreasing, 'stock_remaining', UNKNOWN, ",
      "18, expect_column_value_lengths_to_be_between, 'sku', SYMPTOM, schema-change",
      "19, expect_column_value_lengths_to_equal, 'country_code', SYMPTOM, schema-change",
      "20, expect_column_values_to_match_regex, 'order_date', SYMPTOM, schema-change",
      "21, expect_column_values_to_not_match_regex, 'customer_email', SYMPTOM, schema-change",
      "22, expect_column_values_to_match_regex_list, 'tracking_number', SYMPTOM, schema-change",
      "23, expect_column_values_to_not_match_regex_list, 'product_name', SYMPTOM, schema-change",
      "24, expect_column_values_to_match_like_pattern, 'promo_code', SYMPTOM, schema-change",
      "25, expect_column_values_to_not_match_like_pattern, 'store_code', SYMPTOM, schema-change",
      "26, expect_column_values_to_match_like_pattern_list, 'warehouse_code', SYMPTOM, schema-change",
      "27, expect_column_values_to_not_match_like_pattern_list, 'coupon_code', SYMPTOM, schema-change",
      "28, expect_column_values_to_match_strftime_format, 'delivered_at', SYMPTOM, schema-change",
      "29, expect_column_values_to_be_dateutil_parseable, 'promised_date', SYMPTOM, schema-change",
      "30, expect_column_values_to_be_json_parseable, 'cart_payload', SYMPTOM, schema-change",
      "31, expect_column_values_to_match_json_schema, 'address_json', SYMPTOM, schema-change",
      "32, expect_column_distinct_values_to_be_in_set, 'order_status', SYMPTOM, schema-change",
      "33, expect_column_distinct_values_to_contain_set, 'fulfilment_center', SYMPTOM, schema-change",
      "34, expect_column_distinct_values_to_equal_set, 'gift_wrap', SYMPTOM, schema-change",
      "35, expect_column_mean_to_be_between, 'order_total', SYMPTOM, unit-or-scale-change",
      "36, expect_column_median_to_be_between, 'delivery_days', SYMPTOM, feature-distribution-shift",
      "37, expect_column_quantile_values_to_be_between, 'basket_size', SYMPTOM, feature-distribution-shift",
      "38, expect_column_stdev_to_be_between, 'unit_price', SYMPTOM, feature-distribution-shift",
      "39, expect_column_unique_value_count_to_be_between, 'browser', SYMPTOM, schema-change",
      "40, expect_column_proportion_of_unique_values_to_be_between, 'session_id', SYMPTOM, feature-distribution-shift",
      "41, expect_column_most_common_value_to_be_in_set, 'shipping_method', SYMPTOM, feature-distribution-shift",
      "42, expect_column_max_to_be_between, 'discount_pct', SYMPTOM, feature-distribution-shift",
      "43, expect_column_min_to_be_between, 'customer_age', SYMPTOM, feature-distribution-shift",
      "44, expect_column_sum_to_be_between, 'refund_total', SYMPTOM, feature-distribution-shift",
      "45, expect_column_value_z_scores_to_be_less_than, 'items_per_order', SYMPTOM, feature-distribution-shift",
      "46, expect_column_pair_values_A_to_be_greater_than_B, 'delivered_at, ordered_at', UNKNOWN, ",
      "47, expect_column_pair_values_to_be_equal, 'billing_country, shipping_country', UNKNOWN, ",
      "48, expect_column_pair_values_to_be_in_set, 'country, currency', UNKNOWN, ",
      "49, expect_select_column_values_to_be_unique_within_record, 'primary_phone, backup_phone', TEXT, ",
      "50, expect_multicolumn_sum_to_equal, 'items_total, shipping_fee, tax', UNKNOWN, ",
      "51, expect_column_pair_cramers_phi_value_to_be_less_than, 'store_city, store_postcode', SYMPTOM,"
          + " high-feature-correlation",
      "52, expect_compound_columns_to_be_unique, 'customer_id, order_date, sku', TEXT, ",
      "53, expect_multicolumn_values_to_be_unique, 'invoice_number, credit_note_number', TEXT, ",
      "54, expect_column_kl_divergence_to_be_less_than, 'basket_size', MEASURED, drift-distance",
      "55, expect_column_bootstrapped_ks_test_p_value_to_be_greater_than, 'session_minutes', MEASURED, ks-p-value",
      "56, expect_column_chisquare_test_p_value_to_be_greater_than, 'device', MEASURED, chi2-p-value",
      "57, expect_column_parameterized_distribution_ks_test_p_value_to_be_greater_than, 'inter_arrival_seconds',"
          + " MEASURED, ks-p-value",
      "58, expect_file_line_regex_match_count_to_be_between, '', UNKNOWN, ",
      "59, expect_file_line_regex_match_count_to_equal, '', UNKNOWN, ",
      "60, expect_file_hash_to_equal, '', UNKNOWN, ",
      "61, expect_file_size_to_be_between, '', UNKNOWN, ",
      "62, expect_file_to_exist, '', UNKNOWN, ",
      "63, expect_file_to_have_valid_table_header, '', UNKNOWN, ",
      "64, expect_file_to_be_valid_json, '', UNKNOWN, ",
      "65, expect_column_values_to_be_in_set, 'order_channel', MEASURED, new-category-rate",
      "66, expect_column_chisquare_test_p_value_to_be_greater_than, 'payment_method', MEASURED, chi2-p-value",
      "67, expect_column_to_exist, 'order_id', NOT_A_SIGNAL, ",
      "68, expect_column_values_to_be_within_delivery_window, 'delivered_at', UNKNOWN, ",
      "69, unexpected_rows_expectation, '', TEXT, "
  })
  void read_everyExpectationType_mapsAsDocumented(int index, String type, String column, Kind kind, String target) {
    List<Finding> findings = Report.read(file("every-expectation-type.json")).findings();
    assertThat(findings).hasSize(70);
    Finding f = findings.get(index);
    assertThat(f.format()).isEqualTo(Format.GREAT_EXPECTATIONS);
    assertThat(f.check()).isEqualTo(type);
    assertThat(f.feature()).isEqualTo(column.isEmpty() ? Optional.empty() : Optional.of(column));
    assertThat(f.kind()).isEqualTo(kind);
    switch (kind) {
      case SYMPTOM -> assertThat(f.symptom()).contains(target);
      case MEASURED -> assertThat(f.observation()).get().extracting(Observation::metric).isEqualTo(target);
      case TEXT -> assertThat(f.text()).get().asString().isNotBlank();
      default -> assertThat(f.symptom()).isEmpty();
    }
    boolean passed = json(file("every-expectation-type.json")).get("results").get(index).get("success").asBoolean();
    assertThat(f.detail()).startsWith(passed ? "passed" : "failed");
  }

  @Test
  void everyExpectationTypeSample_coversEveryMappedType() {
    Set<String> inSample = json(file("every-expectation-type.json")).get("results").findValues("expectation_type")
        .stream().map(JsonNode::asText).map(t -> t.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
    inSample.add("unexpected_rows_expectation");
    assertThat(inSample).containsAll(GreatExpectationsReader.knownTypes());
  }

  static Finding at(String file, int index) {
    return Report.read(file(file)).findings().get(index);
  }

  @Test
  void read_notNull_isMissingRateWithThresholdFromMostly() {
    Finding f = at("every-expectation-type.json", 9);
    assertThat(f.observation()).contains(Observation.of("missing-rate", 0.122).threshold(0.02).samples(50_000)
        .source("Great Expectations expect_column_values_to_not_be_null").feature("shipping_city"));
    assertThat(f.detail()).isEqualTo("failed: 12.2% null (mostly 0.98)");
  }

  @Test
  void read_inSet_isNewCategoryRateWithThresholdFromMostly() {
    Finding f = at("every-expectation-type.json", 13);
    assertThat(f.observation()).contains(Observation.of("new-category-rate", 0.09).threshold(0.01).samples(50_000)
        .source("Great Expectations expect_column_values_to_be_in_set").feature("order_channel"));
    Finding passed = at("every-expectation-type.json", 65);
    assertThat(passed.kind()).isEqualTo(Kind.MEASURED);
    assertThat(passed.observation()).contains(Observation.of("new-category-rate", 0.0).threshold(0.0)
        .samples(50_000).source("Great Expectations expect_column_values_to_be_in_set").feature("order_channel"));
    assertThat(passed.detail()).isEqualTo("passed: 0% outside the set");
  }

  @Test
  void read_distributionTests_keepTheToolsThreshold() {
    assertThat(at("every-expectation-type.json", 54).observation()).contains(Observation.of("drift-distance", 0.43)
        .threshold(0.1).source("Great Expectations expect_column_kl_divergence_to_be_less_than")
        .feature("basket_size"));
    assertThat(at("every-expectation-type.json", 55).observation()).contains(Observation.of("ks-p-value", 0.0004)
        .threshold(0.05).source("Great Expectations expect_column_bootstrapped_ks_test_p_value_to_be_greater_than")
        .feature("session_minutes"));
    Finding chi2 = at("every-expectation-type.json", 56);
    assertThat(chi2.observation()).contains(Observation.of("chi2-p-value", 0.0021).threshold(0.01)
        .source("Great Expectations expect_column_chisquare_test_p_value_to_be_greater_than").feature("device"));
    assertThat(chi2.detail()).isEqualTo("failed: chi2-p-value 0.0021 (p 0.01)");
  }

  @Test
  void read_passedDistributionTestOnAStableColumn_isMeasuredBesideAShiftElsewhere() {
    Finding passedChi2 = at("every-expectation-type.json", 66);
    assertThat(passedChi2.kind()).isEqualTo(Kind.MEASURED);
    assertThat(passedChi2.observation()).contains(Observation.of("chi2-p-value", 0.62).threshold(0.05)
        .source("Great Expectations expect_column_chisquare_test_p_value_to_be_greater_than")
        .feature("payment_method"));
    assertThat(passedChi2.detail()).isEqualTo("passed: chi2-p-value 0.62 (p 0.05)");
    Finding passedOnItsOwn = at("correlated-columns.json", 3);
    assertThat(passedOnItsOwn.kind()).isEqualTo(Kind.MEASURED);
    assertThat(passedOnItsOwn.observation()).contains(Observation.of("chi2-p-value", 0.47).threshold(0.05)
        .source("Great Expectations expect_column_chisquare_test_p_value_to_be_greater_than")
        .feature("property_type"));
  }

  @Test
  void read_aggregateFarBeyondItsBound_isAUnitChange() {
    Finding f = at("every-expectation-type.json", 35);
    assertThat(f.symptom()).contains("unit-or-scale-change");
    assertThat(f.detail()).isEqualTo("failed: observed 6150 (expected 20 to 90)");
  }

  @Test
  void read_rowCount_belowIsStaleAboveIsTraffic() {
    assertThat(at("every-expectation-type.json", 5).detail()).isEqualTo("failed: observed 3150 (expected 40000 to"
        + " 60000)");
    assertThat(at("partial-load.json", 0).symptom()).contains("stale-data");
    assertThat(at("traffic-surge.json", 0).symptom()).contains("traffic-mix-change");
  }

  @Test
  void read_uniqueness_isTextWithTheCounts() {
    Finding f = at("every-expectation-type.json", 8);
    assertThat(f.text()).contains("duplicate values: values expected to be unique repeat in 1250 rows (2.5%) of"
        + " column order_id");
  }

  @Test
  void read_customSqlExpectation_isTextOfItsDescription() {
    Finding f = at("every-expectation-type.json", 69);
    assertThat(f.check()).isEqualTo("unexpected_rows_expectation");
    assertThat(f.text()).contains("refunds larger than the order they refund");
  }

  @Test
  void read_passedWithoutValue_isNoSignal() {
    Finding f = at("every-expectation-type.json", 67);
    assertThat(f.kind()).isEqualTo(Kind.NOT_A_SIGNAL);
    assertThat(f.detail()).isEqualTo("passed");
  }

  @Test
  void read_exceptionNamingAMissingColumn_isSchemaChange() {
    Report report = Report.read(file("missing-column-exception.json"));
    assertThat(report.findings()).extracting(Finding::kind, Finding::symptom).containsExactly(
        tuple(Kind.SYMPTOM, Optional.of("schema-change")), tuple(Kind.SYMPTOM, Optional.of("schema-change")),
        tuple(Kind.NOT_A_SIGNAL, Optional.empty()));
    assertThat(report.findings().get(0).detail()).isEqualTo("raised: Error: The column \"promo_code\" in BatchData"
        + " does not exist.");
  }

  @Test
  void read_exceptionOfAnotherKind_isNoSignalSayingTheDataWasNotChecked() {
    String json = """
        {"success": false, "statistics": {"evaluated_expectations": 1},
         "results": [{"success": false, "result": {},
           "expectation_config": {"expectation_type": "expect_column_mean_to_be_between", "kwargs": {"column": "x"}},
           "exception_info": {"('column.mean', 'abc', ())": {"raised_exception": true,
             "exception_message": "division by zero", "exception_traceback": "..."}}}]}
        """;
    assertThat(Report.parse(json, "raised.json").findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.NOT_A_SIGNAL);
      assertThat(f.detail()).isEqualTo("raised and did not check the data: division by zero");
    });
  }

  @Test
  void read_version1Results_readTheSame() {
    Report report = Report.read(file("v1-nulls-and-values.json"));
    assertThat(report.format()).isEqualTo(Format.GREAT_EXPECTATIONS);
    assertThat(report.findings()).extracting(Finding::check, Finding::kind, Finding::feature).containsExactly(
        tuple("expect_column_values_to_not_be_null", Kind.MEASURED, Optional.of("diagnosis_code")),
        tuple("expect_column_values_to_be_in_set", Kind.MEASURED, Optional.of("claim_type")),
        tuple("expect_column_values_to_be_between", Kind.NOT_A_SIGNAL, Optional.of("claim_amount")));
    assertThat(report.findings().get(0).observation().get().threshold()).hasValue(0.01);
  }

  @Test
  void read_unknownExpectationType_isUnknownNeverDropped() {
    assertThat(Report.read(file("malformed/unknown-expectation-type.json")).findings()).singleElement()
        .satisfies(f -> {
          assertThat(f.kind()).isEqualTo(Kind.UNKNOWN);
          assertThat(f.check()).isEqualTo("expect_column_values_to_be_valid_iban");
          assertThat(f.feature()).contains("payout_iban");
          assertThat(f.detail()).isEqualTo("failed: 1.4524% unexpected");
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void detect_greatExpectationsSample_picksGreatExpectations(String name) {
    JsonNode root = json(file(name));
    assertThat(new GreatExpectationsReader().accepts(root)).isTrue();
    assertThat(new TfdvReader().accepts(root)).isFalse();
    assertThat(new AlertmanagerReader().accepts(root)).isFalse();
  }

  @Test
  void detect_readsToTheFormat() {
    assertThat(Report.read(file("distribution-drift.json")).format()).isEqualTo(Format.GREAT_EXPECTATIONS);
  }

  @Test
  void accepts_alertmanagerPayload_isFalse() {
    JsonNode payload = Json.parse(new StringReader(TfdvReaderTest.ALERTMANAGER), "alertmanager");
    assertThat(new GreatExpectationsReader().accepts(payload)).isFalse();
  }

  @Test
  void accepts_otherShapes_isFalse() {
    GreatExpectationsReader reader = new GreatExpectationsReader();
    // A result list without the suite's success flag is not a validation result (Deepchecks also has "results").
    assertThat(reader.accepts(Json.parse(new StringReader("{\"results\": [{\"check\": {}}]}"), "x"))).isFalse();
    assertThat(reader.accepts(Json.parse(new StringReader("{\"success\": true, \"results\": [{}]}"), "x")))
        .isFalse();
    assertThat(reader.accepts(Json.parse(new StringReader("[]"), "x"))).isFalse();
  }

  @Test
  void read_notJson_failsNamingFileAndPosition() {
    Path f = file("malformed/not-json.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at line 1, column 2: not valid JSON: Unexpected"
            + " character (''' (code 39)): was expecting double-quote to start field name");
  }

  @Test
  void read_successNotABoolean_failsNamingTheField() {
    Path f = file("malformed/success-is-a-string.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at $.results[1].success: expected a boolean but found string"
            + " \"false\"");
  }

  @Test
  void read_missingExpectationConfig_failsNamingTheMissingField() {
    Path f = file("malformed/missing-expectation-config.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at $.results[0].expectation_config: expected an object but found"
            + " nothing (the field is missing)");
  }

  @Test
  void read_pValueOutOfRange_failsNamingTheValue() {
    Path f = file("malformed/p-value-out-of-range.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at $.results[0].result.observed_value: expected a p-value from 0"
            + " to 1 but found number 4.2");
  }

  @Test
  void read_explicitFormatOnAnotherShape_failsAtTheRoot() {
    assertThatThrownBy(() -> Report.parse("{\"alerts\": []}", "alerts.json", Format.GREAT_EXPECTATIONS))
        .isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report alerts.json at $.results: expected an array but found nothing (the field is"
            + " missing)");
  }

  @Test
  void diagnose_shiftedAndStableColumns_ranksDriftFirst_andListsTheStableValuesAsHealthy() {
    Report report = Report.parse("""
        {"success": false, "statistics": {"evaluated_expectations": 5, "successful_expectations": 3},
         "results": [
          %s, %s, %s, %s, %s]}
        """.formatted(kl("basket_value", 0.43, false), kl("session_minutes", 0.27, false), kl("age", 0.02, true),
        kl("country", 0.03, true), kl("device_type", 0.01, true)), "drift-beside-stable.json");
    assertThat(report.format()).isEqualTo(Format.GREAT_EXPECTATIONS);
    assertThat(report.findings(Kind.MEASURED)).hasSize(5);
    Diagnosis d = FailureModes.forReports(report).diagnose();
    assertThat(d.candidates()).first().extracting(Candidate::id).isEqualTo("data-drift");
    assertThat(d.resolutions()).flatExtracting(Resolution::measurements)
        .anyMatch(m -> m.startsWith("drift-distance 0.02 on age, healthy (a symptom when > 0.1)"))
        .anyMatch(m -> m.startsWith("drift-distance 0.03 on country, healthy (a symptom when > 0.1)"))
        .anyMatch(m -> m.startsWith("drift-distance 0.43 > 0.1 on basket_value"));
  }

  /** A KL divergence expectation's result on a column, with the threshold 0.1. */
  private static String kl(String column, double divergence, boolean passed) {
    return """
        {"success": %s, "expectation_config": {"expectation_type": "expect_column_kl_divergence_to_be_less_than",
         "kwargs": {"column": "%s", "threshold": 0.1}}, "result": {"observed_value": %s}}"""
        .formatted(passed, column, divergence);
  }
}
