/**
 * AssertJ assertions for failuremodes: on a {@link dev.failuremodes.Diagnosis}, and on the measured values of a model
 * run (observations or a map of metric values).
 *
 * <p>{@link dev.failuremodes.assertj.Assertions} is the entry point; static-import its methods next to AssertJ's own.
 * Failure messages are part of the API: they name what was expected and what was found, the evidence behind the
 * offending candidate and the diagnosis table, and they stay the same between runs.
 */
package dev.failuremodes.assertj;
