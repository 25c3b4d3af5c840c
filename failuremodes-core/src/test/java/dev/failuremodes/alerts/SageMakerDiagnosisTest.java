package dev.failuremodes.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.Candidate;
import dev.failuremodes.FailureModes;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each row is a plausible SageMaker Model Monitor incident and the failure modes an ML engineer would suspect, written
 * before the diagnosis was run; at least one of them must rank in the top three.
 */
class SageMakerDiagnosisTest {
  static Path file(String format, String name) {
    try {
      return Path.of(SageMakerDiagnosisTest.class.getResource("/reports/" + format + "/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertTopThree(String format, String name, String expected) {
    List<String> top = FailureModes.forReports(Report.read(file(format, name))).diagnose().candidates().stream()
        .limit(3).map(Candidate::id).toList();
    assertThat(top).as("top three for %s", name).containsAnyElementsOf(Arrays.asList(expected.split(" ")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # report                         | any of these in the top three
      upstream-schema-change.json      | upstream-data-change
      null-rate-spike.json             | missing-data upstream-data-change
      feature-drift.json               | data-drift
      new-categories.json              | upstream-data-change
      auc-drop.json                    | concept-drift upstream-data-change
      rmse-rise.json                   | concept-drift upstream-data-change
      label-shift.json                 | label-shift
      drift-and-accuracy-drop.json     | data-drift
      pipeline-break.json              | upstream-data-change
      new-market-multiclass.json       | data-drift distribution-shift
      extra-column-only.json           | upstream-data-change
      model-quality-binary.json        | label-shift
      model-quality-regression.json    | concept-drift upstream-data-change
      data-quality-checks.json         | upstream-data-change
      """)
  void diagnose_incidentRanksAnExpectedCauseInTheTopThree(String report, String expected) {
    assertTopThree("sagemaker", report, expected);
  }
}
