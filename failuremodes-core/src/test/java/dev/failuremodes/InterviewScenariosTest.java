package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Follows the recommended checks through the interview scenarios in {@code scenarios/interviews.json}: each starts
 * from what a team first reports, asks the diagnosis for its next check, answers it from the scenario's world (the
 * checks it lists come back positive, every other one negative) and repeats, at most three times, stopping early
 * when one cause stands out. A scenario passes when the true cause is then the top candidate. The report of every
 * scenario, with the checks asked, lands in {@code target/interviews/report.md}.
 */
class InterviewScenariosTest {
  /** The share of scenarios that must reach their true cause within three checks. */
  private static final double FLOOR = 0.90;
  private static final int MAX_CHECKS = 3;
  /** Candidates weighed per step, as the command line's interview shows them. */
  private static final int LIMIT = 5;

  /** One scenario's interview. */
  record Run(String id, String cause, boolean passed, boolean stoodOut, List<String> asked, String top,
      int rankBefore) {}

  static List<JsonNode> scenarios() throws IOException {
    try (InputStream in = InterviewScenariosTest.class.getResourceAsStream("/scenarios/interviews.json")) {
      List<JsonNode> out = new ArrayList<>();
      new ObjectMapper().readTree(in).get("scenarios").forEach(out::add);
      return out;
    }
  }

  static Run interview(JsonNode scenario) {
    Set<String> positive = new HashSet<>();
    scenario.get("positive").forEach(p -> positive.add(p.asText()));
    List<String> inputs = new ArrayList<>();
    scenario.get("inputs").forEach(i -> inputs.add(i.asText()));
    String cause = scenario.get("cause").asText();
    Query query = FailureModes.forSymptoms(inputs).limit(LIMIT);
    Diagnosis d = query.diagnose();
    int rankBefore = d.candidates().stream().filter(c -> c.id().equals(cause)).mapToInt(Candidate::rank)
        .findFirst().orElse(0);
    List<String> asked = new ArrayList<>();
    while (asked.size() < MAX_CHECKS && d.standout().isEmpty() && !d.nextChecks().isEmpty()) {
      String check = d.nextChecks().get(0).id();
      Outcome outcome = positive.contains(check) ? Outcome.POSITIVE : Outcome.NEGATIVE;
      asked.add(check + " " + outcome);
      query = query.checked(check, outcome);
      d = query.diagnose();
    }
    String top = d.top().map(Candidate::id).orElse("(none)");
    return new Run(scenario.get("id").asText(), cause, top.equals(cause), d.standout().isPresent(), asked, top,
        rankBefore);
  }

  @Test
  void scenarios_checkIdsExistAndCausesAreModes() throws IOException {
    Catalog catalog = FailureModes.catalog();
    List<JsonNode> scenarios = scenarios();
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(30);
    for (JsonNode s : scenarios) {
      assertThat(catalog.failureMode(s.get("cause").asText())).as(s.get("id").asText()).isPresent();
      s.get("positive").forEach(p -> assertThat(catalog.check(p.asText())).as(s.get("id") + " " + p).isPresent());
    }
  }

  @Test
  void followingTheRecommendedChecks_reachesTheTrueCauseWithinThreeChecks() throws IOException {
    List<Run> runs = new ArrayList<>();
    for (JsonNode s : scenarios()) {
      runs.add(interview(s));
    }
    long passed = runs.stream().filter(Run::passed).count();
    long topBefore = runs.stream().filter(r -> r.rankBefore() == 1).count();
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "# Interview scenarios%n%nTrue cause on top after at most %d recommended checks: %d of %d (%.0f%%);"
            + " on top before any check: %d.%n%n| scenario | cause | rank before | checks asked | top after |"
            + " stands out | passed |%n|---|---|---|---|---|---|---|%n",
        MAX_CHECKS, passed, runs.size(), 100.0 * passed / runs.size(), topBefore));
    for (Run r : runs) {
      report.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.id(), r.cause(),
          r.rankBefore() == 0 ? "–" : r.rankBefore(), String.join(", ", r.asked()), r.top(),
          r.stoodOut() ? "yes" : "no", r.passed() ? "yes" : "**no**"));
    }
    Path out = Path.of("target", "interviews", "report.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    assertThat((double) passed / runs.size()).as(report.toString()).isGreaterThanOrEqualTo(FLOOR);
  }
}
