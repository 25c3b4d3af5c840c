package dev.failuremodes.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.Candidate;
import dev.failuremodes.Catalog;
import dev.failuremodes.Diagnoser;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.Evidence;
import dev.failuremodes.EvidenceKind;
import dev.failuremodes.FailureMode;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Fix;
import dev.failuremodes.NextCheck;
import dev.failuremodes.PlannedFix;
import dev.failuremodes.Symptom;
import dev.failuremodes.alerts.Report;
import dev.failuremodes.internal.json.Json;
import dev.failuremodes.signals.Observation;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The direct JSON writer produces exactly what Jackson's tree and default pretty printer produce for the same
 * document: parsing its output and writing the tree back gives the same text, for diagnoses of every shape.
 */
class JsonTextTest {
  static Stream<Diagnosis> diagnoses() {
    return Stream.of(
        FailureModes.forSymptoms("large train-test gap", "accuracy dropped after release").diagnose(),
        FailureModes.forSymptoms("PSI 0.05 on age").diagnose(),
        FailureModes.forSymptoms("xyzzy", "the model is not overfitting but \"quotes\" \\ and\ttabs\nlines \u0001")
            .diagnose(),
        FailureModes.forSymptoms("we suspect data leakage, ünïcödé — ✓").observe(Observation.of("psi", 0.31)
            .feature("age"), Observation.of("train-score", 0.99), Observation.of("validation-score", 0.7)).diagnose(),
        FailureModes.forReports(Report.parse("{\"receiver\":\"ml\",\"alerts\":[{\"labels\":{\"alertname\":\"Psi\","
            + "\"metric\":\"psi\",\"value\":\"0.4\",\"threshold\":\"0.2\",\"feature\":\"age\"}},{\"status\":\"resolved\","
            + "\"labels\":{\"alertname\":\"Old\"}}]}", "a.json")).diagnose(),
        FailureModes.forSymptoms("PSI 0.31 on age. " + "x ".repeat(50_000)).diagnose());
  }

  @ParameterizedTest
  @MethodSource("diagnoses")
  void toJson_isWhatJacksonsPrettyPrinterWrites(Diagnosis d) {
    String json = d.toJson();
    assertThat(Json.write(Json.parseReport(new StringReader(json), "diagnosis"))).isEqualTo(json);
  }

  @Test
  void emptyContainersAndEscapes_areWrittenAsJacksonWritesThem() {
    String json = new JsonText().beginObject().field("a", List.of()).name("o").beginObject().endObject()
        .field("s", "q\"b\\n\nt\tc\u0000e\u001f").field("d", 1.0).field("i", 3).field("b", false).endObject()
        .toString();
    assertThat(json).isEqualTo("{\n  \"a\" : [ ],\n  \"o\" : { },\n  \"s\" : \"q\\\"b\\\\n\\nt\\tc\\u0000e\\u001F\",\n"
        + "  \"d\" : 1.0,\n  \"i\" : 3,\n  \"b\" : false\n}\n");
    assertThat(Json.write(Json.parse(new StringReader(json), "x"))).isEqualTo(json);
  }

  /**
   * The parts copied from a set used by many diagnoses (kept, reused, and with more address sets than are kept)
   * give the same document as a set made for one diagnosis, and the document holds each entry's own values.
   */
  @Test
  void sharedParts_giveTheSameDocumentAsFreshOnes_andEachEntrysOwnValues() {
    Catalog catalog = FailureModes.catalog();
    Diagnoser diagnoser = FailureModes.using(catalog);
    JsonFragments shared = new JsonFragments();
    List<Symptom> symptoms = catalog.symptoms();
    java.util.Map<String, java.util.Set<List<String>>> addressSets = new java.util.HashMap<>();
    int documents = 0;
    for (int i = 0; i < symptoms.size(); i++) {
      for (int k = i + 1; k < symptoms.size(); k += 5) {
        Diagnosis d = diagnoser.forSymptoms(symptoms.get(i).id(), symptoms.get(k).id()).diagnose();
        String json = DiagnosisRenderer.json(d, shared);
        assertThat(json).isEqualTo(DiagnosisRenderer.json(d, new JsonFragments()));
        JsonNode tree = Json.parse(new StringReader(json), "diagnosis");
        assertThat(tree.get("resolved").get(1).get("input").asText()).isEqualTo(symptoms.get(k).id());
        assertThat(tree.get("resolved").get(1).get("symptoms").get(0).get("id").asText())
            .isEqualTo(symptoms.get(k).id());
        assertThat(tree.get("resolved").get(1).get("symptoms").get(0).get("how").asText()).isEqualTo("id");
        for (int c = 0; c < d.candidates().size(); c++) {
          Candidate candidate = d.candidates().get(c);
          JsonNode node = tree.get("candidates").get(c);
          assertThat(node.get("id").asText()).isEqualTo(candidate.id());
          assertThat(node.get("name").asText()).isEqualTo(candidate.failureMode().name());
          assertThat(node.get("stage").asText()).isEqualTo(candidate.failureMode().stage().id());
          for (int e = 0; e < candidate.evidence().size(); e++) {
            Evidence evidence = candidate.evidence().get(e);
            JsonNode written = node.get("evidence").get(e);
            assertThat(written.get("input").asText()).isEqualTo(evidence.input());
            assertThat(written.get("kind").asText()).isEqualTo(evidence.kind().id());
            assertThat(written.get("against").asBoolean()).isEqualTo(evidence.against());
            assertThat(written.get("symptom").asText()).isEqualTo(evidence.symptom().orElseThrow());
          }
        }
        for (int p = 0; p < d.plan().size(); p++) {
          PlannedFix fix = d.plan().get(p);
          JsonNode node = tree.get("plan").get(p);
          assertThat(node.get("fix").asText()).isEqualTo(fix.fix().id());
          assertThat(node.get("name").asText()).isEqualTo(fix.fix().name());
          assertThat(node.get("leverage").asText()).isEqualTo(fix.fix().leverage().id());
          assertThat(node.get("effort").asText()).isEqualTo(fix.fix().effort().id());
          assertThat(node.get("stage").asText()).isEqualTo(fix.fix().stage().id());
          assertThat(texts(node.get("addresses"))).isEqualTo(fix.addresses());
          addressSets.computeIfAbsent(fix.fix().id(), x -> new java.util.HashSet<>()).add(fix.addresses());
        }
        for (int n = 0; n < Math.min(5, d.nextChecks().size()); n++) {
          NextCheck check = d.nextChecks().get(n);
          JsonNode node = tree.get("nextChecks").get(n);
          assertThat(node.get("id").asText()).isEqualTo(check.id());
          assertThat(node.get("name").asText()).isEqualTo(check.check().name());
          assertThat(node.has("observes")).isEqualTo(check.check().observes().isPresent());
          assertThat(texts(node.get("ifPositive"))).isEqualTo(check.ifPositive());
          assertThat(texts(node.get("ifNegative"))).isEqualTo(check.ifNegative());
          assertThat(node.get("effectiveness").asText()).isEqualTo(check.check().effectiveness().id());
        }
        documents++;
      }
    }
    assertThat(documents).isGreaterThan(150);
    // Some fixes were written with more address sets than a part keeps: the field-by-field way was taken too.
    assertThat(addressSets.values().stream().mapToInt(java.util.Set::size).max().orElse(0))
        .isGreaterThan(JsonFragments.VARIANTS);
  }

  /** The same for text: evidence through a field of a mode's text, names, values, negations and check results. */
  @Test
  void sharedParts_giveTheSameDocumentAsFreshOnes_forText() {
    Diagnoser diagnoser = FailureModes.using(FailureModes.catalog());
    JsonFragments shared = new JsonFragments();
    List<String> texts = List.of("PSI 0.31 on feature age", "Null rate spike on column country",
        "accuracy dropped after the release", "we think some features are computed after the event",
        "the model is overfitting", "labels are noisy", "it is not data leakage", "train acc 0.99, test acc 0.72",
        "the \"churn\" model's recall fell", "psi 0.05 on income", "predictions drift week over week",
        "the feature store migration finished");
    int evidence = 0;
    for (String first : texts) {
      for (String second : texts) {
        Diagnosis d = diagnoser.forSymptoms(first, second).checked("learning-curves",
            dev.failuremodes.Outcome.POSITIVE).diagnose();
        String json = DiagnosisRenderer.json(d, shared);
        assertThat(json).isEqualTo(DiagnosisRenderer.json(d, new JsonFragments()));
        JsonNode tree = Json.parse(new StringReader(json), "diagnosis");
        for (int c = 0; c < d.candidates().size(); c++) {
          Candidate candidate = d.candidates().get(c);
          for (int e = 0; e < candidate.evidence().size(); e++) {
            Evidence piece = candidate.evidence().get(e);
            JsonNode written = tree.get("candidates").get(c).get("evidence").get(e);
            assertThat(written.get("input").asText()).isEqualTo(piece.input());
            assertThat(written.get("kind").asText()).isEqualTo(piece.kind().id());
            assertThat(written.get("against").asBoolean()).isEqualTo(piece.against());
            assertThat(written.has("symptom")).isEqualTo(piece.symptom().isPresent());
            String field = piece.kind() == EvidenceKind.CHECK ? "check" : "field";
            assertThat(written.has(field)).isEqualTo(piece.field().isPresent());
            if (piece.field().isPresent()) {
              assertThat(written.get(field).asText()).isEqualTo(piece.field().get());
            }
            evidence++;
          }
        }
      }
    }
    assertThat(evidence).isGreaterThan(1_000);
  }

  /** Past its budget, a set keeps no more parts and the documents stay the same. */
  @Test
  void parts_pastTheBudget_areUsedOnce_andNotKept() {
    Catalog catalog = FailureModes.catalog();
    Diagnoser diagnoser = FailureModes.using(catalog);
    JsonFragments none = new JsonFragments(0);
    JsonFragments small = new JsonFragments(5_000);
    JsonFragments full = new JsonFragments();
    List<Symptom> symptoms = catalog.symptoms();
    for (int i = 0; i + 1 < symptoms.size(); i += 3) {
      Diagnosis d = diagnoser.forSymptoms(symptoms.get(i).id(), symptoms.get(i + 1).id()).diagnose();
      String json = DiagnosisRenderer.json(d, full);
      assertThat(DiagnosisRenderer.json(d, none)).isEqualTo(json);
      assertThat(DiagnosisRenderer.json(d, small)).isEqualTo(json);
    }
    assertThat(none.keptChars()).isZero();
    assertThat(small.keptChars()).isPositive().isLessThanOrEqualTo(5_000);
    assertThat(full.keptChars()).isGreaterThan(5_000).isLessThanOrEqualTo(JsonFragments.MAX_KEPT_CHARS);
  }

  /** A fix keeps its plan entry whole for its first four sets of addresses; others are written field by field. */
  @Test
  void aFix_keepsWholeEntriesForFourSetsOfAddresses() {
    Fix fix = FailureModes.catalog().fixes().get(0);
    JsonFragments parts = new JsonFragments();
    List<List<String>> sets = List.of(List.of("a"), List.of("b"), List.of("a", "b"), List.of("c"), List.of("d"));
    for (int i = 0; i < 4; i++) {
      assertThat(new String(parts.planEntry(fix, sets.get(i)).text)).contains(String.join("\", \"", sets.get(i)));
    }
    assertThat(parts.planEntry(fix, sets.get(4))).isNull();
    assertThat(parts.planEntry(fix, new java.util.ArrayList<>(sets.get(2)))).isSameAs(parts.planEntry(fix,
        sets.get(2)));
  }

  @Test
  void aPart_isUsedOnlyForTheEntryItWasMadeFrom() {
    FailureMode mode = FailureModes.catalog().failureModes().get(0);
    FailureMode renamed = FailureMode.builder().from(mode).name("Another name").build();
    JsonFragments parts = new JsonFragments();
    assertThat(new String(parts.mode(mode).text)).contains(mode.name());
    assertThat(new String(parts.mode(renamed).text)).contains("Another name").doesNotContain(mode.name());
    assertThat(new String(parts.mode(mode).text)).contains(mode.name());
  }

  @Test
  void aPart_writtenWhereItWasNotMadeFor_isRefused() {
    JsonFragments.Part part = new JsonFragments().mode(FailureModes.catalog().failureModes().get(0));
    JsonText top = new JsonText().beginObject();
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> top.field("rank", 1).part(part)).withMessageContaining("nesting 2, not at 1");
    JsonText first = new JsonText().beginObject().name("a").beginArray().beginObject();
    org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> first.part(part))
        .withMessageContaining("after 0 fields");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
