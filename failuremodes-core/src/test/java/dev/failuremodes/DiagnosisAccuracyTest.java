package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.evaluation.LabelledCase;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Practitioner phrasings (phrasings/practitioner.tsv) → the failure modes that must appear in the top three, and
 * catalog self-consistency.
 */
class DiagnosisAccuracyTest {

  static Stream<LabelledCase> practitionerPhrasings() {
    return TestCatalogs.cases("phrasings/practitioner.tsv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("practitionerPhrasings")
  void phrasing_ranksExpectedModeInTopThree(LabelledCase c) {
    Diagnosis d = FailureModes.forSymptoms(c.inputs()).diagnose();
    List<String> top3 = d.candidates().stream().limit(3).map(Candidate::id).collect(Collectors.toList());
    assertThat(top3).as("%s%n%s", c, d).containsAnyElementsOf(c.answers());
  }

  @Test
  void everyFailureMode_ranksFirstForItsOwnMostIndicativeSymptoms() {
    Catalog catalog = FailureModes.catalog();
    for (FailureMode mode : catalog.failureModes()) {
      List<String> strongest = mode.indicators().stream()
          .sorted((a, b) -> Double.compare(b.weight(), a.weight()))
          .limit(3)
          .map(Indicator::symptom)
          .collect(Collectors.toList());
      Diagnosis d = FailureModes.forSymptoms(strongest).diagnose();
      assertThat(d.top()).as("%s from %s%n%s", mode.id(), strongest, d).get()
          .extracting(Candidate::id).isEqualTo(mode.id());
    }
  }

  @Test
  void everyFailureMode_ranksFirstWhenNamedByIdNameOrAlias() {
    for (FailureMode mode : FailureModes.catalog().failureModes()) {
      List<String> names = new java.util.ArrayList<>(List.of(mode.id(), mode.name()));
      names.addAll(mode.aliases());
      for (String name : names) {
        Diagnosis d = FailureModes.forSymptoms(name).diagnose();
        assertThat(d.top()).as("%s named as '%s'%n%s", mode.id(), name, d).get()
            .extracting(Candidate::id).isEqualTo(mode.id());
      }
    }
  }
}
