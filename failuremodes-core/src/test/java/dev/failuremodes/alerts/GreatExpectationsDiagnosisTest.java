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
 * Great Expectations validation results, each a plausible incident, → the failure modes of which at least one must
 * rank in the top three. The expected causes were written from what the failed expectations show, before the diagnosis
 * was run.
 */
class GreatExpectationsDiagnosisTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // After an ETL change, income and employer type are null in about 40% of applications.
      "nulls-after-etl-change.json, missing-data upstream-data-change",
      // A new checkout channel and a new payment provider appear.
      "new-categories.json, upstream-data-change",
      // A column renamed upstream: the header no longer matches and the old column is gone.
      "renamed-columns.json, upstream-data-change",
      // Amounts arrive in cents instead of dollars.
      "cents-instead-of-dollars.json, upstream-data-change",
      // Trip distance, pickup hour and vehicle class fail KL, KS and chi-square tests.
      "distribution-drift.json, data-drift",
      // A tenth of the usual shipments: the load stopped part-way.
      "partial-load.json, upstream-data-change",
      // User ids now strings, dates in another format, three-letter country codes.
      "type-and-format-change.json, upstream-data-change",
      // Training examples duplicated by key: the copies can straddle the train/test split.
      "duplicate-keys.json, test-set-contamination data-leakage upstream-data-change",
      // Two pairs of near-identical categorical columns.
      "correlated-columns.json, redundant-features",
      // Engine temperature's mean and spread moved, vibration quantiles too.
      "mean-shift-tests-pass.json, data-drift",
      // The suite raised because a column no longer exists.
      "missing-column-exception.json, upstream-data-change",
      // Four times the usual sessions, a different top country and platform mix.
      "traffic-surge.json, data-drift",
      // Version 1 results: diagnosis codes null in a fifth of claims, a new claim type.
      "v1-nulls-and-values.json, missing-data upstream-data-change",
  })
  void diagnose_greatExpectationsResult_ranksExpectedCauseInTopThree(String file, String expected)
      throws URISyntaxException {
    Path path = Path.of(getClass().getResource("/reports/great-expectations/" + file).toURI());
    Report report = Report.read(path);
    assertThat(report.format()).isEqualTo(Format.GREAT_EXPECTATIONS);
    Diagnosis d = FailureModes.forReports(report).diagnose();
    List<String> top3 = d.candidates().stream().limit(3).map(Candidate::id).toList();
    assertThat(top3).as("%s%n%s", report.findings(), d).containsAnyElementsOf(Arrays.asList(expected.split(" ")));
  }
}
