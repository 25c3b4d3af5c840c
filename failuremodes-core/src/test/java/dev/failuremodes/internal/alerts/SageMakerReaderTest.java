package dev.failuremodes.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SageMakerReaderTest {
  static final String ALERTMANAGER_PAYLOAD = """
      {"version": "4", "groupKey": "{}:{alertname=\\"FeatureDrift\\"}", "truncatedAlerts": 0, "status": "firing",
       "receiver": "ml-oncall", "groupLabels": {"alertname": "FeatureDrift"},
       "commonLabels": {"alertname": "FeatureDrift", "severity": "page"}, "commonAnnotations": {},
       "externalURL": "http://alertmanager.example:9093",
       "alerts": [{"status": "firing", "labels": {"alertname": "FeatureDrift", "feature": "basket_size",
         "metric": "psi", "value": "0.31"}, "annotations": {"summary": "PSI of basket_size above 0.25"},
         "startsAt": "2024-05-02T08:00:00Z", "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "",
         "fingerprint": "a1"}]}
      """;

  static Path file(String format, String name) {
    try {
      return Path.of(SageMakerReaderTest.class.getResource("/reports/" + format + "/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> files(String format) {
    try (Stream<Path> s = Files.list(file(format, "").toAbsolutePath())) {
      return s.filter(p -> !p.getFileName().toString().startsWith("malformed-")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Finding only(Report report, String check) {
    List<Finding> found = report.findings().stream().filter(f -> f.check().equals(check)).toList();
    assertThat(found).as("findings of %s", check).hasSize(1);
    return found.get(0);
  }

  private static Observation observation(Finding f) {
    assertThat(f.kind()).isEqualTo(Kind.MEASURED);
    return f.observation().orElseThrow();
  }

  @Test
  void dataTypeCheck_isSchemaChangeOnTheFeature() {
    Finding f = only(Report.read(file("sagemaker", "data-quality-checks.json")), "data_type_check");
    assertThat(f.kind()).isEqualTo(Kind.SYMPTOM);
    assertThat(f.symptom()).contains("schema-change");
    assertThat(f.feature()).contains("household_size");
    assertThat(f.detail()).isEqualTo("Data type match requirement is not met. Expected data type: Integral, Expected"
        + " match: 100.0%. Observed: Only 79.2% of data is Integral.");
    assertThat(f.format()).isEqualTo(Format.SAGEMAKER);
  }

  @Test
  void completenessCheck_measuresMissingRateAgainstTheBaseline() {
    Observation o = observation(only(Report.read(file("sagemaker", "data-quality-checks.json")),
        "completeness_check"));
    assertThat(o.metric()).isEqualTo("missing-rate");
    assertThat(o.value()).isCloseTo(0.387, within(1e-9));
    assertThat(o.threshold()).hasValue(0.0);
    assertThat(o.reference()).hasValue(0.0);
    assertThat(o.feature()).contains("annual_income");
    assertThat(o.source()).contains("SageMaker Model Monitor completeness_check");
  }

  @Test
  void completenessCheck_baselineBelowFullCompletenessIsTheThreshold() {
    Observation o = observation(Report.read(file("sagemaker", "null-rate-spike.json")).findings().get(0));
    assertThat(o.value()).isCloseTo(0.583, within(1e-9));
    assertThat(o.threshold().getAsDouble()).isCloseTo(0.008, within(1e-9));
    assertThat(o.reference().getAsDouble()).isCloseTo(0.008, within(1e-9));
  }

  @Test
  void baselineDriftCheck_measuresDriftDistanceWithTheToolsThreshold() {
    Observation o = observation(only(Report.read(file("sagemaker", "data-quality-checks.json")),
        "baseline_drift_check"));
    assertThat(o).isEqualTo(Observation.of("drift-distance", 0.3217).feature("credit_utilisation").threshold(0.1)
        .source("SageMaker Model Monitor baseline_drift_check"));
  }

  @Test
  void columnChecks_areSchemaChangesWithTheCountsKept() {
    Report report = Report.read(file("sagemaker", "data-quality-checks.json"));
    Finding missing = only(report, "missing_column_check");
    Finding extra = only(report, "extra_column_check");
    assertThat(List.of(missing, extra)).allSatisfy(f -> {
      assertThat(f.kind()).isEqualTo(Kind.SYMPTOM);
      assertThat(f.symptom()).contains("schema-change");
      assertThat(f.feature()).isEmpty();
    });
    assertThat(missing.detail()).contains("Number of columns in current dataset: 11", "baseline constraints: 12");
    assertThat(extra.detail()).contains("Number of columns in current dataset: 13", "baseline constraints: 12");
  }

  @Test
  void categoricalValuesCheck_measuresTheShareOutsideTheBaselineDomain() {
    Observation o = observation(only(Report.read(file("sagemaker", "data-quality-checks.json")),
        "categorical_values_check"));
    assertThat(o.metric()).isEqualTo("new-category-rate");
    assertThat(o.value()).isCloseTo(0.066, within(1e-9));
    assertThat(o.threshold()).hasValue(0.0);
    assertThat(o.feature()).contains("merchant_category");
  }

  @Test
  void descriptionsWithoutNumbers_fallBackToTheCheckTypesSymptom() {
    Report report = Report.parse("""
        {"violations": [
          {"feature_name": "a", "constraint_check_type": "completeness_check", "description": "incomplete"},
          {"feature_name": "b", "constraint_check_type": "baseline_drift_check", "description": "drifted"},
          {"feature_name": "c", "constraint_check_type": "categorical_values_check"},
          {"metric_name": "auc", "constraint_check_type": "LessThanThreshold", "description": "auc fell"}]}
        """, "inline.json");
    assertThat(report.findings()).extracting(f -> f.symptom().orElse(""))
        .containsExactly("null-rate-spike", "feature-distribution-shift", "schema-change",
            "sudden-production-degradation");
    assertThat(report.findings()).extracting(Finding::kind).containsOnly(Kind.SYMPTOM);
    assertThat(report.findings().get(2).detail()).isEmpty();
  }

  @Test
  void scoreBelowItsConstraint_isMeasuredWithTheConstraintAsReference() {
    Report report = Report.read(file("sagemaker", "model-quality-binary.json"));
    Finding auc = only(report, "auc LessThanThreshold");
    assertThat(observation(auc)).isEqualTo(Observation.of("score", 0.7104).reference(0.8617)
        .source("SageMaker Model Monitor auc LessThanThreshold"));
    assertThat(auc.feature()).isEmpty();
    assertThat(auc.detail()).isEqualTo("Metric auc with 0.7104 +/- 0.0041 was LessThanThreshold '0.8617'");
    assertThat(observation(only(report, "f2 LessThanThreshold"))).isEqualTo(Observation.of("score", 0.5312)
        .reference(0.6935).source("SageMaker Model Monitor f2 LessThanThreshold"));
    assertThat(observation(only(report, "recall LessThanThreshold")).reference()).hasValue(0.6702);
    Report regression = Report.read(file("sagemaker", "model-quality-regression.json"));
    assertThat(observation(only(regression, "r2 LessThanThreshold")).reference()).hasValue(0.7702);
    assertThat(observation(only(Report.read(file("sagemaker", "new-market-multiclass.json")),
        "weighted_f1 LessThanThreshold")).value()).isEqualTo(0.5719);
  }

  @Test
  void scoreAboveAnUpperConstraint_isMeasuredWithoutReference() {
    Report report = Report.parse("""
        {"violations": [{"metric_name": "accuracy", "constraint_check_type": "GreaterThanThreshold",
          "description": "Metric accuracy with 0.9991 +/- 0.0002 was GreaterThanThreshold '0.99'"}]}
        """, "inline.json");
    Observation o = observation(report.findings().get(0));
    assertThat(o.value()).isEqualTo(0.9991);
    assertThat(o.reference()).isEmpty();
    assertThat(o.threshold()).isEmpty();
  }

  @Test
  void errorsAboveTheirConstraint_areSuddenDegradation() {
    Report report = Report.read(file("sagemaker", "model-quality-regression.json"));
    for (String check : List.of("rmse GreaterThanThreshold", "mse GreaterThanThreshold",
        "mae GreaterThanOrEqualToThreshold")) {
      Finding f = only(report, check);
      assertThat(f.kind()).isEqualTo(Kind.SYMPTOM);
      assertThat(f.symptom()).contains("sudden-production-degradation");
    }
    assertThat(only(report, "rmse GreaterThanThreshold").detail())
        .isEqualTo("Metric rmse with 41.82 +/- 0.913 was GreaterThanThreshold '27.35'");
    assertThat(only(Report.read(file("sagemaker", "model-quality-binary.json")),
        "false_negative_rate GreaterThanThreshold").symptom()).contains("sudden-production-degradation");
  }

  @Test
  void bestConstantClassifier_readsTheLabelDistribution() {
    Report report = Report.read(file("sagemaker", "model-quality-binary.json"));
    assertThat(observation(only(report, "accuracy_best_constant_classifier GreaterThanThreshold")))
        .isEqualTo(Observation.of("class-prevalence", 0.8931).reference(0.8112)
            .source("SageMaker Model Monitor accuracy_best_constant_classifier GreaterThanThreshold"));
    Finding f1 = only(report, "f1_best_constant_classifier LessThanThreshold");
    assertThat(f1.kind()).isEqualTo(Kind.SYMPTOM);
    assertThat(f1.symptom()).contains("class-prior-change");
  }

  @Test
  void matricesAndCurves_areNotASignal() {
    Finding f = only(Report.read(file("sagemaker", "model-quality-binary.json")), "confusion_matrix LessThanThreshold");
    assertThat(f.kind()).isEqualTo(Kind.NOT_A_SIGNAL);
    assertThat(f.detail()).startsWith("a matrix or a curve, not a thresholded value");
  }

  @Test
  void undocumentedMetricOrCheckType_isUnknownNotDropped() {
    Report report = Report.parse("""
        {"violations": [
          {"metric_name": "gini", "constraint_check_type": "LessThanThreshold",
           "description": "Metric gini with 0.61 was LessThanThreshold 0.66"},
          {"feature_name": "plan_tier", "constraint_check_type": "cardinality_check", "description": "412 values"}]}
        """, "inline.json");
    assertThat(report.findings()).extracting(Finding::kind).containsExactly(Kind.UNKNOWN, Kind.UNKNOWN);
    assertThat(report.findings()).extracting(Finding::check)
        .containsExactly("gini LessThanThreshold", "cardinality_check");
    assertThat(report.findings().get(1).feature()).contains("plan_tier");
  }

  @Test
  void read_everySampleIsDetectedAsSageMaker() {
    List<Path> files = files("sagemaker");
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    for (Path f : files) {
      assertThat(Report.read(f).format()).as(f.toString()).isEqualTo(Format.SAGEMAKER);
    }
  }

  @Test
  void accepts_neitherTheAlertmanagerPayloadNorDeepchecks_andAlertmanagerNotSageMaker() throws IOException {
    SageMakerReader reader = new SageMakerReader();
    assertThat(reader.accepts(Json.parse(new StringReader(ALERTMANAGER_PAYLOAD), "am"))).isFalse();
    for (Path f : files("deepchecks")) {
      assertThat(reader.accepts(Json.parse(new StringReader(Files.readString(f)), f.toString()))).as(f.toString())
          .isFalse();
    }
    AlertmanagerReader alertmanager = new AlertmanagerReader();
    for (Path f : files("sagemaker")) {
      assertThat(alertmanager.accepts(Json.parse(new StringReader(Files.readString(f)), f.toString())))
          .as(f.toString()).isFalse();
    }
    assertThat(Report.parse(ALERTMANAGER_PAYLOAD, "am.json").format()).isEqualTo(Format.ALERTMANAGER);
  }

  @Test
  void noViolations_isAReportWithNoFindings() {
    assertThat(Report.read(file("sagemaker", "no-violations.json")).findings()).isEmpty();
  }

  @Test
  void read_notJson_failsWithTheLineAndColumn() {
    Path f = file("sagemaker", "malformed-not-json.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at line 3, column 19: not valid JSON: Unexpected character (''' (code"
            + " 39)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
  }

  @Test
  void read_wrongTypeAtAKnownField_namesTheLocation() {
    Path f = file("sagemaker", "malformed-wrong-type.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at $.violations[1].constraint_check_type: expected a string but"
            + " found number 7");
  }

  @Test
  void read_missingRequiredField_namesTheLocation() {
    Path f = file("sagemaker", "malformed-missing-field.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at $.violations[1].constraint_check_type: expected a string but"
            + " found nothing (the field is missing)");
  }

  @Test
  void read_unknownCheckTypeOnly_isNoKnownFormat_butReadsAsUnknownWhenNamed() {
    Path f = file("sagemaker", "malformed-unknown-check.json");
    assertThatThrownBy(() -> Report.read(f)).isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + f + " at $: not a report of a known format; expected the JSON of one of "
            + Format.validIds() + "; name the format if the file is one of them");
    Report named = Report.read(f, Format.SAGEMAKER);
    assertThat(named.findings()).singleElement().satisfies(u -> {
      assertThat(u.kind()).isEqualTo(Kind.UNKNOWN);
      assertThat(u.check()).isEqualTo("cardinality_check");
      assertThat(u.detail()).isEqualTo("constraint check type not documented for the prebuilt container: Distinct"
          + " count 412 exceeds baseline distinct count 37");
    });
  }

  @Test
  void read_notAnObject_saysWhatWasExpected() {
    assertThatThrownBy(() -> Report.parse("[1, 2]", "list.json", Format.SAGEMAKER))
        .isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report list.json at $: expected a SageMaker Model Monitor constraint_violations.json"
            + " (an object with \"violations\") but found array [1,2]");
    assertThatThrownBy(() -> Report.parse("{\"violations\": [3]}", "item.json", Format.SAGEMAKER))
        .isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report item.json at $.violations[0]: expected a violation object but found number 3");
  }
}
