package dev.failuremodes.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failuremodes.alerts.Finding;
import dev.failuremodes.alerts.Format;
import dev.failuremodes.alerts.Report;
import dev.failuremodes.alerts.ReportException;
import dev.failuremodes.signals.Observation;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertmanagerReaderTest {
  private static Path sample(String name) {
    try {
      return Path.of(AlertmanagerReaderTest.class.getResource("/reports/alertmanager/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String payload(String alerts) {
    return "{\"version\":\"4\",\"receiver\":\"ml\",\"status\":\"firing\",\"groupKey\":\"{}\",\"alerts\":[" + alerts
        + "]}";
  }

  @Test
  void read_firingAlertWithMetricAndValueLabels_isMeasuredWithTheFeatureAndText() {
    Report report = Report.read(sample("feature-psi-drift.json"));

    assertThat(report.format()).isEqualTo(Format.ALERTMANAGER);
    List<Finding> measured = report.findings(Finding.Kind.MEASURED);
    assertThat(measured).hasSize(2);
    Observation first = measured.get(0).observation().orElseThrow();
    assertThat(first.metric()).isEqualTo("psi");
    assertThat(first.value()).isEqualTo(0.41);
    assertThat(first.feature()).contains("tenure_months");
    assertThat(first.source()).contains("Alertmanager FeaturePsiHigh");
    assertThat(measured.get(0).check()).isEqualTo("FeaturePsiHigh");
    assertThat(measured.get(1).observation().orElseThrow().feature()).contains("plan_type");
    Finding text = report.findings(Finding.Kind.TEXT).get(0);
    assertThat(text.text()).contains(
        "feature psi high. PSI of tenure_months is 0.41 against the training window. feature tenure_months");
    assertThat(text.toString())
        .isEqualTo("[Alertmanager] FeaturePsiHigh on tenure_months: PSI of tenure_months is 0.41 against the training "
            + "window");
  }

  @Test
  void read_valueReferenceAndThresholdInAnnotations_areKept() {
    Report report = Report.parse(payload("{\"status\":\"firing\",\"labels\":{\"alertname\":\"PositiveRate\","
        + "\"metric\":\"class-prevalence\"},\"annotations\":{\"value\":\"0.19\",\"reference\":\"0.06\","
        + "\"threshold\":\"0.1\",\"summary\":\"positive rate up\"}}"), "inline.json");

    Observation o = report.findings(Finding.Kind.MEASURED).get(0).observation().orElseThrow();
    assertThat(o.value()).isEqualTo(0.19);
    assertThat(o.reference()).hasValue(0.06);
    assertThat(o.threshold()).hasValue(0.1);
    assertThat(o.feature()).isEmpty();
  }

  @Test
  void read_alertWithoutMetric_isTextOnly_withCamelCaseNameSplitAndCommonAnnotations() {
    Report report = Report.parse("{\"receiver\":\"ml\",\"commonAnnotations\":{\"description\":\"labels arrive late\"},"
        + "\"alerts\":[{\"labels\":{\"alertname\":\"ModelQualityDegraded\"},\"annotations\":{}}]}", "inline.json");

    assertThat(report.findings()).hasSize(1);
    Finding f = report.findings().get(0);
    assertThat(f.kind()).isEqualTo(Finding.Kind.TEXT);
    assertThat(f.text()).contains("model quality degraded. labels arrive late");
    assertThat(f.detail()).isEqualTo("labels arrive late");
    assertThat(f.feature()).isEmpty();
  }

  @Test
  void read_featureFromColumnOrFieldLabel() {
    Report report = Report.parse(payload("{\"labels\":{\"alertname\":\"NullRate\",\"column\":\"income\","
        + "\"metric\":\"missing-rate\",\"value\":0.3}}"), "inline.json");

    assertThat(report.findings()).allSatisfy(f -> assertThat(f.feature()).contains("income"));
  }

  @Test
  void read_resolvedAlert_isNotASignal_andIsKept() {
    Report report = Report.read(sample("mixed-with-resolved.json"));

    assertThat(report.findings()).extracting(Finding::kind)
        .containsExactly(Finding.Kind.NOT_A_SIGNAL, Finding.Kind.MEASURED, Finding.Kind.TEXT);
    Finding resolved = report.findings().get(0);
    assertThat(resolved.feature()).contains("age");
    assertThat(resolved.detail()).isEqualTo("resolved: the condition no longer holds");
    assertThat(report.findings().get(1).observation().orElseThrow().value()).isEqualTo(0.0004);
  }

  @Test
  void read_truncatedAlerts_areListedAsUnknown_withHowToSeeThem() {
    Report report = Report.read(sample("truncated.json"));

    Finding unknown = report.findings(Finding.Kind.UNKNOWN).get(0);
    assertThat(unknown.check()).isEqualTo("truncatedAlerts");
    assertThat(unknown.detail()).isEqualTo(
        "14 more alerts were left out of the payload by Alertmanager's max_alerts; raise it to see them");
  }

  @Test
  void accepts_onlyTheWebhookShape() {
    AlertmanagerReader reader = new AlertmanagerReader();
    assertThat(reader.accepts(dev.failuremodes.internal.json.Json.parse(new java.io.StringReader(payload("")), "x")))
        .isTrue();
    assertThat(reader.accepts(dev.failuremodes.internal.json.Json.parse(
        new java.io.StringReader("{\"alerts\":[]}"), "x"))).as("alerts alone is not enough").isFalse();
    assertThat(reader.accepts(dev.failuremodes.internal.json.Json.parse(
        new java.io.StringReader("[{\"labels\":{}}]"), "x"))).isFalse();
  }

  @Test
  void read_malformedFiles_nameTheFileTheLocationAndWhatWasExpected() {
    assertThatThrownBy(() -> Report.read(sample("malformed-labels-not-object.json")))
        .isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + sample("malformed-labels-not-object.json")
            + " at $.alerts[0].labels: expected an object but found array [\"alertname\",\"X\"]");
    assertThatThrownBy(() -> Report.read(sample("malformed-missing-alertname.json")))
        .isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + sample("malformed-missing-alertname.json")
            + " at $.alerts[0].labels.alertname: expected a string but found nothing (the field is missing)");
    assertThatThrownBy(() -> Report.read(sample("malformed-not-json.json")))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith("Cannot read report " + sample("malformed-not-json.json")
            + " at line 1, column 50: not valid JSON: ");
    assertThatThrownBy(() -> Report.read(sample("malformed-alerts-not-array.json"), Format.ALERTMANAGER))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith("Cannot read report " + sample("malformed-alerts-not-array.json")
            + " at $.alerts: expected an array but found object {\"0\":");
  }

  @Test
  void reportException_givesItsPartsSeparately() {
    ReportException e = org.assertj.core.api.Assertions.catchThrowableOfType(ReportException.class,
        () -> Report.read(sample("malformed-labels-not-object.json")));
    assertThat(e.source()).isEqualTo(sample("malformed-labels-not-object.json").toString());
    assertThat(e.location()).isEqualTo("$.alerts[0].labels");
    assertThat(e.problem()).isEqualTo("expected an object but found array [\"alertname\",\"X\"]");
  }

  @Test
  void read_unknownShape_listsTheFormatsAndSaysToNameOne() {
    assertThatThrownBy(() -> Report.read(sample("malformed-alerts-not-array.json")))
        .isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + sample("malformed-alerts-not-array.json") + " at $: not a report of a "
            + "known format; expected the JSON of one of tfdv, sagemaker, evidently, deepchecks, great-expectations, "
            + "alertmanager; name the format if the file is one of them");
  }

  @Test
  void read_valueThatIsNoFiniteNumber_failsAtItsLocation() {
    assertThatThrownBy(() -> Report.parse(payload("{\"labels\":{\"alertname\":\"A\",\"metric\":\"psi\","
        + "\"value\":\"NaN\"}}"), "nan.json"))
        .isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report nan.json at $.alerts[0].labels.value: expected a finite number but found "
            + "string \"NaN\"");
    assertThatThrownBy(() -> Report.parse(payload("{\"labels\":{\"alertname\":\"A\",\"metric\":\"psi\","
        + "\"value\":\"high\"}}"), "word.json"))
        .isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report word.json at $.alerts[0].labels.value: expected a number but found string "
            + "\"high\"");
  }

  @Test
  void read_fileAboveTheLimit_isRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("huge.json");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(Report.MAX_BYTES + 1); // sparse: nothing is written, nothing should be read
    }

    assertThatThrownBy(() -> Report.read(big))
        .isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report " + big + ": the file is 16777217 bytes, above the limit of 16777216 (16 MiB); "
            + "pass a report of only the failing checks, or split it");
  }

  @Test
  void read_missingFile_saysSo() {
    assertThatThrownBy(() -> Report.read(Path.of("no-such-report.json")))
        .isInstanceOf(ReportException.class)
        .hasMessage("Cannot read report no-such-report.json: no such file; check the path");
  }

  @Test
  void findingsByKind_filtersAndKeepsOrder() {
    Report report = Report.read(sample("truncated.json"));
    assertThat(report.findings(Finding.Kind.MEASURED)).extracting(f -> f.observation().map(Observation::metric))
        .containsExactly(Optional.of("psi"));
    assertThat(report.toString()).endsWith("truncated.json: 3 findings (1 measured, 1 text, 1 unknown)]");
  }

  @Test
  void read_longStringsAndDeepNesting_withinTheDocumentLimit_areRead() {
    String longText = "x".repeat(1_000_000); // tools embed whole tables or charts as one string
    String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
    Report report = Report.parse(payload("{\"labels\":{\"alertname\":\"A\"},\"annotations\":{\"description\":\""
        + longText + "\",\"extra\":" + deep + "}}"), "long.json");

    assertThat(report.findings().get(0).text()).hasValueSatisfying(t -> assertThat(t).hasSizeGreaterThan(1_000_000));
  }

  @Test
  void parse_textAboveTheLimit_isRefused() {
    String huge = payload("{\"labels\":{\"alertname\":\"A\"},\"annotations\":{\"description\":\""
        + "x".repeat((int) Report.MAX_BYTES) + "\"}}");
    assertThatThrownBy(() -> Report.parse(huge, "huge.json"))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith("Cannot read report huge.json: the report is " + huge.length()
            + " characters, above the limit of 16777216");
  }

  @Test
  void parse_aNumberInTextThatOverflows_isAReportException() {
    String sagemaker = "{\"violations\":[{\"feature_name\":\"age\",\"constraint_check_type\":"
        + "\"baseline_drift_check\",\"description\":\"Baseline drift distance: 0.4 exceeds threshold: 1e400\"}]}";
    assertThatThrownBy(() -> Report.parse(sagemaker, "overflow.json"))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith("Cannot read report overflow.json: a value in the report cannot be read: ")
        .hasMessageContaining("Infinity");
  }
}
