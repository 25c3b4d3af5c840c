package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvidenceTest {
  private static Evidence evidence(String input, EvidenceKind kind, boolean against, String symptom, String field,
      List<String> words, String detail, double weight, double confidence, double contribution) {
    return new Evidence(input, kind, against, Optional.ofNullable(symptom), Optional.ofNullable(field), words, detail,
        weight, confidence, contribution);
  }

  @Test
  void describe_givesTheInputQuotedWhatItShowsAndTheArithmetic_forEveryKind() {
    assertThat(evidence("large train-test gap", EvidenceKind.SYMPTOM, false, "train-test-gap", null, List.of(), "",
        0.9, 1.0, 0.9).describe())
        .isEqualTo("'large train-test gap' shows symptom train-test-gap (0.90 × 1.00 = 0.90)");
    assertThat(evidence("no gap", EvidenceKind.SYMPTOM, true, "train-test-gap", null, List.of(), "", 0.9, 0.5, 0.45)
        .describe()).isEqualTo("'no gap' rules out symptom train-test-gap (0.90 × 0.50 = 0.45)");
    assertThat(evidence("PSI 0.31 on age", EvidenceKind.MEASURED, false, "feature-distribution-shift", null,
        List.of(), "psi 0.31 > 0.25 on age", 0.9, 0.95, 0.855).describe())
        .isEqualTo("'PSI 0.31 on age' measures feature-distribution-shift: psi 0.31 > 0.25 on age"
            + " (0.90 × 0.95 = 0.86)");
    assertThat(evidence("PSI 0.01", EvidenceKind.MEASURED, true, "feature-distribution-shift", null, List.of(), "",
        0.9, 0.95, 0.855).describe())
        .isEqualTo("'PSI 0.01' measures within the healthy range of feature-distribution-shift (0.90 × 0.95 = 0.86)");
    assertThat(evidence("data leakage", EvidenceKind.NAMED, false, null, null, List.of("data leakage"), "", 1.0, 1.0,
        1.0).describe()).isEqualTo("'data leakage' names it (1.00 × 1.00 = 1.00)");
    assertThat(evidence("not leakage", EvidenceKind.NAMED, true, null, null, List.of(), "", 1.0, 0.5, 0.5).describe())
        .isEqualTo("'not leakage' rules it out by name (1.00 × 0.50 = 0.50)");
    assertThat(evidence("check", EvidenceKind.CHECK, true, null, "learning-curves", List.of(), "curves converge", 0.9,
        0.6, 0.54).describe()).isEqualTo("'check' counts against it: curves converge (0.90 × 0.60 = 0.54)");
    assertThat(evidence("check", EvidenceKind.CHECK, false, null, "learning-curves", List.of(), "curves diverge", 0.9,
        1.0, 0.9).describe()).isEqualTo("'check' supports it: curves diverge (0.90 × 1.00 = 0.90)");
    assertThat(evidence("the model memorizes its training data", EvidenceKind.TEXT, false, null, "symptoms",
        List.of("memorizes", "training"), "", 0.8, 0.25, 0.2).describe())
        .isEqualTo("'the model memorizes its training data' shares words with its symptoms: memorizes, training"
            + " (0.80 × 0.25 = 0.20)");
    assertThat(evidence("words", EvidenceKind.TEXT, false, null, null, List.of("a"), "", 0.8, 0.0001, 0.0001)
        .describe()).isEqualTo("'words' shares words with its text: a (0.80 × 0.00 = 0.00)");
  }

  @Test
  void describe_cutsAnInputOfMoreThan60CharactersTo57AndAnEllipsis() {
    String sixty = "a".repeat(60);
    assertThat(evidence(sixty, EvidenceKind.NAMED, false, null, null, List.of(), "", 1.0, 1.0, 1.0).describe())
        .startsWith("'" + sixty + "' names it");
    String longer = "b".repeat(57) + "cdef";
    assertThat(evidence(longer, EvidenceKind.NAMED, false, null, null, List.of(), "", 1.0, 1.0, 1.0).describe())
        .isEqualTo("'" + "b".repeat(57) + "...' names it (1.00 × 1.00 = 1.00)")
        .isEqualTo(evidence(longer, EvidenceKind.NAMED, false, null, null, List.of(), "", 1.0, 1.0, 1.0).toString());
  }

  @Test
  void describe_printsNumbersThatAreNotRoundedToFourDecimalsAsTheFormatterDoes() {
    assertThat(evidence("x", EvidenceKind.NAMED, false, null, null, List.of(), "", 1.0 / 3, 0.125, 0.041666)
        .describe()).isEqualTo("'x' names it (" + String.format(java.util.Locale.ROOT, "%.2f", 1.0 / 3) + " × "
            + String.format(java.util.Locale.ROOT, "%.2f", 0.125) + " = "
            + String.format(java.util.Locale.ROOT, "%.2f", 0.041666) + ")");
  }
}
