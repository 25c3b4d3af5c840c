package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Detection methods as checks (schemaVersion 3): how they load, what validation refuses, and that the bundled
 * catalog's checks are complete.
 */
class CatalogChecksTest {
  private static final String FOOTER =
      "\nFix each problem and load again; catalog.schema.json documents every field.";

  private static final String LEAKAGE_CHECK = "{\"id\": \"feature-audit\", \"name\": \"Feature audit\","
      + " \"description\": \"Check each feature's timestamp.\", \"effectiveness\": \"high\", \"effort\": \"low\","
      + " \"observes\": \"Is a feature known only after the prediction?\", \"positive\": \"a feature comes from the"
      + " future\", \"negative\": \"every feature is known in time\", \"predicts\": {\"data-leakage\": \"positive\","
      + " \"data-drift\": \"negative\"}}";
  private static final String DRIFT_CHECK = "{\"id\": \"psi-check\", \"name\": \"PSI\", \"description\": \"PSI per"
      + " feature.\", \"effectiveness\": \"medium\", \"observes\": \"Do inputs drift?\", \"positive\": \"inputs"
      + " drift\", \"negative\": \"inputs are stable\", \"predicts\": {\"data-drift\": \"positive\"}}";

  /** The valid test catalog at schemaVersion 3, with the given detection methods for data-leakage and data-drift. */
  private static String catalog(String leakageChecks, String driftChecks) {
    String v1 = TestCatalogs.text("valid.json");
    String leakageDetection = "\"detection\": [{\"name\": \"Feature audit\", \"description\": \"Check each"
        + " feature's timestamp.\", \"effectiveness\": \"high\"}]";
    assertThat(v1).contains(leakageDetection, "\"schemaVersion\": 1");
    return v1.replace("\"schemaVersion\": 1", "\"schemaVersion\": 3")
        .replace(leakageDetection, "\"detection\": [" + leakageChecks + "]")
        .replace("\"id\": \"data-drift\",", "\"id\": \"data-drift\", \"detection\": [" + driftChecks + "],");
  }

  @Test
  void checks_loadWithTheirPredictionsAndRoundTrip() {
    Catalog c = Catalog.parse(catalog(LEAKAGE_CHECK, DRIFT_CHECK), "checks.json");
    assertThat(c.schemaVersion()).isEqualTo(3);
    assertThat(c.checks()).extracting(d -> d.id().orElseThrow()).containsExactly("feature-audit", "psi-check");
    DetectionMethod audit = c.requireCheck("feature-audit");
    assertThat(audit.predicts()).containsExactly(Map.entry("data-leakage", Outcome.POSITIVE),
        Map.entry("data-drift", Outcome.NEGATIVE));
    assertThat(audit.prediction("data-drift")).contains(Outcome.NEGATIVE);
    assertThat(audit.effort()).contains(Level.LOW);
    assertThat(audit.meaning(Outcome.NEGATIVE)).isEqualTo("every feature is known in time");
    assertThat(c.requireCheck("psi-check").effort()).isEmpty();
    assertThat(Catalog.parse(c.toJson(), "round-trip.json")).isEqualTo(c);
    assertThat(c.toString()).endsWith(", 2 checks]");
  }

  @Test
  void requireCheck_unknownId_suggestsNearOnes() {
    Catalog c = Catalog.parse(catalog(LEAKAGE_CHECK, DRIFT_CHECK), "checks.json");
    assertThatThrownBy(() -> c.requireCheck("feature-audti")).isInstanceOf(UnknownIdException.class)
        .hasMessage("Unknown check 'feature-audti'; did you mean 'feature-audit'?");
  }

  @Test
  void checkFields_needSchemaVersionThree() {
    String v2 = catalog(LEAKAGE_CHECK, DRIFT_CHECK).replace("\"schemaVersion\": 3", "\"schemaVersion\": 2");
    assertThatThrownBy(() -> Catalog.parse(v2, "v2.json")).isInstanceOf(CatalogException.class)
        .hasMessageContaining("$.failureModes[0].detection[0]: check fields (id, effort, observes, positive,"
            + " negative, predicts) need schemaVersion 3; this document declares schemaVersion 2 (set"
            + " \"schemaVersion\": 3)");
  }

  @Test
  void prediction_ofAnUnknownMode_isRefusedWithSuggestions() {
    String bad = catalog(LEAKAGE_CHECK.replace("\"data-drift\": \"negative\"", "\"data-drfit\": \"negative\""),
        DRIFT_CHECK);
    assertThatThrownBy(() -> Catalog.parse(bad, "bad.json")).hasMessage("Invalid catalog bad.json: 1 problem\n"
        + "  $.failureModes[0].detection[0].predicts.data-drfit: unknown failure mode 'data-drfit' (referenced as a"
        + " check's prediction); did you mean 'data-drift'?" + FOOTER);
  }

  @Test
  void prediction_otherThanPositiveOrNegative_isRefusedWithTheValidOutcomes() {
    String bad = catalog(LEAKAGE_CHECK.replace("\"data-drift\": \"negative\"", "\"data-drift\": \"negatve\""),
        DRIFT_CHECK);
    assertThatThrownBy(() -> Catalog.parse(bad, "bad.json")).hasMessageContaining(
        "$.failureModes[0].detection[0].predicts.data-drift: unknown outcome 'negatve'; did you mean 'negative'?"
            + " Valid: positive, negative (leave a mode out when the check predicts nothing for it)");
  }

  @Test
  void checkIds_areUniqueAcrossTheCatalog() {
    String bad = catalog(LEAKAGE_CHECK, DRIFT_CHECK.replace("\"psi-check\"", "\"feature-audit\""));
    assertThatThrownBy(() -> Catalog.parse(bad, "bad.json")).hasMessageContaining(
        "$.failureModes[1].detection[0].id: duplicate check id 'feature-audit'; first defined in bad.json at"
            + " $.failureModes[0].detection[0].id; a check id is unique across the catalog");
  }

  @Test
  void predictions_withoutAPositive_orWithoutTheirTexts_areRefused() {
    String noPositive = catalog(LEAKAGE_CHECK, DRIFT_CHECK.replace("\"data-drift\": \"positive\"",
        "\"data-drift\": \"negative\""));
    assertThatThrownBy(() -> Catalog.parse(noPositive, "bad.json")).hasMessageContaining(
        "$.failureModes[1].detection[0].predicts: a check must predict a positive outcome for at least one failure"
            + " mode, or no result could count for any; mark the modes it confirms \"positive\"");
    String noTexts = catalog(LEAKAGE_CHECK, DRIFT_CHECK.replace(" \"observes\": \"Do inputs drift?\",", "")
        .replace(" \"negative\": \"inputs are stable\",", ""));
    assertThatThrownBy(() -> Catalog.parse(noTexts, "bad.json")).hasMessageContaining(
        "$.failureModes[1].detection[0]: a check with predictions needs observes, negative: an id to answer it by,"
            + " the question it answers and what each result means");
  }

  @Test
  void modesNoCheckTellsApart_areReported() {
    String same = catalog(LEAKAGE_CHECK.replace("\"data-drift\": \"negative\"", "\"data-drift\": \"positive\""),
        DRIFT_CHECK.replace("\"data-drift\": \"positive\"", "\"data-drift\": \"positive\", \"data-leakage\":"
            + " \"positive\""));
    assertThatThrownBy(() -> Catalog.parse(same, "same.json")).hasMessage("Invalid catalog same.json: 1 problem\n"
        + "  $.failureModes[1]: failure modes 'data-leakage' and 'data-drift' get the same prediction from every"
        + " check, so no check can tell them apart; give one check a prediction that differs between them" + FOOTER);
  }

  @Test
  void detectionWithoutPredictions_staysADetectionMethod() {
    Catalog v1 = TestCatalogs.valid();
    assertThat(v1.checks()).isEmpty();
    assertThat(v1.requireFailureMode("data-leakage").detection().get(0).id()).isEmpty();
    assertThat(v1.requireFailureMode("data-leakage").detection().get(0).meaning(Outcome.POSITIVE))
        .isEqualTo("Feature audit: positive");
  }

  // ---- The bundled catalog ----

  @Test
  void bundled_everyDetectionMethodIsACheckWithItsTextsAndPredictions() {
    Catalog catalog = FailureModes.catalog();
    int methods = 0;
    for (FailureMode m : catalog.failureModes()) {
      assertThat(m.detection()).as(m.id()).isNotEmpty();
      for (DetectionMethod d : m.detection()) {
        methods++;
        String what = m.id() + " / " + d.name();
        assertThat(d.id()).as(what).isPresent();
        assertThat(d.observes()).as(what).hasValueSatisfying(t -> assertThat(t).endsWith("?"));
        assertThat(d.positive()).as(what).isPresent();
        assertThat(d.negative()).as(what).isPresent();
        assertThat(d.effort()).as(what).isPresent();
        assertThat(d.predicts()).as(what).containsValue(Outcome.POSITIVE);
      }
    }
    assertThat(catalog.checks()).hasSize(methods).hasSizeGreaterThanOrEqualTo(58);
  }

  @Test
  void bundled_eachCheckPredictsItsOwnModePositive_exceptAnUmbrellaModesNarrowCheck() {
    List<String> exceptions = new ArrayList<>();
    for (FailureMode m : FailureModes.catalog().failureModes()) {
      for (DetectionMethod d : m.detection()) {
        if (d.prediction(m.id()).orElse(null) != Outcome.POSITIVE) {
          exceptions.add(m.id() + "/" + d.id().orElseThrow());
        }
      }
    }
    // Data leakage is the umbrella of several forms; a single feature that solves the task shows only the feature
    // form, so the check makes no prediction for the umbrella (feature-leakage and spurious-correlation it does).
    assertThat(exceptions).containsExactly("data-leakage/single-feature-scan");
  }

  @Test
  void bundled_everyModeIsConfirmedBySomeCheck_andEveryTwoModesAreToldApart() {
    Catalog catalog = FailureModes.catalog();
    Set<String> signatures = new HashSet<>();
    for (FailureMode m : catalog.failureModes()) {
      assertThat(catalog.checks()).as(m.id()).anyMatch(d -> d.prediction(m.id()).orElse(null) == Outcome.POSITIVE);
      StringBuilder signature = new StringBuilder();
      catalog.checks().forEach(d -> signature.append(d.prediction(m.id()).map(Outcome::id).orElse("-")).append(','));
      assertThat(signatures.add(signature.toString())).as(m.id() + " is told apart from every other mode").isTrue();
    }
  }

  @Test
  void bundled_roundTripsWithItsChecks() {
    Catalog catalog = FailureModes.catalog();
    assertThat(Catalog.parse(catalog.toJson(), "round-trip.json")).isEqualTo(catalog);
  }
}
