package dev.failuremodes.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for {@link Report#parse}: any text, with the format detected or named, is read into findings or
 * rejected with a {@link ReportException} that says where and why; no other exception and no error escapes.
 *
 * <p>In a normal build this replays {@code ReportFuzzTestInputs/<method>/} (seeds are small reports of each format
 * and broken documents); {@code JAZZER_FUZZ=1} fuzzes it.
 */
class ReportFuzzTest {
  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({"\"alerts\"", "\"labels\"", "\"annotations\"", "\"alertname\"", "\"status\"", "\"firing\"",
      "\"violations\"", "\"constraint_check_type\"", "\"feature_name\"", "\"metrics\"", "\"metric\"", "\"result\"",
      "\"drift_score\"", "\"stattest_threshold\"", "\"anomalyInfo\"", "\"results\"", "\"expectation_config\"",
      "\"success\"", "\"observed_value\"", "\"check\"", "\"conditions_results\"", "\"value\"", "\"threshold\"",
      "\\ud800", "1e400", "-0", "null", "[[[[", "{\"\":"})
  void parse_anyText_throwsOnlyReportException(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    check(() -> Report.parse(text, "fuzz.json"));
    for (Format format : Format.values()) {
      check(() -> Report.parse(text, "fuzz.json", format));
    }
  }

  private static void check(java.util.function.Supplier<Report> parse) {
    Report report;
    try {
      report = parse.get();
    } catch (ReportException e) {
      assertThat(e.getMessage()).startsWith("Cannot read report fuzz.json");
      assertThat(e.problem()).isNotBlank();
      return;
    }
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.toString()).isNotNull());
    assertThat(report.toString()).startsWith("Report[" + report.format().id() + " fuzz.json: ");
  }
}
