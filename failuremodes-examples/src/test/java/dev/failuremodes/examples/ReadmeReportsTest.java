package dev.failuremodes.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import dev.failuremodes.alerts.Format;
import dev.failuremodes.alerts.Report;
import dev.failuremodes.signals.Observation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's examples of reports and observations, run on the example files the README names. */
class ReadmeReportsTest {
  private static final Path REPORTS = Path.of("reports"); // failuremodes-examples/reports, the module's directory

  @Test
  void sageMakerViolations_asTheReadmeShows() {
    Report violations = Report.read(REPORTS.resolve("constraint_violations.json"));
    Diagnosis d = FailureModes.forReports(violations).diagnose();

    assertThat(violations.format()).isEqualTo(Format.SAGEMAKER);
    assertThat(d.top().orElseThrow().id()).isEqualTo("data-drift");
    assertThat(d.top().orElseThrow().evidence().get(0).detail())
        .isEqualTo("drift-distance 0.3807 > 0.1 on transaction_amount [SageMaker Model Monitor baseline_drift_check]");
    assertThat(d.findings()).hasSize(4);
  }

  @Test
  void evidentlyReportWithText_asTheReadmeShows() {
    Report drift = Report.read(REPORTS.resolve("evidently-data-drift.json"));
    Diagnosis d = FailureModes.forSymptoms("approval rate fell after the spring campaign")
        .withReports(drift)
        .diagnose();

    assertThat(drift.format()).isEqualTo(Format.EVIDENTLY);
    assertThat(d.top().map(Candidate::id)).hasValue("data-drift");
    assertThat(d.toJson().replaceAll("\\s+", " ")).contains("\"tool\" : \"evidently\", \"check\" : \"DataDriftTable\","
        + " \"kind\" : \"measured\", \"feature\" : \"applicant_income\", \"metric\" : \"wasserstein-distance\","
        + " \"value\" : 0.46, \"threshold\" : 0.1");
  }

  @Test
  void observations_asTheReadmeShows() {
    Diagnosis d = FailureModes.forObservations(
            Observation.of("psi", 0.31).feature("age"),
            Observation.of("ks-p-value", 0.5).feature("income"),
            Observation.of("train-score", 0.97), Observation.of("validation-score", 0.81))
        .threshold("psi", 0.2)
        .diagnose();

    assertThat(d.candidates()).extracting(Candidate::id).startsWith("data-drift", "overfitting");
    assertThat(d.candidates().get(0).evidence().get(0).detail()).isEqualTo("psi 0.31 > 0.2 on age");
    assertThat(d.candidates().get(1).evidence().get(0).detail()).isEqualTo("train-test-gap 0.16 > 0.1");
    assertThat(d.resolutions().get(1).measurements())
        .containsExactly("ks-p-value 0.5 on income, healthy (a symptom when < 0.05)");
  }
}
