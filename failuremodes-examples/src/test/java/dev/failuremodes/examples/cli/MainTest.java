package dev.failuremodes.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void stages_printsAllSixInDebuggingOrder() {
    assertThat(run("stages")).isZero();
    assertThat(out.toString().lines())
        .hasSize(6)
        .first()
        .asString()
        .startsWith("1. problem-framing");
    assertThat(out.toString().lines().skip(5).findFirst()).get().asString().startsWith("6. deployment-monitoring");
  }

  @Test
  void list_stageFilter_printsOnlyThatStage() {
    assertThat(run("list", "--stage", "problem-framing")).isZero();
    assertThat(out.toString()).startsWith("Problem framing\n").contains("  misaligned-target ").doesNotContain("Data\n");
  }

  @Test
  void list_unknownStage_isAUsageErrorListingTheValidOnes() {
    assertThat(run("list", "--stage", "modelling")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).startsWith("Invalid value for option '--stage' (ID): Unknown stage 'modelling'; valid"
        + " stages are problem-framing, data, feature-engineering, modeling, evaluation, deployment-monitoring.");
  }

  @Test
  void show_knownId_printsTheModeWithFixesInOrder() {
    assertThat(run("show", "misaligned-target")).isZero();
    assertThat(out.toString())
        .startsWith("Misaligned target (misaligned-target) — stage: problem-framing")
        .contains("Fixes, in order:\n  1. Revisit the problem statement [leverage high, effort medium]");
  }

  @Test
  void show_unknownId_suggestsAndExitsWithUsage() {
    assertThat(run("show", "misaligned-targt")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).isEqualTo("Unknown failure mode 'misaligned-targt'; did you mean 'misaligned-target'?"
        + " Run 'failuremodes list' to see every id." + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unknownCommand_isAUsageError() {
    assertThat(run("diagnoze")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'diagnoze'");
  }
}
