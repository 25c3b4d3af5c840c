/**
 * Measured values as evidence: an {@link dev.failuremodes.signals.Observation} gives a catalog metric a value (and
 * optionally the feature, a reference value and sample sizes); the catalog's signal rules turn it into evidence for
 * a symptom, or against it when the value is on the healthy side of the threshold.
 *
 * <pre>{@code
 * Diagnosis d = FailureModes.forObservations(
 *         Observation.of("psi", 0.31).feature("age"),
 *         Observation.of("train-score", 0.99), Observation.of("validation-score", 0.71))
 *     .diagnose();
 * }</pre>
 */
package dev.failuremodes.signals;
