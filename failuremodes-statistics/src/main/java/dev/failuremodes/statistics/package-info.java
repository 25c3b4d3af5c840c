/**
 * Drift and calibration statistics over raw samples, for callers that hold the reference (training) and
 * production columns themselves, such as a test harness or a batch job.
 *
 * <p>{@link dev.failuremodes.statistics.SampleStatistics} is the entry point; every other public type is an
 * immutable result that records what was measured (sizes, bins, method). Values are checked against SciPy and NumPy
 * in this module's tests.
 */
package dev.failuremodes.statistics;
