package dev.failuremodes.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control and other non-printing characters from the user's input or a report never reach the terminal raw: ESC
 * (colours, cursor moves, window titles), BEL, a lone CR (which overwrites the line) and U+202E (which reverses it).
 */
class ControlCharacterTest {
  private static final String HOSTILE = "\u001b[31mred\u0007 bell\r overwritten \u202e reversed";
  private static final String ESCAPED = "\\u001b[31mred\\u0007 bell\\u000d overwritten \\u202e reversed";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static void assertPrintable(String text) {
    assertThat(text).doesNotContain("\u001b", "\u0007", "\u202e", "\u009b");
    assertThat(text.replace("\r\n", "\n")).doesNotContain("\r");
  }

  @Test
  void diagnose_text_escapesTheInputOnBothStreams() {
    CliRun run = CliRun.of(List.of("diagnose", HOSTILE));

    assertThat(run.exit()).isEqualTo(Main.NOTHING_RECOGNISED);
    assertPrintable(run.out());
    assertPrintable(run.err());
    assertThat(run.out()).contains("'" + ESCAPED + "'");
    assertThat(run.err()).startsWith("not recognised: '" + ESCAPED + "'");
  }

  @Test
  void diagnose_strict_escapesTheMessage() {
    CliRun run = CliRun.of(List.of("diagnose", "--strict", "model overfits", HOSTILE));

    assertThat(run.exit()).isEqualTo(Main.NOTHING_RECOGNISED);
    assertPrintable(run.err());
    assertThat(run.err()).startsWith("Unknown symptom '" + ESCAPED + "'");
  }

  @Test
  void diagnose_json_keepsTheValueAndPrintsNoRawControl() throws IOException {
    CliRun run = CliRun.of(List.of("diagnose", "--json", HOSTILE + "\u009b2J"));

    assertPrintable(run.out());
    assertThat(JSON.readTree(run.out()).get("inputs").get(0).asText()).isEqualTo(HOSTILE + "\u009b2J");

    run = CliRun.of(List.of("diagnose", "--json", "--strict", HOSTILE));
    assertPrintable(run.out());
    assertThat(JSON.readTree(run.out()).get("error").get("unrecognized").get(0).get("input").asText())
        .isEqualTo(HOSTILE);
  }

  @Test
  void diagnose_report_escapesWhatTheReportHolds() throws IOException {
    Path report = dir.resolve("alert.json");
    Files.writeString(report, "{\"version\":\"4\",\"receiver\":\"ml\",\"status\":\"firing\",\"alerts\":[{\"status\":"
        + "\"firing\",\"labels\":{\"alertname\":\"Psi\\u001b]0;pwned\\u0007High\\u202e\",\"metric\":\"psi\","
        + "\"value\":\"0.41\",\"feature\":\"ten\\u001b[2Jure\"},\"annotations\":{\"summary\":\"PSI is 0.41\\r\"}}]}");

    CliRun run = CliRun.of(List.of("diagnose", "--json", "--report", report.toString()));

    assertThat(run.exit()).as(run.toString()).isZero();
    assertPrintable(run.out());
    JsonNode finding = JSON.readTree(run.out()).get("findings").get(0);
    assertThat(finding.get("check").asText()).isEqualTo("Psi\u001b]0;pwned\u0007High\u202e");
    assertThat(finding.get("feature").asText()).isEqualTo("ten\u001b[2Jure");
  }

  @Test
  void evaluate_escapesTheCasesInTheReport() throws IOException {
    Path cases = dir.resolve("cases.tsv");
    Files.writeString(cases, "model \u001b[31moverfits\tdata-leakage\nthe office wifi \u202e drops\tNONE\n");

    CliRun run = CliRun.of(List.of("evaluate", cases.toString()));

    assertThat(run.exit()).isZero();
    assertPrintable(run.out());
    assertThat(run.out()).contains("\"model \\u001b[31moverfits\"");
  }

  @Test
  void usageErrors_escapeTheArgument() {
    for (List<String> args : List.of(List.of("diagnose", "--\u001b[2J", "x"), List.of("\u001b[2J"),
        List.of("list", "--stage", "\u202emodeling"), List.of("show", "\u001b[31m"),
        List.of("diagnose", "--report", "\u001b[31mmissing.json"),
        List.of("diagnose", "--observe", "psi=\u0007"))) {
      CliRun run = CliRun.of(args);

      assertThat(run.exit()).as(run.toString()).isEqualTo(Main.USAGE);
      assertPrintable(run.err());
      assertThat(run.err()).containsAnyOf("\\u001b", "\\u202e", "\\u0007");
    }
  }

  @Test
  void help_hasNoColoursEvenWhenPicocliWouldUseThem() {
    String before = System.getProperty("picocli.ansi");
    System.setProperty("picocli.ansi", "true");
    try {
      CliRun run = CliRun.of(List.of("diagnose", "--help"));

      assertThat(run.exit()).isZero();
      assertThat(run.out()).startsWith("Usage: failuremodes diagnose ").doesNotContain("\u001b", "\\u001b");
    } finally {
      if (before == null) {
        System.clearProperty("picocli.ansi");
      } else {
        System.setProperty("picocli.ansi", before);
      }
    }
  }
}
