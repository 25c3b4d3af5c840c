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

/** TensorFlow Data Validation anomalies: every anomaly type's mapping, detection and malformed files. */
class TfdvReaderTest {
  /** An Alertmanager webhook payload (version 4), to check that detection keeps the formats apart. */
  static final String ALERTMANAGER = """
      {"version": "4", "groupKey": "{}:{alertname=\\"FeatureDrift\\"}", "truncatedAlerts": 0, "status": "firing",
       "receiver": "ml-oncall", "groupLabels": {"alertname": "FeatureDrift"},
       "commonLabels": {"alertname": "FeatureDrift", "severity": "page"},
       "commonAnnotations": {"summary": "PSI of basket_size above 0.25"}, "externalURL": "http://alerts.internal:9093",
       "alerts": [{"status": "firing", "labels": {"alertname": "FeatureDrift", "feature": "basket_size",
         "metric": "psi", "value": "0.31"}, "annotations": {"summary": "PSI of basket_size above 0.25"},
         "startsAt": "2024-05-02T03:00:00Z", "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "",
         "fingerprint": "a1"}]}
      """;

  static Path file(String name) {
    try {
      return Path.of(TfdvReaderTest.class.getResource("/reports/tfdv/" + name).toURI());
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
    return Stream.of("every-anomaly-type.json", "new-payment-values.json", "column-dropped.json", "numeric-drift.json",
        "serving-skew.json", "retyped-fields.json", "out-of-range-values.json", "empty-span.json", "partial-load.json",
        "null-spike.json", "healthy-drift-new-value.json", "text-vocabulary-drift.json", "traffic-surge.json",
        "skew-numeric-serving.json", "no-anomalies.json", "malformed/unknown-anomaly-type.json");
  }

  static Finding only(Report report, String check) {
    List<Finding> found = report.findings().stream().filter(f -> f.check().equals(check)).toList();
    assertThat(found).as("findings of %s in %s", check, report.findings()).hasSize(1);
    return found.get(0);
  }

  @ParameterizedTest(name = "{0} on {1} -> {2} {3}")
  @CsvSource({
      "BOOL_TYPE_BIG_INT, is_returning, SYMPTOM, schema-change",
      "BOOL_TYPE_BYTES_NOT_INT, has_coupon, SYMPTOM, schema-change",
      "BOOL_TYPE_BYTES_NOT_STRING, opted_in, SYMPTOM, schema-change",
      "BOOL_TYPE_FLOAT_NOT_INT, is_prime_member, SYMPTOM, schema-change",
      "BOOL_TYPE_FLOAT_NOT_STRING, email_verified, SYMPTOM, schema-change",
      "BOOL_TYPE_INT_NOT_STRING, newsletter, SYMPTOM, schema-change",
      "BOOL_TYPE_SMALL_INT, gift_wrap, SYMPTOM, schema-change",
      "BOOL_TYPE_STRING_NOT_INT, express_shipping, SYMPTOM, schema-change",
      "BOOL_TYPE_UNEXPECTED_STRING, consent_flag, SYMPTOM, schema-change",
      "BOOL_TYPE_UNEXPECTED_FLOAT, is_weekend, SYMPTOM, schema-change",
      "BOOL_TYPE_INVALID_CONFIG, is_mobile, NOT_A_SIGNAL, ",
      "ENUM_TYPE_BYTES_NOT_STRING, shipping_tier, SYMPTOM, schema-change",
      "ENUM_TYPE_FLOAT_NOT_STRING, store_region, SYMPTOM, schema-change",
      "ENUM_TYPE_INT_NOT_STRING, loyalty_level, SYMPTOM, schema-change",
      "ENUM_TYPE_INVALID_UTF8, product_title, SYMPTOM, schema-change",
      "ENUM_TYPE_UNEXPECTED_STRING_VALUES, payment_method, MEASURED, new-category-rate",
      "FEATURE_TYPE_HIGH_NUMBER_VALUES, recent_categories, SYMPTOM, schema-change",
      "FEATURE_TYPE_LOW_FRACTION_PRESENT, referrer_domain, SYMPTOM, null-rate-spike",
      "FEATURE_TYPE_LOW_NUMBER_PRESENT, coupon_code, SYMPTOM, null-rate-spike",
      "FEATURE_TYPE_LOW_NUMBER_VALUES, cart_item_ids, SYMPTOM, null-rate-spike",
      "FEATURE_TYPE_NOT_PRESENT, warehouse_id, SYMPTOM, null-rate-spike",
      "FEATURE_TYPE_NO_VALUES, search_terms, SYMPTOM, null-rate-spike",
      "FEATURE_TYPE_UNEXPECTED_REPEATED, customer_age, SYMPTOM, schema-change",
      "FEATURE_TYPE_HIGH_UNIQUE, browser_family, SYMPTOM, schema-change",
      "FEATURE_TYPE_LOW_UNIQUE, city, SYMPTOM, feature-distribution-shift",
      "FEATURE_TYPE_NO_UNIQUE, postal_prefix, SYMPTOM, schema-change",
      "FLOAT_TYPE_BIG_FLOAT, order_total, SYMPTOM, unit-or-scale-change",
      "FLOAT_TYPE_NOT_FLOAT, discount_rate, SYMPTOM, schema-change",
      "FLOAT_TYPE_SMALL_FLOAT, unit_price, SYMPTOM, unit-or-scale-change",
      "FLOAT_TYPE_STRING_NOT_FLOAT, latitude, SYMPTOM, schema-change",
      "FLOAT_TYPE_NON_STRING, longitude, SYMPTOM, schema-change",
      "FLOAT_TYPE_UNKNOWN_TYPE_NUMBER, tax_rate, SYMPTOM, schema-change",
      "FLOAT_TYPE_HAS_NAN, delivery_distance_km, SYMPTOM, null-rate-spike",
      "FLOAT_TYPE_HAS_INF, price_per_gram, SYMPTOM, unit-or-scale-change",
      "INT_TYPE_BIG_INT, items_in_cart, SYMPTOM, unit-or-scale-change",
      "INT_TYPE_INT_EXPECTED, page_views, SYMPTOM, schema-change",
      "INT_TYPE_NOT_INT_STRING, zip_code, SYMPTOM, schema-change",
      "INT_TYPE_NOT_STRING, store_number, SYMPTOM, schema-change",
      "INT_TYPE_SMALL_INT, account_age_days, SYMPTOM, unit-or-scale-change",
      "INT_TYPE_STRING_EXPECTED, floor_number, SYMPTOM, schema-change",
      "INT_TYPE_UNKNOWN_TYPE_NUMBER, seat_count, SYMPTOM, schema-change",
      "LOW_SUPPORTED_IMAGE_FRACTION, product_photo, SYMPTOM, schema-change",
      "SCHEMA_MISSING_COLUMN, customer_segment, SYMPTOM, schema-change",
      "SCHEMA_NEW_COLUMN, wallet_provider, SYMPTOM, schema-change",
      "SCHEMA_TRAINING_SERVING_SKEW, basket_value, SYMPTOM, feature-values-differ-serving",
      "STRING_TYPE_NOW_FLOAT, order_reference, SYMPTOM, schema-change",
      "STRING_TYPE_NOW_INT, promo_campaign, SYMPTOM, schema-change",
      "COMPARATOR_CONTROL_DATA_MISSING, courier_name, SYMPTOM, schema-change",
      "COMPARATOR_TREATMENT_DATA_MISSING, pickup_slot, SYMPTOM, schema-change",
      "COMPARATOR_L_INFTY_HIGH, device_type, MEASURED, drift-distance",
      "COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH, session_minutes, MEASURED, drift-distance",
      "COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH, acquisition_channel, MEASURED, drift-distance",
      "SPARSE_FEATURE_MISSING_VALUE, sparse_clicks, SYMPTOM, null-rate-spike",
      "SPARSE_FEATURE_MISSING_INDEX, sparse_impressions, SYMPTOM, null-rate-spike",
      "SPARSE_FEATURE_LENGTH_MISMATCH, sparse_dwell, SYMPTOM, schema-change",
      "SPARSE_FEATURE_NAME_COLLISION, sparse_views, NOT_A_SIGNAL, ",
      "SEMANTIC_DOMAIN_UPDATE, landing_url, NOT_A_SIGNAL, ",
      "WEIGHTED_FEATURE_NAME_COLLISION, weighted_topics, NOT_A_SIGNAL, ",
      "WEIGHTED_FEATURE_MISSING_VALUE, weighted_tags, SYMPTOM, null-rate-spike",
      "WEIGHTED_FEATURE_MISSING_WEIGHT, weighted_genres, SYMPTOM, null-rate-spike",
      "WEIGHTED_FEATURE_LENGTH_MISMATCH, weighted_brands, SYMPTOM, schema-change",
      "VALUE_NESTEDNESS_MISMATCH, order_lines, SYMPTOM, schema-change",
      "DOMAIN_INVALID_FOR_TYPE, review_stars, SYMPTOM, schema-change",
      "FEATURE_MISSING_NAME, unnamed_feature, NOT_A_SIGNAL, ",
      "FEATURE_MISSING_TYPE, untyped_feature, NOT_A_SIGNAL, ",
      "INVALID_SCHEMA_SPECIFICATION, visit_hour, NOT_A_SIGNAL, ",
      "INVALID_DOMAIN_SPECIFICATION, marketing_source, NOT_A_SIGNAL, ",
      "UNEXPECTED_DATA_TYPE, customer_id, SYMPTOM, schema-change",
      "SEQUENCE_VALUE_TOO_FEW_OCCURRENCES, query_tokens, SYMPTOM, feature-distribution-shift",
      "SEQUENCE_VALUE_TOO_MANY_OCCURRENCES, answer_tokens, SYMPTOM, feature-distribution-shift",
      "SEQUENCE_VALUE_TOO_SMALL_FRACTION, title_tokens, SYMPTOM, feature-distribution-shift",
      "SEQUENCE_VALUE_TOO_LARGE_FRACTION, comment_tokens, SYMPTOM, feature-distribution-shift",
      "FEATURE_COVERAGE_TOO_LOW, support_ticket_text, SYMPTOM, feature-distribution-shift",
      "FEATURE_COVERAGE_TOO_SHORT_AVG_TOKEN_LENGTH, chat_message_text, SYMPTOM, feature-distribution-shift",
      "NLP_WRONG_LOCATION, caption_tokens, SYMPTOM, feature-distribution-shift",
      "EMBEDDING_SHAPE_INVALID, user_embedding, SYMPTOM, schema-change",
      "MAX_IMAGE_BYTE_SIZE_EXCEEDED, avatar_image, SYMPTOM, unit-or-scale-change",
      "INVALID_FEATURE_SHAPE, price_history, SYMPTOM, schema-change",
      "STATS_NOT_AVAILABLE, query_embedding, NOT_A_SIGNAL, ",
      "DERIVED_FEATURE_BAD_LIFECYCLE, derived_ratio, NOT_A_SIGNAL, ",
      "DERIVED_FEATURE_INVALID_SOURCE, derived_length, NOT_A_SIGNAL, ",
      "CUSTOM_VALIDATION, refund_amount, TEXT, ",
      "MULTIPLE_REASONS, delivery_eta, NOT_A_SIGNAL, ",
      "UNKNOWN_TYPE, legacy_score, UNKNOWN, ",
      "NO_DATA_IN_SPAN, , SYMPTOM, stale-data",
      "COMPARATOR_LOW_NUM_EXAMPLES, , SYMPTOM, stale-data",
      "COMPARATOR_HIGH_NUM_EXAMPLES, , SYMPTOM, traffic-mix-change",
      "DATASET_LOW_NUM_EXAMPLES, , SYMPTOM, stale-data",
      "DATASET_HIGH_NUM_EXAMPLES, , SYMPTOM, traffic-mix-change"
  })
  void read_everyAnomalyType_mapsAsDocumented(String type, String feature, Kind kind, String target) {
    Finding f = only(Report.read(file("every-anomaly-type.json")), type);
    assertThat(f.format()).isEqualTo(Format.TFDV);
    assertThat(f.kind()).isEqualTo(kind);
    assertThat(f.feature()).isEqualTo(Optional.ofNullable(feature));
    switch (kind) {
      case SYMPTOM -> assertThat(f.symptom()).contains(target);
      case MEASURED -> assertThat(f.observation()).get().extracting(Observation::metric).isEqualTo(target);
      case TEXT -> assertThat(f.text()).get().asString().isNotBlank();
      default -> assertThat(f.symptom()).isEmpty();
    }
    assertThat(f.detail()).startsWith("ERROR: ").isNotEqualTo("ERROR: ");
  }

  @Test
  void everyAnomalyTypeSample_coversEveryMappedType() {
    JsonNode root = json(file("every-anomaly-type.json"));
    Set<String> inSample = Stream.concat(root.get("anomalyInfo").findValues("type").stream(),
            root.get("datasetAnomalyInfo").findValues("type").stream())
        .map(JsonNode::asText).collect(Collectors.toSet());
    assertThat(inSample).containsExactlyInAnyOrderElementsOf(TfdvReader.knownTypes()).hasSize(89);
  }

  @Test
  void read_comparatorAnomaly_takesValueAndThresholdFromDriftSkewInfo() {
    Finding f = only(Report.read(file("every-anomaly-type.json")), "COMPARATOR_L_INFTY_HIGH");
    assertThat(f.observation()).contains(Observation.of("drift-distance", 0.214).threshold(0.05)
        .source("TFDV drift l infty").feature("device_type"));
    assertThat(f.detail()).isEqualTo("ERROR: The Linfty distance between current and previous is 0.214 (up to six"
        + " significant digits), above the threshold 0.05. The feature value with maximum difference is: tablet");
  }

  @Test
  void read_comparatorAnomalyWithoutMeasurement_readsValueAndThresholdFromItsDescription() {
    Finding f = only(Report.read(file("every-anomaly-type.json")), "COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH");
    assertThat(f.observation()).contains(Observation.of("drift-distance", 0.187).threshold(0.1)
        .source("TFDV skew jensen shannon divergence").feature("session_minutes"));
  }

  @Test
  void read_normalizedAbsoluteDifference_keepsThreshold() {
    Finding f = only(Report.read(file("every-anomaly-type.json")), "COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH");
    assertThat(f.observation()).contains(Observation.of("drift-distance", 0.33).threshold(0.2)
        .source("TFDV drift normalized absolute difference").feature("acquisition_channel"));
  }

  @Test
  void read_stableMeasurementsBesideAShiftElsewhere_areMeasuredHealthyValues() {
    Report report = Report.read(file("every-anomaly-type.json"));
    Finding drift = only(report, "driftMeasurements JENSEN_SHANNON_DIVERGENCE");
    assertThat(drift.kind()).isEqualTo(Kind.MEASURED);
    assertThat(drift.feature()).contains("basket_value");
    assertThat(drift.observation()).contains(Observation.of("drift-distance", 0.021).threshold(0.1)
        .source("TFDV drift jensen shannon divergence").feature("basket_value"));
    assertThat(drift.detail()).isEqualTo("drift jensen shannon divergence = 0.021, within the threshold 0.1");
    Finding skew = only(report, "skewMeasurements JENSEN_SHANNON_DIVERGENCE");
    assertThat(skew.kind()).isEqualTo(Kind.MEASURED);
    assertThat(skew.observation()).contains(Observation.of("drift-distance", 0.034).threshold(0.1)
        .source("TFDV skew jensen shannon divergence").feature("basket_value"));
    // The measurements an anomaly already reported are not counted twice.
    assertThat(report.findings(Kind.MEASURED)).extracting(Finding::check).containsExactly(
        "ENUM_TYPE_UNEXPECTED_STRING_VALUES", "COMPARATOR_L_INFTY_HIGH", "COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH",
        "COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH", "driftMeasurements JENSEN_SHANNON_DIVERGENCE",
        "skewMeasurements JENSEN_SHANNON_DIVERGENCE");
  }

  @Test
  void read_stableMeasurementsWithNoShift_areMeasuredHealthyValues() {
    Report report = Report.read(file("healthy-drift-new-value.json"));
    assertThat(report.findings()).extracting(Finding::check, Finding::kind).containsExactly(
        tuple("ENUM_TYPE_UNEXPECTED_STRING_VALUES", Kind.MEASURED), tuple("driftMeasurements L_INFTY", Kind.MEASURED),
        tuple("driftMeasurements JENSEN_SHANNON_DIVERGENCE", Kind.MEASURED),
        tuple("driftMeasurements L_INFTY", Kind.MEASURED));
    Finding parcel = report.findings().get(2);
    assertThat(parcel.observation()).contains(Observation.of("drift-distance", 0.009).threshold(0.1)
        .source("TFDV drift jensen shannon divergence").feature("parcel_weight_kg"));
    assertThat(parcel.detail()).isEqualTo("drift jensen shannon divergence = 0.009, within the threshold 0.1");
  }

  @Test
  void read_unexpectedStringValues_sumsTheListedSharesAsNewCategoryRate() {
    Finding f = only(Report.read(file("every-anomaly-type.json")), "ENUM_TYPE_UNEXPECTED_STRING_VALUES");
    assertThat(f.observation()).contains(Observation.of("new-category-rate", 0.075)
        .source("TFDV ENUM_TYPE_UNEXPECTED_STRING_VALUES").feature("payment_method"));
    Finding paymentValues = only(Report.read(file("new-payment-values.json")), "ENUM_TYPE_UNEXPECTED_STRING_VALUES");
    assertThat(paymentValues.observation()).get().extracting(Observation::value).isEqualTo(0.155);
  }

  @Test
  void read_customValidation_isTextOfTheUsersCondition() {
    Finding f = only(Report.read(file("every-anomaly-type.json")), "CUSTOM_VALIDATION");
    assertThat(f.text()).contains("Refund larger than order. Custom validation triggered: refund_amount must not"
        + " exceed order_total.");
  }

  @Test
  void read_notASignal_saysWhy() {
    Report report = Report.read(file("every-anomaly-type.json"));
    assertThat(only(report, "INVALID_SCHEMA_SPECIFICATION").detail()).isEqualTo("ERROR: min_fraction should not be"
        + " greater than 1. (the schema itself is malformed; fix the schema (nothing is said about the data))");
    assertThat(only(report, "MULTIPLE_REASONS").detail()).endsWith("(a summary of several reasons, each read on"
        + " its own)");
  }

  @Test
  void read_datasetMissing_isStaleData() {
    Report report = Report.read(file("empty-span.json"));
    assertThat(report.findings()).extracting(Finding::check, Finding::kind, Finding::symptom).containsExactly(
        tuple("DATASET_LOW_NUM_EXAMPLES", Kind.SYMPTOM, Optional.of("stale-data")),
        tuple("dataMissing", Kind.SYMPTOM, Optional.of("stale-data")));
  }

  @Test
  void read_protoFieldNames_readAsJsonNames() {
    Report report = Report.read(file("skew-numeric-serving.json"));
    assertThat(report.format()).isEqualTo(Format.TFDV);
    assertThat(report.findings()).extracting(Finding::check, f -> f.observation().map(Observation::value))
        .containsExactly(tuple("COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH", Optional.of(0.46)),
            tuple("COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH", Optional.of(0.22)));
    assertThat(report.findings().get(0).observation().get().source()).contains("TFDV skew jensen shannon divergence");
  }

  @Test
  void read_noAnomalies_isOneFindingWithNoSignal() {
    assertThat(Report.read(file("no-anomalies.json")).findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.NOT_A_SIGNAL);
      assertThat(f.detail()).isEqualTo("no anomalies: the statistics matched the schema");
    });
  }

  @Test
  void read_unknownAnomalyType_isUnknownNeverDropped() {
    Report report = Report.read(file("malformed/unknown-anomaly-type.json"));
    assertThat(report.findings()).extracting(Finding::check, Finding::kind, Finding::feature).containsExactly(
        tuple("ENUM_TYPE_VALUES_RENAMED", Kind.UNKNOWN, Optional.of("shipping_zone")),
        tuple("type 87", Kind.UNKNOWN, Optional.of("shipping_zone")));
    assertThat(report.findings().get(0).detail()).isEqualTo("WARNING: Values were renamed: zone_a to ZONE-A.");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void detect_tfdvSample_picksTfdv(String name) {
    assertThat(Report.read(file(name)).format()).isEqualTo(Format.TFDV);
    assertThat(new GreatExpectationsReader().accepts(json(file(name)))).isFalse();
    assertThat(new AlertmanagerReader().accepts(json(file(name)))).isFalse();
  }

  @Test
  void accepts_alertmanagerPayload_isFalse() {
    JsonNode payload = Json.parse(new StringReader(ALERTMANAGER), "alertmanager");
    assertThat(new TfdvReader().accepts(payload)).isFalse();
    assertThat(Report.parse(ALERTMANAGER, "alertmanager").format()).isEqualTo(Format.ALERTMANAGER);
  }

  @Test
  void accepts_otherShapes_isFalse() {
    TfdvReader reader = new TfdvReader();
    assertThat(reader.accepts(Json.parse(new StringReader("{}"), "empty"))).isFalse();
    assertThat(reader.accepts(Json.parse(new StringReader("[]"), "array"))).isFalse();
    assertThat(reader.accepts(Json.parse(new StringReader(
        "{\"anomalyInfo\": {}, \"results\": []}"), "mixed"))).isFalse();
  }

  @Test
  void read_notJson_failsNamingFileAndPosition() {
    Path f = file("malformed/not-json.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at line 1, column 1: not valid JSON: Unrecognized"
            + " token 'anomaly_info': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
            + " 'false')");
  }

  @Test
  void read_reasonTypeNotAString_failsNamingTheField() {
    Path f = file("malformed/reason-type-not-a-string.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at $.anomalyInfo['loyalty_tier'].reason[0].type: expected a string"
            + " but found object {\"name\":\"ENUM_TYPE_UNEXPECTED_STRING_VALUES\"}");
  }

  @Test
  void read_anomalyInfoNotAnObject_failsNamingTheField() {
    Path f = file("malformed/anomaly-info-is-a-list.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at $.anomalyInfo: expected an object mapping each feature path to"
            + " its AnomalyInfo but found array [{\"severity\":\"ERROR\",\"shortDescription\":\"New column\"}]");
  }

  @Test
  void read_measurementWithoutValue_failsNamingTheMissingField() {
    Path f = file("malformed/measurement-without-value.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at $.driftSkewInfo[0].driftMeasurements[0].value: expected a"
            + " distance: a finite number of zero or more but found nothing (the field is missing)");
  }

  @Test
  void read_explicitFormatOnAnotherShape_failsAtTheRoot() {
    assertThatThrownBy(() -> Report.parse("[1, 2]", "numbers.json", Format.TFDV))
        .isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report numbers.json at $: expected a TFDV Anomalies object (with \"anomalyInfo\")"
            + " but found array [1,2]");
  }

  @Test
  void diagnose_shiftedAndStableFeatures_ranksDriftFirst_andListsTheStableValuesAsHealthy() {
    Report report = Report.parse("""
        {"anomalyInfo": {
          "basket_value": {"severity": "ERROR", "reason": [{"type": "COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH",
            "description": "The Jensen-Shannon divergence between current and previous is 0.31, above 0.1."}]},
          "session_minutes": {"severity": "ERROR", "reason": [{"type": "COMPARATOR_L_INFTY_HIGH",
            "description": "The Linfty distance between current and previous is 0.24, above 0.1."}]}},
         "driftSkewInfo": [
          {"path": {"step": ["basket_value"]},
           "driftMeasurements": [{"type": "JENSEN_SHANNON_DIVERGENCE", "value": 0.31, "threshold": 0.1}]},
          {"path": {"step": ["session_minutes"]},
           "driftMeasurements": [{"type": "L_INFTY", "value": 0.24, "threshold": 0.1}]},
          {"path": {"step": ["age"]},
           "driftMeasurements": [{"type": "JENSEN_SHANNON_DIVERGENCE", "value": 0.02, "threshold": 0.1}]},
          {"path": {"step": ["country"]}, "driftMeasurements": [{"type": "L_INFTY", "value": 0.03, "threshold": 0.1}]},
          {"path": {"step": ["device_type"]},
           "driftMeasurements": [{"type": "L_INFTY", "value": 0.01, "threshold": 0.1}]}]}
        """, "drift-beside-stable.json");
    assertThat(report.format()).isEqualTo(Format.TFDV);
    assertThat(report.findings(Kind.MEASURED)).hasSize(5);
    Diagnosis d = FailureModes.forReports(report).diagnose();
    assertThat(d.candidates()).first().extracting(Candidate::id).isEqualTo("data-drift");
    assertThat(d.resolutions()).flatExtracting(Resolution::measurements)
        .anyMatch(m -> m.startsWith("drift-distance 0.02 on age, healthy (a symptom when > 0.1)"))
        .anyMatch(m -> m.startsWith("drift-distance 0.03 on country, healthy (a symptom when > 0.1)"))
        .anyMatch(m -> m.startsWith("drift-distance 0.31 > 0.1 on basket_value"));
  }
}
