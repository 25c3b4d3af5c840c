package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What the loader rejects that it once let through: missing sections, ids in another case, cycles, nulls,
 * characters no text may hold and numbers beyond a double; and what it must still accept.
 */
class CatalogValidationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FOOTER =
      "\nFix each problem and load again; catalog.schema.json documents every field.";

  /** Returns valid.json as a tree to change. */
  private static ObjectNode valid() {
    try {
      return (ObjectNode) JSON.readTree(TestCatalogs.text("valid.json"));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static String changed(Consumer<ObjectNode> change) {
    ObjectNode root = valid();
    change.accept(root);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode symptom(ObjectNode root, int i) {
    return (ObjectNode) root.withArray("symptoms").get(i);
  }

  private static ObjectNode mode(ObjectNode root, int i) {
    return (ObjectNode) root.withArray("failureModes").get(i);
  }

  private static void assertProblems(String json, String... problems) {
    assertThatThrownBy(() -> Catalog.parse(json, "test.json"))
        .isInstanceOf(CatalogException.class)
        .hasMessage("Invalid catalog test.json: " + problems.length + (problems.length == 1 ? " problem" : " problems")
            + "\n  " + String.join("\n  ", problems) + FOOTER);
  }

  @Test
  void parse_catalogWithoutSymptomsFixesOrFailureModes_reportsEachMissingSection() {
    String empty = changed(root -> {
      root.remove("symptoms");
      root.remove("fixes");
      root.remove("failureModes");
      root.remove("caseStudies");
    });

    assertProblems(empty,
        "$: missing required field 'symptoms'",
        "$: missing required field 'fixes'",
        "$: missing required field 'failureModes'");
  }

  @Test
  void parse_emptySections_areRejected() {
    String json = changed(root -> {
      root.putArray("symptoms");
      root.putArray("fixes");
      root.putArray("failureModes");
      root.remove("caseStudies");
    });

    assertProblems(json,
        "$.symptoms: must have at least one element",
        "$.fixes: must have at least one element",
        "$.failureModes: must have at least one element");
  }

  @Test
  void parse_stageOrLevelInAnotherCase_isRejectedWithTheExactId() {
    String json = changed(root -> {
      symptom(root, 0).put("stage", "Data");
      symptom(root, 1).put("stage", "DEPLOYMENT_MONITORING");
      ((ObjectNode) root.withArray("fixes").get(0)).put("leverage", "High");
    });

    String stages = " Valid: problem-framing, data, feature-engineering, modeling, evaluation, deployment-monitoring";
    assertProblems(json,
        "$.symptoms[0].stage: unknown stage 'Data'; did you mean 'data'?" + stages,
        "$.symptoms[1].stage: unknown stage 'DEPLOYMENT_MONITORING'; did you mean 'deployment-monitoring'?" + stages,
        "$.fixes[0].leverage: unknown leverage 'High'; did you mean 'high'? Valid: low, medium, high");
  }

  @Test
  void parse_childOfCycle_isRejected() {
    String json = changed(root -> {
      mode(root, 0).withArray("related").addObject().put("mode", "data-drift").put("relation", "child-of");
      mode(root, 1).withArray("related").addObject().put("mode", "data-leakage").put("relation", "child-of");
    });

    assertProblems(json,
        "$.failureModes[1].related[1].mode: child-of cycle data-drift → data-leakage → data-drift (each a kind of"
            + " the next); a failure mode cannot be a kind of itself: remove one of these child-of or parent-of"
            + " relations");
  }

  @Test
  void parse_parentOfStatedBothWays_isACycleToo() {
    String json = changed(root -> {
      mode(root, 0).withArray("related").addObject().put("mode", "data-drift").put("relation", "parent-of");
      mode(root, 1).withArray("related").addObject().put("mode", "data-leakage").put("relation", "parent-of");
    });

    assertThatThrownBy(() -> Catalog.parse(json, "test.json"))
        .hasMessageContaining("child-of cycle");
  }

  @Test
  void parse_canPrecedeCycleThroughCanFollow_isRejected() {
    String json = changed(root -> {
      mode(root, 0).withArray("related").addObject().put("mode", "data-drift").put("relation", "can-precede");
      // "data-leakage can follow data-drift" is "data-drift can precede data-leakage": the loop closes.
      mode(root, 0).withArray("related").addObject().put("mode", "data-drift").put("relation", "can-follow");
    });

    assertProblems(json,
        "$.failureModes[0].related[2].mode: can-precede cycle data-drift → data-leakage → data-drift (each can"
            + " precede the next); remove one of these can-precede or can-follow relations");
  }

  @Test
  void parse_consistentInverseRelations_areNoCycle() {
    Catalog catalog = Catalog.parse(changed(root -> {
      mode(root, 0).withArray("related").addObject().put("mode", "data-drift").put("relation", "can-precede");
      mode(root, 1).withArray("related").addObject().put("mode", "data-leakage").put("relation", "can-follow");
    }), "test.json");

    assertThat(catalog.requireFailureMode("data-leakage").related()).hasSize(2);
  }

  @Test
  void parse_selfReplacement_isRejected() {
    String json = changed(root -> symptom(root, 0).put("deprecated", true).put("replacedBy", "train-test-gap"));

    assertProblems(json,
        "$.symptoms[0].replacedBy: symptom 'train-test-gap' cannot be replaced by itself; name the entry that"
            + " replaces it, or leave replacedBy out");
  }

  @Test
  void parse_replacementCycle_isRejected() {
    String json = changed(root -> {
      symptom(root, 0).put("deprecated", true).put("replacedBy", "psi-alert");
      symptom(root, 2).put("deprecated", true).put("replacedBy", "train-test-gap");
      ((ObjectNode) root.withArray("fixes").get(0)).put("deprecated", true).put("replacedBy", "time-based-split");
    });

    assertProblems(json,
        "$.symptoms[0].replacedBy: replacement cycle train-test-gap → psi-alert → train-test-gap; a retired"
            + " symptom must lead to one that is not retired: point one of them at a current symptom");
  }

  @Test
  void parse_nullWhereAValueIsExpected_isRejected() {
    String json = changed(root -> {
      mode(root, 0).putNull("aliases");
      symptom(root, 0).putNull("deprecated");
      symptom(root, 1).putNull("name");
      root.putNull("guidance");
    });

    assertProblems(json,
        "$.symptoms[0].deprecated: expected true or false but found null; leave the field out when there is none",
        "$.symptoms[1].name: expected a string but found null",
        "$.failureModes[0].aliases: expected an array but found null; leave the field out when there is none",
        "$.guidance: expected an object but found null; leave the field out when there is none");
  }

  @Test
  void parse_controlCharactersAndLoneSurrogates_areRejected() {
    String json = changed(root -> {
      symptom(root, 0).put("name", "Large\u0000gap");
      symptom(root, 1).put("description", "cut \uD83D");
      symptom(root, 2).withArray("aliases").add("PSI\u001B[0m");
    });

    assertProblems(json,
        "$.symptoms[0].name: name contains the control character U+0000 at character 6; remove it (text may"
            + " hold tabs and line breaks but no other control character)",
        "$.symptoms[1].description: description contains a lone surrogate U+D83D at character 5 (half of a"
            + " character: the text was cut or mis-encoded); remove it or write the whole character",
        "$.symptoms[2].aliases[1]: contains the control character U+001B at character 4; remove it (text may"
            + " hold tabs and line breaks but no other control character)");
  }

  @Test
  void parse_tabsLineBreaksAndCharactersBeyondTheBmp_areAccepted() {
    Catalog catalog = Catalog.parse(changed(root -> symptom(root, 0)
        .put("description", "Line one\n\tline two \uD83D\uDCC9\r\n")), "test.json");

    assertThat(catalog.requireSymptom("train-test-gap").description()).endsWith("\uD83D\uDCC9\r\n");
  }

  @Test
  void parse_nonFiniteNumber_isAProblemNotACrash() {
    String json = TestCatalogs.text("valid.json").replace("\"threshold\": 0.99", "\"threshold\": 1e400");

    assertProblems(json,
        "$.symptoms[1].signals[0].threshold: expected a finite number but found one too large for a double");
  }

  @Test
  void parse_integralYearWrittenWithAFraction_isAnInteger() {
    String json = TestCatalogs.text("valid.json").replace("\"year\": 2023", "\"year\": 2023.0");

    assertThat(Catalog.parse(json, "test.json").requireFailureMode("data-leakage").references().get(0).year())
        .isEqualTo(2023);
  }
}
