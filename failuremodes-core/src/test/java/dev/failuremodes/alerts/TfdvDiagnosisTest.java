package dev.failuremodes.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TensorFlow Data Validation anomalies files, each a plausible incident, → the failure modes of which at least one
 * must rank in the top three. The expected causes were written from what the anomalies show, before the diagnosis was
 * run.
 */
class TfdvDiagnosisTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // A payment provider added values to an enum and a new column: the source changed.
      "new-payment-values.json, upstream-data-change",
      // A column renamed upstream: one dropped, one new, another now often absent.
      "column-dropped.json, upstream-data-change",
      // Numeric features drifted between spans, beyond TFDV's Jensen-Shannon thresholds.
      "numeric-drift.json, data-drift",
      // Serving traffic's device mix differs from the training data.
      "serving-skew.json, training-serving-skew distribution-shift data-drift",
      // Fields retyped by the producer (zip codes with letters, totals as strings, Y for true).
      "retyped-fields.json, upstream-data-change",
      // Amounts a hundred times larger and durations in the wrong unit.
      "out-of-range-values.json, upstream-data-change",
      // The span is empty: nothing arrived.
      "empty-span.json, upstream-data-change",
      // A partial load: a third of the usual rows, a required column often absent.
      "partial-load.json, upstream-data-change missing-data",
      // Nulls and NaNs in features that were always present.
      "null-spike.json, missing-data upstream-data-change",
      // A new delivery country while every drift measurement stays within its threshold.
      "healthy-drift-new-value.json, upstream-data-change",
      // Reviews now in another language: vocabulary coverage collapses, the language mix shifts.
      "text-vocabulary-drift.json, data-drift distribution-shift",
      // A campaign tripled traffic and changed its country and channel mix.
      "traffic-surge.json, data-drift",
      // Session features computed differently at serving: a large training/serving divergence.
      "skew-numeric-serving.json, training-serving-skew data-drift distribution-shift",
  })
  void diagnose_tfdvReport_ranksExpectedCauseInTopThree(String file, String expected) throws URISyntaxException {
    Path path = Path.of(getClass().getResource("/reports/tfdv/" + file).toURI());
    Report report = Report.read(path);
    assertThat(report.format()).isEqualTo(Format.TFDV);
    Diagnosis d = FailureModes.forReports(report).diagnose();
    List<String> top3 = d.candidates().stream().limit(3).map(Candidate::id).toList();
    assertThat(top3).as("%s%n%s", report.findings(), d).containsAnyElementsOf(Arrays.asList(expected.split(" ")));
  }
}
