/**
 * Reports of monitoring and data-validation tools as evidence: {@link dev.failuremodes.alerts.Report} reads a
 * TensorFlow Data Validation anomalies file, an Amazon SageMaker Model Monitor {@code constraint_violations.json}, an
 * Evidently report or test suite, a Deepchecks suite result, a Great Expectations validation result or a Prometheus
 * Alertmanager webhook payload into {@link dev.failuremodes.alerts.Finding}s, each mapped onto a catalog symptom or
 * metric with the tool's numbers kept.
 *
 * <pre>{@code
 * Report report = Report.read(Path.of("constraint_violations.json"));   // the format is detected
 * Diagnosis d = FailureModes.forReports(report).diagnose();
 * }</pre>
 */
package dev.failuremodes.alerts;
