package dev.failuremodes.internal.alerts;

import static dev.failuremodes.internal.alerts.SageMakerReaderTest.ALERTMANAGER_PAYLOAD;
import static dev.failuremodes.internal.alerts.SageMakerReaderTest.file;
import static dev.failuremodes.internal.alerts.SageMakerReaderTest.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeepchecksReaderTest {
  private static List<Finding> of(Report report, String check) {
    return report.findings().stream().filter(f -> f.check().equals(check)).toList();
  }

  private static Finding only(Report report, String check) {
    List<Finding> found = of(report, check);
    assertThat(found).as("findings of %s", check).hasSize(1);
    return found.get(0);
  }

  private static Finding on(Report report, String check, String feature) {
    List<Finding> found = of(report, check).stream().filter(f -> f.feature().equals(java.util.Optional.of(feature)))
        .toList();
    assertThat(found).as("findings of %s on %s", check, feature).hasSize(1);
    return found.get(0);
  }

  private static Observation observation(Finding f) {
    assertThat(f.kind()).isEqualTo(Kind.MEASURED);
    return f.observation().orElseThrow();
  }

  private static Report suite(String... results) {
    return Report.parse("{\"name\": \"Custom Suite\", \"type\": \"SuiteResult\", \"results\": ["
        + String.join(",", results) + "]}", "inline.json");
  }

  private static String result(String check, Object value, String status, String condition, String details) {
    return "{\"type\": \"CheckResult\", \"check\": {\"name\": \"" + check + "\", \"params\": {}, \"summary\": \"S.\"},"
        + " \"header\": \"" + check + "\", \"value\": " + value + ", \"conditions_results\": [{\"Status\": \""
        + status + "\", \"Condition\": \"" + condition + "\", \"More Info\": \"" + details + "\"}], \"display\": []}";
  }

  @Test
  void featureDrift_measuresEveryColumnByMethodWithTheConditionsLimits() {
    Report report = Report.read(file("deepchecks", "train-test-validation-suite.json"));
    assertThat(observation(on(report, "Feature Drift", "region"))).isEqualTo(Observation.of("psi", 0.41)
        .feature("region").threshold(0.2).source("Deepchecks Feature Drift"));
    assertThat(observation(on(report, "Feature Drift", "signup_age_days"))).isEqualTo(
        Observation.of("ks-statistic", 0.33).feature("signup_age_days").threshold(0.1)
            .source("Deepchecks Feature Drift"));
    // Columns within their limit (Cramer's V, Earth Mover's Distance) are measured all the same: healthy values.
    assertThat(observation(on(report, "Feature Drift", "plan_tier"))).isEqualTo(Observation.of("drift-distance", 0.07)
        .feature("plan_tier").threshold(0.2).source("Deepchecks Feature Drift"));
    Finding healthy = on(report, "Feature Drift", "monthly_spend");
    assertThat(healthy.kind()).isEqualTo(Kind.MEASURED);
    assertThat(observation(healthy)).isEqualTo(Observation.of("drift-distance", 0.03).feature("monthly_spend")
        .threshold(0.1).source("Deepchecks Feature Drift"));
    assertThat(healthy.detail()).isEqualTo("Earth Mover's Distance 0.03 (limit 0.1)");
  }

  @Test
  void featureDrift_aSingleCheckResultIsReadToo() {
    Report report = Report.read(file("deepchecks", "feature-drift-check.json"));
    assertThat(report.format()).isEqualTo(Format.DEEPCHECKS);
    assertThat(report.findings()).extracting(f -> f.observation().orElseThrow().metric())
        .containsExactly("drift-distance", "ks-statistic");
  }

  @Test
  void earlierReleases_namesWithoutTypesAndOlderConditionWording() {
    Report report = Report.read(file("deepchecks", "legacy-names.json"));
    assertThat(observation(on(report, "Train Test Feature Drift", "plan_tier"))).isEqualTo(Observation.of("psi", 0.26)
        .feature("plan_tier").threshold(0.2).source("Deepchecks Train Test Feature Drift"));
    assertThat(observation(on(report, "Train Test Feature Drift", "monthly_spend")).threshold()).hasValue(0.1);
    assertThat(observation(only(report, "Whole Dataset Drift"))).isEqualTo(Observation.of("drift-distance", 0.32)
        .threshold(0.25).source("Deepchecks Whole Dataset Drift"));
    assertThat(observation(on(report, "Category Mismatch Train Test", "plan_tier")).value()).isEqualTo(0.05);
    assertThat(only(report, "Label Ambiguity").symptom()).contains("label-errors-found");
  }

  @Test
  void multivariateDrift_measuresTheDomainClassifiersScore() {
    Finding f = only(Report.read(file("deepchecks", "train-test-validation-suite.json")), "Multivariate Drift");
    assertThat(observation(f)).isEqualTo(Observation.of("drift-distance", 0.5812).threshold(0.25)
        .source("Deepchecks Multivariate Drift"));
    assertThat(f.detail()).isEqualTo("domain classifier drift score 0.5812 (AUC 0.7906), limit 0.25; most explaining"
        + " feature signup_age_days (0.64)");
  }

  @Test
  void labelAndPredictionDrift_areSymptomsWhenFailed_andNoSignalWhenPassed() {
    Report failed = Report.read(file("deepchecks", "label-drift.json"));
    assertThat(only(failed, "Label Drift").symptom()).contains("class-prior-change");
    assertThat(only(failed, "Label Drift").detail())
        .isEqualTo("FAIL Label drift score < 0.15: Label's drift score Cramer's V is 0.31");
    assertThat(only(failed, "Prediction Drift").symptom()).contains("prediction-distribution-shift");
    Finding passed = only(Report.read(file("deepchecks", "train-test-drift.json")), "Label Drift");
    assertThat(passed.kind()).isEqualTo(Kind.NOT_A_SIGNAL);
    assertThat(passed.detail()).endsWith("passed: PASS Label drift score < 0.15: Label's drift score Cramer's V is"
        + " 0.05");
  }

  @Test
  void newCategory_measuresTheShareOfTestRowsPerColumn() {
    Report report = Report.read(file("deepchecks", "new-categories.json"));
    assertThat(observation(on(report, "New Category Train Test", "payment_method"))).isEqualTo(
        Observation.of("new-category-rate", 0.143).feature("payment_method").threshold(0.0)
            .source("Deepchecks New Category Train Test"));
    assertThat(on(report, "New Category Train Test", "payment_method").detail())
        .isEqualTo("1430 of 10000 test rows have a category unseen in train (bnpl_klarna, crypto)");
    Finding country = on(report, "New Category Train Test", "country");
    assertThat(country.kind()).isEqualTo(Kind.MEASURED);
    assertThat(observation(country)).isEqualTo(Observation.of("new-category-rate", 0.0).feature("country")
        .threshold(0.0).source("Deepchecks New Category Train Test"));
    assertThat(country.detail()).isEqualTo("no category unseen in train");
  }

  @Test
  void percentOfNulls_measuresEveryColumn() {
    Report report = Report.read(file("deepchecks", "missing-values.json"));
    assertThat(observation(on(report, "Percent Of Nulls", "employer_name"))).isEqualTo(
        Observation.of("missing-rate", 0.3812).feature("employer_name").threshold(0.05)
            .source("Deepchecks Percent Of Nulls"));
    assertThat(observation(on(report, "Percent Of Nulls", "years_at_address")).value()).isEqualTo(0.2744);
    Finding healthy = on(report, "Percent Of Nulls", "monthly_rent");
    assertThat(healthy.kind()).isEqualTo(Kind.MEASURED);
    assertThat(observation(healthy)).isEqualTo(Observation.of("missing-rate", 0.0).feature("monthly_rent")
        .threshold(0.05).source("Deepchecks Percent Of Nulls"));
    assertThat(healthy.detail()).isEqualTo("0% null");
  }

  @Test
  void mixedNulls_isTextWhenFailed_andKeepsTheSharesWhenPassed() {
    Finding failed = only(Report.read(file("deepchecks", "missing-values.json")), "Mixed Nulls");
    assertThat(failed.kind()).isEqualTo(Kind.TEXT);
    assertThat(failed.text()).contains("Mixed Nulls failed. Finds columns holding several kinds of null value. Found 1"
        + " out of 14 columns with amount of null types above threshold: ['employment_type']");
    Finding passed = only(Report.read(file("deepchecks", "leaky-feature.json")), "Mixed Nulls");
    assertThat(passed.kind()).isEqualTo(Kind.NOT_A_SIGNAL);
    assertThat(passed.detail()).startsWith("nulls: employment_type ('N/A' 4.24%, 'numpy.nan' 1.92%);"
        + " home_ownership ('numpy.nan' 0.7%); passed");
  }

  @Test
  void trainTestPerformance_measuresTheWorstGap_andReadsEachCondition() {
    Report report = Report.read(file("deepchecks", "model-evaluation-suite.json"));
    List<Finding> findings = of(report, "Train Test Performance");
    Observation gap = observation(findings.get(0));
    assertThat(gap.metric()).isEqualTo("train-test-gap");
    assertThat(gap.value()).isCloseTo(0.345, within(1e-9));
    assertThat(gap.threshold().getAsDouble()).isCloseTo(0.0987, within(1e-9));
    assertThat(gap.feature()).contains("class 1");
    assertThat(findings.get(0).detail()).isEqualTo("F1 train 0.987, test 0.642");
    assertThat(findings.get(1).symptom()).contains("rare-class-missed");
    Finding low = of(Report.read(file("deepchecks", "underfit.json")), "Train Test Performance").get(1);
    assertThat(low.kind()).isEqualTo(Kind.TEXT);
    assertThat(low.detail()).isEqualTo("FAIL Scores are greater than 0.7: Found 1 scores below threshold. Found"
        + " minimum score for F1 metric of value 0.571");
  }

  @Test
  void weakSegments_measuresTheSliceGapWithTheRelativeLimit() {
    Finding f = only(Report.read(file("deepchecks", "weak-segment.json")), "Weak Segments Performance");
    Observation o = observation(f);
    assertThat(o.metric()).isEqualTo("slice-gap");
    assertThat(o.value()).isCloseTo(0.8812 - 0.432, within(1e-9)); // the segment's score as the details round it
    assertThat(o.threshold().getAsDouble()).isCloseTo(0.2 * 0.8812, within(1e-9));
  }

  @Test
  void boostingOverfit_measuresTheLastGap_andIsTrainedPastItsBestWhenFailed() {
    List<Finding> f = of(Report.read(file("deepchecks", "overfit.json")), "Boosting Overfit");
    assertThat(observation(f.get(0)).value()).isCloseTo(0.998 - 0.762, within(1e-9));
    assertThat(f.get(1).symptom()).contains("trained-past-best-epoch");
    assertThat(f.get(1).detail()).isEqualTo("FAIL Test score over iterations is less than 5% from the best score:"
        + " Found score decline of -5.93%");
  }

  @Test
  void rocReport_measuresEveryClassAuc_andFailsAsText() {
    Report leaky = Report.read(file("deepchecks", "leaky-feature.json"));
    assertThat(observation(on(leaky, "Roc Report", "class 0"))).isEqualTo(Observation.of("score", 0.9981)
        .feature("class 0").source("Deepchecks Roc Report"));
    assertThat(observation(on(leaky, "Roc Report", "class 1"))).isEqualTo(Observation.of("score", 0.9981)
        .feature("class 1").source("Deepchecks Roc Report"));
    assertThat(of(Report.read(file("deepchecks", "underfit.json")), "Roc Report")).extracting(Finding::kind)
        .containsExactly(Kind.MEASURED, Kind.MEASURED, Kind.TEXT);
  }

  @Test
  void modelInferenceTime_measuresMillisecondsAgainstTheLimit() {
    assertThat(observation(only(Report.read(file("deepchecks", "slow-model.json")), "Model Inference Time")))
        .isEqualTo(Observation.of("latency-ms", 42.3).threshold(1.0).source("Deepchecks Model Inference Time"));
  }

  @Test
  void featureLabelCorrelation_namesEachFeatureOverTheLimit() {
    Finding f = only(Report.read(file("deepchecks", "data-integrity-suite.json")), "Feature Label Correlation");
    assertThat(f.kind()).isEqualTo(Kind.SYMPTOM);
    assertThat(f.symptom()).contains("single-feature-dominance");
    assertThat(f.feature()).contains("account_closure_code");
    assertThat(f.detail()).startsWith("predictive power score 0.94 alone; Features' Predictive Power Score is less"
        + " than 0.8");
  }

  @Test
  void featureLabelCorrelationChange_readsItsTwoConditionsApart() {
    List<Finding> f = of(Report.read(file("deepchecks", "train-test-validation-suite.json")),
        "Feature Label Correlation Change");
    assertThat(f).extracting(Finding::kind).containsExactly(Kind.TEXT, Kind.SYMPTOM);
    assertThat(f.get(0).text()).contains("Feature Label Correlation Change failed. Compares each feature's predictive"
        + " power score in train and in test. Found 1 out of 4 features with PPS difference above threshold:"
        + " {'branch_code': '0.48'}");
    assertThat(f.get(1).feature()).contains("settlement_status");
    assertThat(f.get(1).symptom()).contains("single-feature-dominance");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Simple Model Comparison            | simple-model-matches-complex
      Conflicting Labels                 | label-errors-found
      Feature Feature Correlation        | high-feature-correlation
      Index Train Test Leakage           | duplicates-across-splits
      Train Test Samples Mix             | duplicates-across-splits
      New Label Train Test               | class-prior-change
      Dominant Frequency Change          | feature-distribution-shift
      Calibration Score                  | probabilities-miscalibrated
      Model Error Analysis               | subgroup-performance-gap
      Segment Performance                | subgroup-performance-gap
      Label Drift                        | class-prior-change
      Prediction Drift                   | prediction-distribution-shift
      """)
  void symptomChecks_failedIsTheSymptom_passedIsNoSignal(String check, String symptom) {
    Report report = suite(result(check, "{}", "FAIL", "Some limit of 0.1", "Found 12%"),
        result(check, "{}", "PASS", "Some limit of 0.1", "Found 1%"));
    assertThat(report.findings().get(0).kind()).isEqualTo(Kind.SYMPTOM);
    assertThat(report.findings().get(0).symptom()).contains(symptom);
    assertThat(report.findings().get(0).detail()).isEqualTo("FAIL Some limit of 0.1: Found 12%");
    assertThat(report.findings().get(1).kind()).isEqualTo(Kind.NOT_A_SIGNAL);
    assertThat(report.findings().get(1).detail()).endsWith("passed: PASS Some limit of 0.1: Found 1%");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Data Duplicates
      Mixed Data Types
      String Mismatch
      String Mismatch Comparison
      Is Single Value
      Special Characters
      String Length Out Of Bounds
      Outlier Sample Detection
      Class Imbalance
      Identifier Label Correlation
      Identifier Leakage
      Datasets Size Comparison
      Date Train Test Leakage Duplicates
      Date Train Test Leakage Overlap
      Unused Features
      Regression Error Distribution
      Regression Systematic Error
      Single Dataset Performance
      Confusion Matrix Report
      Columns Info
      Model Info
      Mixed Nulls
      """)
  void textChecks_failedIsText_passedIsNoSignal(String check) {
    Report report = suite(result(check, "0.5", "WARN", "Ratio is less or equal to 0%", "Found 4.2% in col_a"),
        result(check, "0.0", "PASS", "Ratio is less or equal to 0%", ""));
    Finding failed = report.findings().get(0);
    assertThat(failed.kind()).isEqualTo(Kind.TEXT);
    assertThat(failed.text()).contains(check + " failed. S. Found 4.2% in col_a");
    assertThat(failed.detail()).isEqualTo("WARN Ratio is less or equal to 0%: Found 4.2% in col_a");
    assertThat(report.findings().get(1).kind()).isEqualTo(Kind.NOT_A_SIGNAL);
  }

  @Test
  void displaysAndFailures_areNoSignal_andUnknownChecksAreListed() {
    Report report = Report.read(file("deepchecks", "model-evaluation-suite.json"));
    assertThat(only(report, "Confusion Matrix Report").detail()).isEqualTo("a display with no verdict; no condition"
        + " was set");
    Finding notRun = only(report, "Regression Error Distribution");
    assertThat(notRun.kind()).isEqualTo(Kind.NOT_A_SIGNAL);
    assertThat(notRun.detail()).isEqualTo("the check did not run: DeepchecksNotSupportedError: Check is irrelevant"
        + " for classification tasks");
    Finding unknown = Report.read(file("deepchecks", "unknown-check.json")).findings().get(0);
    assertThat(unknown.kind()).isEqualTo(Kind.UNKNOWN);
    assertThat(unknown.detail()).isEqualTo("not a Deepchecks tabular check this library knows; failed: WARN Ratio of"
        + " outliers is less than 1%: Found 2.4% outliers");
  }

  @Test
  void conditions_lowerCaseKeysIsPassAndErrorsAreRead() {
    Report report = Report.parse("""
        {"type": "CheckResult", "check": {"name": "Conflicting Labels"}, "header": "Conflicting Labels",
         "value": {"percent": 0.04}, "conditions_results": [
           {"is_pass": false, "name": "Ambiguous sample ratio is less or equal to 0%", "details": "4%"}]}
        """, "one.json");
    assertThat(report.findings().get(0).symptom()).contains("label-errors-found");
    assertThat(report.findings().get(0).detail()).isEqualTo("FAIL Ambiguous sample ratio is less or equal to 0%: 4%");
    Report errored = suite(result("Simple Model Comparison", "{}", "ERROR", "Gain is greater than 10%",
        "Exception in condition: KeyError"));
    assertThat(errored.findings().get(0).kind()).isEqualTo(Kind.NOT_A_SIGNAL);
    assertThat(errored.findings().get(0).detail()).endsWith("the conditions could not be evaluated: Gain is greater"
        + " than 10%: Exception in condition: KeyError");
  }

  @Test
  void read_everySampleIsDetectedAsDeepchecks() {
    List<Path> files = files("deepchecks");
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    for (Path f : files) {
      assertThat(Report.read(f).format()).as(f.toString()).isEqualTo(Format.DEEPCHECKS);
    }
  }

  @Test
  void accepts_neitherTheAlertmanagerPayloadNorSageMaker_andAlertmanagerNotDeepchecks() throws IOException {
    DeepchecksReader reader = new DeepchecksReader();
    assertThat(reader.accepts(Json.parse(new StringReader(ALERTMANAGER_PAYLOAD), "am"))).isFalse();
    for (Path f : files("sagemaker")) {
      assertThat(reader.accepts(Json.parse(new StringReader(Files.readString(f)), f.toString()))).as(f.toString())
          .isFalse();
    }
    AlertmanagerReader alertmanager = new AlertmanagerReader();
    for (Path f : files("deepchecks")) {
      assertThat(alertmanager.accepts(Json.parse(new StringReader(Files.readString(f)), f.toString())))
          .as(f.toString()).isFalse();
    }
    assertThat(reader.accepts(Json.parse(new StringReader("{\"name\": \"x\", \"results\": []}"), "s"))).isFalse();
    assertThat(reader.accepts(Json.parse(new StringReader("{\"success\": true, \"results\": [{\"result\": {}}],"
        + " \"name\": \"ge\"}"), "s"))).isFalse();
  }

  @Test
  void read_notJson_failsWithTheLineAndColumn() {
    Path f = file("deepchecks", "malformed-not-json.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at line 3, column 18: not valid JSON: Unexpected character ('}'"
            + " (code 125)): was expecting double-quote to start field name");
  }

  @Test
  void read_wrongTypeAtAKnownField_namesTheLocation() {
    Path f = file("deepchecks", "malformed-wrong-type.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at $.results[1].conditions_results: expected an array but found"
            + " string \"WARN: Found 3% duplicate data\"");
  }

  @Test
  void read_missingRequiredField_namesTheLocation() {
    Path f = file("deepchecks", "malformed-missing-field.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at $.results[1].check.name: expected a string but found nothing"
            + " (the field is missing)");
  }

  @Test
  void read_unknownResultType_namesTheChoices() {
    Path f = file("deepchecks", "malformed-unknown-type.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at $.results[1].type: expected \"CheckResult\" or \"CheckFailure\""
            + " but found \"CheckSkipped\"; pass the output of SuiteResult.to_json() or CheckResult.to_json()"
            + " unchanged");
  }

  @Test
  void read_unknownConditionStatus_namesTheChoices() {
    Path f = file("deepchecks", "malformed-unknown-status.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at $.results[0].conditions_results[0].Status: expected one of PASS,"
            + " WARN, FAIL, ERROR but found \"SKIPPED\"");
  }

  @Test
  void read_notAnObject_saysWhatWasExpected() {
    assertThatThrownBy(() -> Report.parse("\"suite\"", "text.json", Format.DEEPCHECKS))
        .isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report text.json at $: expected a Deepchecks SuiteResult or CheckResult JSON object"
            + " but found string \"suite\"");
  }

  @Test
  void noResults_isAReportWithNoFindings() {
    assertThat(Report.read(file("deepchecks", "no-results.json")).findings()).isEmpty();
  }

  @Test
  void diagnose_driftedAndStableColumns_ranksDriftFirst_andListsTheStableValuesAsHealthy() {
    Report report = Report.parse("""
        {"type": "CheckResult", "check": {"name": "Feature Drift", "params": {}}, "header": "Feature Drift",
         "value": {
          "device_os": {"Drift score": 0.36, "Method": "Cramer's V", "Importance": 0.11},
          "session_minutes": {"Drift score": 0.27, "Method": "Kolmogorov-Smirnov", "Importance": 0.19},
          "country": {"Drift score": 0.04, "Method": "Cramer's V", "Importance": 0.08},
          "age": {"Drift score": 0.05, "Method": "Kolmogorov-Smirnov", "Importance": 0.21},
          "monthly_spend": {"Drift score": 0.02, "Method": "Earth Mover's Distance", "Importance": 0.3}},
         "conditions_results": [{"Status": "FAIL",
          "Condition": "categorical drift score < 0.2 and numerical drift score < 0.2",
          "More Info": "Failed for 2 out of 5 columns."}]}
        """, "drift-beside-stable.json");
    assertThat(report.findings(Kind.MEASURED)).hasSize(5);
    Diagnosis d = FailureModes.forReports(report).diagnose();
    assertThat(d.candidates()).first().extracting(Candidate::id).isEqualTo("data-drift");
    assertThat(d.resolutions()).flatExtracting(Resolution::measurements)
        .anyMatch(m -> m.startsWith("drift-distance 0.04 on country, healthy (a symptom when > 0.2)"))
        .anyMatch(m -> m.startsWith("ks-statistic 0.05 on age, healthy (a symptom when > 0.2)"))
        .anyMatch(m -> m.startsWith("drift-distance 0.02 on monthly_spend, healthy (a symptom when > 0.2)"))
        .anyMatch(m -> m.startsWith("drift-distance 0.36 > 0.2 on device_os"));
  }
}
