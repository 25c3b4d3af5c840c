package dev.failuremodes.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
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
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Evidently Report, TestSuite and snapshot JSON read into findings: every documented check's mapping. */
class EvidentlyReaderTest {
  private static final String ALERTMANAGER = """
      {"version": "4", "groupKey": "{}:{alertname=\\"FeatureDrift\\"}", "truncatedAlerts": 0, "status": "firing",
       "receiver": "ml-oncall", "groupLabels": {"alertname": "FeatureDrift"},
       "commonLabels": {"alertname": "FeatureDrift", "severity": "warning"}, "commonAnnotations": {},
       "externalURL": "http://alertmanager.example:9093",
       "alerts": [{"status": "firing", "labels": {"alertname": "FeatureDrift", "feature": "basket_value",
                   "metric": "psi", "value": "0.31"},
                   "annotations": {"summary": "PSI of basket_value above 0.2"},
                   "startsAt": "2025-03-02T08:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                   "generatorURL": "http://prometheus.example:9090/graph", "fingerprint": "a1b2c3"}]}
      """;

  static Path file(String name) {
    try {
      return Path.of(Objects.requireNonNull(EvidentlyReaderTest.class.getResource("/reports/evidently/" + name),
          name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Report read(String name) {
    return Report.read(file(name));
  }

  private static JsonNode json(String text) {
    return Json.parse(new StringReader(text), "inline");
  }

  /** The one finding of this kind for a check and feature (empty: none). */
  private static Finding finding(Report report, String check, String feature, Kind kind) {
    List<Finding> found = report.findings().stream()
        .filter(f -> f.check().equals(check) && f.feature().orElse("").equals(feature) && f.kind() == kind)
        .toList();
    assertThat(found).as("%s findings of %s on '%s' in %s", kind, check, feature, report.findings()).hasSize(1);
    return found.get(0);
  }

  // ---- detection ----------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"report-data-drift.json", "report-target-drift.json", "report-data-quality.json",
      "report-classification.json", "report-regression.json", "report-integrity.json", "suite-data-drift.json",
      "suite-data-integrity.json", "suite-data-quality.json", "suite-classification.json", "suite-regression.json",
      "snapshot-drift.json", "snapshot-quality.json", "unknown-check.json", "unknown-test.json",
      "incident-campaign-traffic.json", "incident-snapshot-missing.json"})
  void read_evidentlyFile_isDetectedAsEvidently(String name) {
    Report report = read(name);
    assertThat(report.format()).isEqualTo(Format.EVIDENTLY);
    assertThat(new AlertmanagerReader().accepts(json(text(file(name))))).isFalse();
  }

  @Test
  void accepts_alertmanagerPayload_isFalse() {
    assertThat(new EvidentlyReader().accepts(json(ALERTMANAGER))).isFalse();
    assertThat(Report.parse(ALERTMANAGER, "alerts.json").format()).isEqualTo(Format.ALERTMANAGER);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"anomalyInfo\": {\"age\": {\"description\": \"new values\"}}}",
      "{\"violations\": [{\"feature_name\": \"age\", \"constraint_check_type\": \"baseline_drift_check\"}]}",
      "{\"success\": false, \"results\": [{\"success\": false, \"expectation_config\": {}}], \"statistics\": {}}",
      "{\"name\": \"Data Integrity\", \"results\": [{\"check\": {\"name\": \"Mixed Nulls\"}}]}",
      "{\"metrics\": [1, 2]}",
      "{\"tests\": [{\"name\": \"unit test\"}]}",
      "[{\"metric\": \"DatasetDriftMetric\", \"result\": {}}]"})
  void accepts_otherShapes_isFalse(String text) {
    assertThat(new EvidentlyReader().accepts(json(text))).isFalse();
  }

  // ---- every documented check ---------------------------------------------------------------------------------

  /** file; check; feature; kind; symptom or metric; value; threshold; reference (empty when none). */
  @ParameterizedTest(name = "{0}: {1} on {2}")
  @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
      report-data-drift.json; DatasetDriftMetric; ; MEASURED; drifted-columns-share; 0.8182; 0.5; -
      report-data-drift.json; DataDriftTable; applicant_income; MEASURED; psi; 0.412; 0.1; -
      report-data-drift.json; DataDriftTable; loan_amount; MEASURED; ks-p-value; 0.003; 0.05; -
      report-data-drift.json; DataDriftTable; region_code; MEASURED; chi2-p-value; 0.0001; 0.05; -
      report-data-drift.json; DataDriftTable; employment_years; MEASURED; js-distance; 0.14; 0.1; -
      report-data-drift.json; DataDriftTable; credit_utilisation; MEASURED; wasserstein-distance; 0.27; 0.1; -
      report-data-drift.json; DataDriftTable; has_cosigner; MEASURED; drift-p-value; 0.02; 0.05; -
      report-data-drift.json; DataDriftTable; debt_to_income; MEASURED; drift-distance; 0.16; 0.1; -
      report-data-drift.json; DataDriftTable; months_at_address; MEASURED; drift-distance; 0.35; 0.2; -
      report-data-drift.json; DataDriftTable; account_age_days; MEASURED; drift-p-value; 0.004; 0.05; -
      report-data-drift.json; DataDriftTable; tenure_bucket; MEASURED; js-distance; 0.04; 0.1; -
      report-target-drift.json; ColumnDriftMetric; target; MEASURED; chi2-p-value; 0.0002; 0.05; -
      report-target-drift.json; ColumnDriftMetric; target; SYMPTOM; class-prior-change; -; -; -
      report-target-drift.json; ColumnDriftMetric; prediction; MEASURED; psi; 0.23; 0.1; -
      report-target-drift.json; ColumnDriftMetric; prediction; SYMPTOM; prediction-distribution-shift; -; -; -
      report-target-drift.json; ColumnCorrelationsMetric; ; NOT_A_SIGNAL; -; -; -; -
      report-target-drift.json; TargetByFeaturesTable; ; NOT_A_SIGNAL; -; -; -; -
      report-data-quality.json; ColumnSummaryMetric; applicant_income; MEASURED; missing-rate; 0.29; -; 0.01
      report-data-quality.json; ColumnSummaryMetric; product_tier; SYMPTOM; schema-change; -; -; -
      report-data-quality.json; DatasetMissingValuesMetric; employer_name; MEASURED; missing-rate; 0.1278; -; 0
      report-data-quality.json; DatasetCorrelationsMetric; ; SYMPTOM; high-feature-correlation; -; -; -
      report-classification.json; ClassificationQualityByClass; class 1; MEASURED; score; 0.38; -; 0.55
      report-classification.json; ClassificationClassBalance; ; NOT_A_SIGNAL; -; -; -; -
      report-classification.json; ClassificationConfusionMatrix; ; NOT_A_SIGNAL; -; -; -; -
      report-classification.json; ClassificationRocCurve; ; NOT_A_SIGNAL; -; -; -; -
      report-regression.json; RegressionQualityMetric; ; MEASURED; score; 0.52; -; 0.81
      report-regression.json; RegressionPredictedVsActualScatter; ; NOT_A_SIGNAL; -; -; -; -
      report-regression.json; RegressionErrorDistribution; ; NOT_A_SIGNAL; -; -; -; -
      report-integrity.json; ColumnMissingValuesMetric; employer_name; MEASURED; missing-rate; 0.1278; -; 0.004
      report-integrity.json; ColumnValueListMetric; region_code; MEASURED; new-category-rate; 0.12; -; -
      report-integrity.json; ColumnValueRangeMetric; loan_amount; SYMPTOM; unit-or-scale-change; -; -; -
      report-integrity.json; ColumnRegExpMetric; postcode; SYMPTOM; schema-change; -; -; -
      report-integrity.json; ColumnCategoryMetric; target = 1; MEASURED; class-prevalence; 0.21; -; 0.08
      report-integrity.json; ConflictTargetMetric; ; SYMPTOM; label-errors-found; -; -; -
      report-integrity.json; ConflictPredictionMetric; ; NOT_A_SIGNAL; -; -; -; -
      report-integrity.json; EmbeddingsDriftMetric; review_text_embeddings; SYMPTOM; feature-distribution-shift; -; -; -
      report-integrity.json; ColumnQuantileMetric; ; NOT_A_SIGNAL; -; -; -; -
      suite-data-drift.json; Share of Drifted Columns; ; MEASURED; drifted-columns-share; 0.6; 0.3; -
      suite-data-drift.json; Share of Drifted Columns; region_code; MEASURED; chi2-p-value; 0; 0.05; -
      suite-data-drift.json; Drift per Column; session_length; MEASURED; drift-p-value; 0.001; 0.01; -
      suite-data-drift.json; Drift per Column; device_type; MEASURED; drift-distance; 0.031; 0.1; -
      suite-data-integrity.json; Number of Columns; ; SYMPTOM; schema-change; -; -; -
      suite-data-integrity.json; Number of Rows; ; NOT_A_SIGNAL; -; -; -; -
      suite-data-integrity.json; The Number of Missing Values; ; SYMPTOM; null-rate-spike; -; -; -
      suite-data-integrity.json; Share of Missing Values; ; MEASURED; missing-rate; 0.038; -; 0.0007
      suite-data-integrity.json; Different Types of Missing Values in a Column; employer_name; SYMPTOM; schema-change; -; -; -
      suite-data-integrity.json; The Number of Missing Values in a Column; employer_name; SYMPTOM; null-rate-spike; -; -; -
      suite-data-integrity.json; The Share of Missing Values in a Column; employer_name; MEASURED; missing-rate; 0.1278; -; 0.004
      suite-data-integrity.json; Number of Constant Columns; ; SYMPTOM; stale-data; -; -; -
      suite-data-integrity.json; Number of Empty Rows; ; NOT_A_SIGNAL; -; -; -; -
      suite-data-integrity.json; Number of Duplicate Rows; ; SYMPTOM; duplicates-across-splits; -; -; -
      suite-data-integrity.json; Number of Duplicate Columns; ; SYMPTOM; high-feature-correlation; -; -; -
      suite-data-integrity.json; All Constant Values in a Column; fx_rate; SYMPTOM; stale-data; -; -; -
      suite-data-integrity.json; All Unique Values in a Column; application_id; NOT_A_SIGNAL; -; -; -; -
      suite-data-integrity.json; RegExp Match; postcode; SYMPTOM; schema-change; -; -; -
      suite-data-quality.json; Test number of conflicts in target; ; SYMPTOM; label-errors-found; -; -; -
      suite-data-quality.json; Test number of conflicts in prediction; ; NOT_A_SIGNAL; -; -; -; -
      suite-data-quality.json; Correlation between Target and Prediction; ; SYMPTOM; sudden-production-degradation; -; -; -
      suite-data-quality.json; Highly Correlated Columns; ; SYMPTOM; high-feature-correlation; -; -; -
      suite-data-quality.json; Correlation between Target and Features; ; SYMPTOM; feature-unavailable-at-prediction; -; -; -
      suite-data-quality.json; Correlation between Prediction and Features; ; NOT_A_SIGNAL; -; -; -; -
      suite-data-quality.json; Change in Correlation; ; SYMPTOM; feature-distribution-shift; -; -; -
      suite-data-quality.json; Min Value; applicant_income; SYMPTOM; feature-distribution-shift; -; -; -
      suite-data-quality.json; Max Value; applicant_income; NOT_A_SIGNAL; -; -; -; -
      suite-data-quality.json; Share of the Most Common Value; channel; SYMPTOM; feature-distribution-shift; -; -; -
      suite-data-quality.json; Mean Value Stability; loan_amount; SYMPTOM; feature-distribution-shift; -; -; -
      suite-data-quality.json; Value Range; loan_amount; SYMPTOM; unit-or-scale-change; -; -; -
      suite-data-quality.json; Out-of-List Values; region_code; SYMPTOM; schema-change; -; -; -
      suite-data-quality.json; Share of Out-of-List Values; region_code; MEASURED; new-category-rate; 0.12; 0.01; -
      suite-data-quality.json; Quantile Value; loan_amount; NOT_A_SIGNAL; -; -; -; -
      suite-classification.json; Accuracy Score; ; MEASURED; score; 0.812; -; 0.874
      suite-classification.json; Recall Score; ; MEASURED; score; 0.38; -; 0.55
      suite-classification.json; F1 Score; ; MEASURED; score; 0.41; -; -
      suite-classification.json; ROC AUC Score; ; MEASURED; score; 0.79; -; -
      suite-classification.json; Logarithmic Loss; ; SYMPTOM; probabilities-miscalibrated; -; -; -
      suite-classification.json; True Positive Rate; ; MEASURED; minority-recall; 0.38; 0.5; -
      suite-classification.json; True Negative Rate; ; NOT_A_SIGNAL; -; -; -; -
      suite-classification.json; False Positive Rate; ; SYMPTOM; threshold-poorly-chosen; -; -; -
      suite-classification.json; Precision Score by Class; class 0; MEASURED; score; 0.9; -; 0.92
      suite-classification.json; Recall Score by Class; class 1; MEASURED; score; 0.38; -; 0.55
      suite-classification.json; F1 Score by Class; class 2; NOT_A_SIGNAL; -; -; -; -
      suite-regression.json; Mean Absolute Error (MAE); ; SYMPTOM; sudden-production-degradation; -; -; -
      suite-regression.json; Root Mean Square Error (RMSE); ; NOT_A_SIGNAL; -; -; -; -
      suite-regression.json; Mean Absolute Percentage Error (MAPE); ; NOT_A_SIGNAL; -; -; -; -
      suite-regression.json; R2 Score; ; MEASURED; score; 0.52; -; 0.81
      incident-rare-class.json; False Negative Rate; ; NOT_A_SIGNAL; -; -; -; -
      incident-unit-change.json; Share of Out-of-Range Values; transaction_amount; SYMPTOM; unit-or-scale-change; -; -; -
      incident-stale-feature.json; Number of Unique Values; fx_rate_usd; SYMPTOM; feature-distribution-shift; -; -; -
      incident-target-leak.json; Correlation between Prediction and Features; ; SYMPTOM; single-feature-dominance; -; -; -
      incident-correlated-features.json; DatasetSummaryMetric; ; NOT_A_SIGNAL; -; -; -; -
      snapshot-drift.json; DriftedColumnsCount; ; MEASURED; drifted-columns-share; 0.6; 0.5; -
      snapshot-drift.json; ValueDrift; basket_value; MEASURED; wasserstein-distance; 0.34; 0.1; -
      snapshot-drift.json; ValueDrift; store_region; MEASURED; chi2-p-value; 0.0004; 0.05; -
      snapshot-drift.json; ValueDrift; coupon_used; MEASURED; drift-p-value; 0.02; 0.05; -
      snapshot-drift.json; ValueDrift; items_per_order; MEASURED; psi; 0.08; 0.2; -
      snapshot-drift.json; ValueDrift; prediction; UNKNOWN; -; -; -; -
      snapshot-drift.json; MissingValueCount; basket_value; MEASURED; missing-rate; 0.014; -; -
      snapshot-drift.json; RowCount; ; NOT_A_SIGNAL; -; -; -; -
      snapshot-drift.json; Count of drifted columns; ; NOT_A_SIGNAL; -; -; -; -
      snapshot-drift.json; Row count; ; NOT_A_SIGNAL; -; -; -; -
      snapshot-quality.json; Accuracy; ; MEASURED; score; 0.931; -; -
      snapshot-quality.json; F1Score; ; MEASURED; score; 0.66; -; -
      snapshot-quality.json; TPR; ; MEASURED; minority-recall; 0.58; -; -
      snapshot-quality.json; RecallByLabel; class 1; MEASURED; score; 0.58; -; -
      snapshot-quality.json; OutListValueCount; device_os; MEASURED; new-category-rate; 0.031; -; -
      snapshot-quality.json; DatasetMissingValueCount; ; MEASURED; missing-rate; 0; -; -
      snapshot-quality.json; DuplicatedRowCount; ; NOT_A_SIGNAL; -; -; -; -
      snapshot-quality.json; Duplicated row count; ; SYMPTOM; duplicates-across-splits; -; -; -
      snapshot-quality.json; Mean value; session_seconds; SYMPTOM; feature-distribution-shift; -; -; -
      snapshot-quality.json; Out of range values; basket_value; NOT_A_SIGNAL; -; -; -; -
      snapshot-quality.json; SemanticSimilarityScore; answer; UNKNOWN; -; -; -; -
      snapshot-quality.json; Custom check; ; UNKNOWN; -; -; -; -
      unknown-check.json; HoldoutLeakageMetric; ; UNKNOWN; -; -; -; -
      unknown-test.json; Precision@K for top-10 recommendations; ; UNKNOWN; -; -; -; -
      """)
  void read_documentedCheck_mapsToCatalogTerms(String name, String check, String feature, Kind kind, String target,
      Double value, Double threshold, Double reference) {
    Finding f = finding(read(name), check, feature == null ? "" : feature, kind);
    assertThat(f.format()).isEqualTo(Format.EVIDENTLY);
    switch (kind) {
      case SYMPTOM -> assertThat(f.symptom()).contains(target);
      case MEASURED -> {
        Observation o = f.observation().orElseThrow();
        assertThat(o.metric()).isEqualTo(target);
        assertThat(o.value()).isCloseTo(value, offset(1e-9));
        assertThat(o.feature()).isEqualTo(f.feature());
        assertThat(o.source()).contains("Evidently " + check);
        if (threshold == null) {
          assertThat(o.threshold()).isEmpty();
        } else {
          assertThat(o.threshold()).hasValue(threshold);
        }
        if (reference == null) {
          assertThat(o.reference()).isEmpty();
        } else {
          assertThat(o.reference()).hasValue(reference);
        }
      }
      default -> assertThat(f.symptom()).isEmpty();
    }
  }

  @Test
  void read_classificationQuality_givesEveryScoreWithItsReference() {
    List<Observation> scores = read("report-classification.json").findings().stream()
        .filter(f -> f.check().equals("ClassificationQualityMetric"))
        .map(f -> f.observation().orElseThrow())
        .filter(o -> o.metric().equals("score"))
        .toList();
    assertThat(scores).extracting(Observation::value).containsExactly(0.812, 0.44, 0.38, 0.41, 0.79);
    assertThat(scores).extracting(o -> o.reference().getAsDouble()).containsExactly(0.874, 0.58, 0.55, 0.56, 0.88);
    assertThat(read("report-classification.json").findings(Kind.MEASURED))
        .extracting(f -> f.observation().orElseThrow())
        .filteredOn(o -> o.metric().equals("minority-recall"))
        .singleElement()
        .satisfies(o -> {
          assertThat(o.value()).isEqualTo(0.38);
          assertThat(o.reference()).hasValue(0.55);
        });
  }

  @Test
  void read_datasetSummaryAgainstReference_reportsEachChange() {
    assertThat(read("report-data-quality.json").findings(Kind.SYMPTOM))
        .filteredOn(f -> f.check().equals("DatasetSummaryMetric"))
        .extracting(f -> f.symptom().orElseThrow(), Finding::detail)
        .containsExactly(
            tuple("schema-change", "11 columns, reference 12"),
            tuple("null-rate-spike", "1 empty columns, reference 0"),
            tuple("stale-data", "1 constant columns, reference 0"));
  }

  @Test
  void read_falseNegativeRate_isTheRecallItLeaves() {
    Finding f = finding(read("suite-classification.json"), "False Negative Rate", "", Kind.NOT_A_SIGNAL);
    assertThat(f.detail()).isEqualTo("counted once, by an earlier check of this report (minority-recall = 0.38): "
        + "FNR 0.62 (recall 0.38), FAIL: The False Negative Rate is 0.62. The test threshold is lt=0.4");
    Finding fnr = finding(read("snapshot-quality.json"), "FNR", "", Kind.NOT_A_SIGNAL);
    assertThat(fnr.detail()).startsWith("counted once, by an earlier check of this report (minority-recall = 0.58)");
  }

  @Test
  void read_falseNegativeRateAlone_givesMinorityRecallWithTheComplementBound() {
    Report r = Report.parse("""
        {"version": "0.4.33", "summary": {"all_passed": false}, "tests": [
          {"name": "False Negative Rate", "description": "The False Negative Rate is 0.7.", "status": "FAIL",
           "group": "classification", "parameters": {"condition": {"lt": 0.3}, "fnr": 0.7}}]}
        """, "fnr.json");
    Observation o = r.findings().get(0).observation().orElseThrow();
    assertThat(o.metric()).isEqualTo("minority-recall");
    assertThat(o.value()).isCloseTo(0.3, offset(1e-9));
    assertThat(o.threshold().getAsDouble()).isCloseTo(0.7, offset(1e-9));
  }

  @Test
  void read_sameValueInTwoChecks_countsOnce() {
    Report r = read("suite-data-drift.json");
    assertThat(r.findings(Kind.MEASURED)).filteredOn(f -> f.feature().orElse("").equals("applicant_income"))
        .hasSize(1);
    assertThat(finding(r, "Drift per Column", "applicant_income", Kind.NOT_A_SIGNAL).detail()).isEqualTo(
        "counted once, by an earlier check of this report (psi = 0.412): PSI 0.412 (threshold 0.1), drift detected");
    assertThat(finding(r, "Number of Drifted Features", "", Kind.NOT_A_SIGNAL).detail())
        .startsWith("counted once, by an earlier check of this report (drifted-columns-share = 0.6)");
  }

  @Test
  void read_healthyColumnBesideDriftedOnes_isMeasured() {
    Finding f = finding(read("report-data-drift.json"), "DataDriftTable", "monthly_payment", Kind.MEASURED);
    assertThat(f.observation()).contains(Observation.of("drift-distance", 0.03).threshold(0.1)
        .feature("monthly_payment").source("Evidently DataDriftTable"));
    assertThat(f.detail()).isEqualTo("Hellinger distance (normed) 0.03 (threshold 0.1), no drift");
  }

  @Test
  void read_noColumnDrifted_everyHealthyColumnCountsAgainst() {
    Report r = read("incident-concept-drift.json");
    assertThat(r.findings(Kind.MEASURED)).filteredOn(f -> f.check().equals("DataDriftTable"))
        .extracting(f -> f.observation().orElseThrow().metric())
        .containsExactly("ks-p-value", "ks-p-value", "ks-p-value", "chi2-p-value", "chi2-p-value");
  }

  @Test
  void read_missingValuesWithoutVerdict_everyColumnIsMeasured() {
    Report r = Report.parse("""
        {"metrics": [
          {"id": "m1", "metric_id": "MissingValueCount(column=humidity)", "value": {"count": 40, "share": 0.4}},
          {"id": "m2", "metric_id": "MissingValueCount(column=wind)", "value": {"count": 1, "share": 0.01}}]}
        """, "missing.json");
    assertThat(r.findings()).extracting(Finding::kind).containsExactly(Kind.MEASURED, Kind.MEASURED);
    assertThat(r.findings().get(1).observation()).contains(Observation.of("missing-rate", 0.01).feature("wind")
        .source("Evidently MissingValueCount"));
    assertThat(r.findings().get(1).detail()).isEqualTo("share of missing values 0.01");
  }

  @Test
  void read_snapshotColumnWithoutAFailedTest_isMeasuredBesideTheFlaggedOne() {
    Report r = read("incident-snapshot-missing.json");
    assertThat(finding(r, "MissingValueCount", "humidity", Kind.MEASURED).observation().orElseThrow().value())
        .isEqualTo(0.382);
    Finding airPressure = finding(r, "MissingValueCount", "air_pressure", Kind.MEASURED);
    assertThat(airPressure.observation()).contains(Observation.of("missing-rate", 0.379).feature("air_pressure")
        .source("Evidently MissingValueCount"));
    assertThat(airPressure.observation().orElseThrow().threshold()).isEmpty();
  }

  @Test
  void read_qualityDropWithoutDrift_isPerformanceDropWithStableInputs() {
    Finding f = finding(read("incident-concept-drift.json"), "ClassificationQualityMetric", "", Kind.SYMPTOM);
    assertThat(f.symptom()).contains("performance-drop-stable-inputs");
    assertThat(f.detail()).isEqualTo("precision 0.52 against 0.79 in reference, while DatasetDriftMetric finds no"
        + " dataset drift");
    assertThat(read("incident-regression-drift.json").findings(Kind.SYMPTOM)).isEmpty();
  }

  @Test
  void read_failedInTheBetterDirection_isNoSymptom() {
    assertThat(finding(read("suite-regression.json"), "Root Mean Square Error (RMSE)", "", Kind.NOT_A_SIGNAL)
        .detail()).isEqualTo("failed in the better direction (lower than expected): FAIL: The RMSE is 6.1. The test"
            + " threshold is eq=7.2 ± 0.72.");
  }

  @Test
  void read_unknownChecks_areListedNotDropped() {
    assertThat(finding(read("unknown-check.json"), "HoldoutLeakageMetric", "", Kind.UNKNOWN).detail())
        .isEqualTo("a metric this library does not know");
    assertThat(finding(read("unknown-test.json"), "Precision@K for top-10 recommendations", "", Kind.UNKNOWN)
        .detail()).isEqualTo("a test this library does not know (FAIL: Precision@10 is 0.11. The test threshold is"
            + " gt=0.2)");
  }

  @Test
  void driftMetric_stattestNamesAndDisplayNames_mapOntoTheCatalog() {
    assertThat(List.of("psi", "PSI", "ks", "K-S p_value", "chisquare", "chi-square p_value", "jensenshannon",
        "Jensen-Shannon distance", "wasserstein", "Wasserstein distance (normed)", "z", "anderson", "fisher_exact",
        "cramer_von_mises", "g_test", "mannw", "es", "t_test", "TVD", "kl_div", "hellinger", "ed", "Energy-distance",
        "my test"))
        .extracting(EvidentlyReader::driftMetric)
        .containsExactly("psi", "psi", "ks-p-value", "ks-p-value", "chi2-p-value", "chi2-p-value", "js-distance",
            "js-distance", "wasserstein-distance", "wasserstein-distance", "drift-p-value", "drift-p-value",
            "drift-p-value", "drift-p-value", "drift-p-value", "drift-p-value", "drift-p-value", "drift-p-value",
            "drift-p-value", "drift-distance", "drift-distance", "drift-distance", "drift-distance", null);
  }

  @Test
  void descriptive_everyPlotAndTableIsNotASignal() {
    StringBuilder metrics = new StringBuilder("{\"metrics\": [");
    for (String name : EvidentlyReader.DESCRIPTIVE.keySet()) {
      metrics.append(metrics.length() > 13 ? "," : "").append("{\"metric\": \"").append(name)
          .append("\", \"result\": {}}");
    }
    Report r = Report.parse(metrics.append("]}").toString(), "plots.json");
    assertThat(r.findings()).hasSize(EvidentlyReader.DESCRIPTIVE.size())
        .allMatch(f -> f.kind() == Kind.NOT_A_SIGNAL);
  }

  // ---- malformed ----------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      malformed-not-json.json| at line 2, column 66: not valid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name
      malformed-wrong-type.json| at $.metrics[0].result.drift_by_columns.loan_amount.drift_score: expected a number but found string "very high"
      malformed-missing-field.json| at $.tests[1].parameters.stattest: expected a string but found nothing (the field is missing)
      malformed-unknown-status.json| at $.tests[0].status: expected one of SUCCESS, FAIL, WARNING, ERROR, SKIPPED but found string "PASSED"; pass the test suite's JSON unchanged
      malformed-result-not-object.json| at $.metrics[1].result: expected an object but found string "not computed"
      malformed-snapshot-value.json| at $.metrics[0].value: expected an object {"count", "share"} but found string "many"
      """)
  void read_malformedFile_failsNamingFileLocationAndExpectation(String name, String problem) {
    Path p = file(name);
    assertThatThrownBy(() -> Report.read(p)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + p + " " + problem);
  }

  @Test
  void read_otherJsonNamedAsEvidently_failsNamingTheShapes() {
    assertThatThrownBy(() -> Report.parse(ALERTMANAGER, "alerts.json", Format.EVIDENTLY))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith("Cannot read report alerts.json at $: expected an Evidently report ({\"metrics\": "
            + "[...]}) or test suite ({\"tests\": [...]}) but found object {");
  }

  @Test
  void read_conditionOfAnotherType_failsAtTheCondition() {
    assertThatThrownBy(() -> Report.parse("""
        {"tests": [{"name": "Share of Missing Values", "description": "", "status": "FAIL", "group": "data_integrity",
          "parameters": {"condition": {"lt": "low"}, "value": 0.3}}]}
        """, "suite.json"))
        .isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report suite.json at $.tests[0].parameters.condition.lt: expected a number or an "
            + "approx object {\"value\", \"relative\", \"absolute\"} but found string \"low\"");
  }

  @Test
  void diagnose_driftedAndStableColumns_ranksDriftFirst_andListsTheStableValuesAsHealthy() {
    Report r = Report.parse("""
        {"version": "0.4.33", "metrics": [{"metric": "DataDriftTable", "result": {"drift_by_columns": {
          "basket_value": {"column_name": "basket_value", "column_type": "num", "stattest_name": "PSI",
            "stattest_threshold": 0.1, "drift_score": 0.41, "drift_detected": true},
          "session_minutes": {"column_name": "session_minutes", "column_type": "num",
            "stattest_name": "Wasserstein distance (normed)", "stattest_threshold": 0.1, "drift_score": 0.27,
            "drift_detected": true},
          "age": {"column_name": "age", "column_type": "num", "stattest_name": "PSI", "stattest_threshold": 0.1,
            "drift_score": 0.03, "drift_detected": false},
          "country": {"column_name": "country", "column_type": "cat", "stattest_name": "Jensen-Shannon distance",
            "stattest_threshold": 0.1, "drift_score": 0.04, "drift_detected": false},
          "tenure_days": {"column_name": "tenure_days", "column_type": "num", "stattest_name": "K-S p_value",
            "stattest_threshold": 0.05, "drift_score": 0.41, "drift_detected": false}}}}]}
        """, "drift-beside-stable.json");
    assertThat(r.findings(Kind.MEASURED)).hasSize(5);
    Diagnosis d = FailureModes.forReports(r).diagnose();
    assertThat(d.candidates()).first().extracting(Candidate::id).isEqualTo("data-drift");
    assertThat(d.resolutions()).flatExtracting(Resolution::measurements)
        .anyMatch(m -> m.startsWith("psi 0.03 on age, healthy (a symptom when > 0.1)"))
        .anyMatch(m -> m.startsWith("js-distance 0.04 on country, healthy (a symptom when > 0.1)"))
        .anyMatch(m -> m.startsWith("ks-p-value 0.41 on tenure_days, healthy (a symptom when < 0.05)"))
        .anyMatch(m -> m.startsWith("psi 0.41 > 0.1 on basket_value"));
  }
}
