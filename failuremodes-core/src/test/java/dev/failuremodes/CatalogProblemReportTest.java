package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every problem of a document at once, each for what it is, in time linear in their number and in a message of
 * bounded size.
 */
class CatalogProblemReportTest {
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
    return root.toString();
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
  void parse_missingFailureModesSection_isReportedAsMissingNotAsUnknownReferences() {
    assertProblems(changed(root -> root.remove("failureModes")), "$: missing required field 'failureModes'");
  }

  @Test
  void parse_duplicateId_stillReportsTheDanglingReferencesOfTheDuplicate() {
    String json = changed(root -> {
      ObjectNode copy = mode(root, 1).deepCopy();
      ((ObjectNode) copy.withArray("indicators").get(0)).put("symptom", "psi-alrt");
      root.withArray("failureModes").add(copy);
    });

    assertProblems(json,
        "$.failureModes[2].id: duplicate failure mode id 'data-drift'; first defined at $.failureModes[1]",
        "$.failureModes[2].indicators[0].symptom: unknown symptom 'psi-alrt' (referenced as an indicator); did you"
            + " mean 'psi-alert'?");
  }

  @Test
  void parse_thousandsOfDanglingReferences_takesLinearTime() {
    ObjectNode root = valid();
    ArrayNode symptoms = root.withArray("symptoms");
    ArrayNode indicators = mode(root, 1).withArray("indicators");
    int n = 6_000;
    for (int i = 0; i < n; i++) {
      symptoms.addObject().put("id", "symptom-number-" + i).put("name", "S" + i).put("stage", "data")
          .put("description", "d");
      indicators.addObject().put("symptom", "symptom-numbr-" + i).put("weight", 0.5);
    }
    String json = root.toString();

    CatalogException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> catchThrowableOfType(CatalogException.class, () -> Catalog.parse(json, "many.json")));

    assertThat(e.problems()).hasSize(n);
    assertThat(e.problems().get(0).message())
        .startsWith("unknown symptom 'symptom-numbr-0' (referenced as an indicator); did you mean 'symptom-number-0'");
    assertThat(e.problems().get(n - 1).message())
        .isEqualTo("unknown symptom 'symptom-numbr-5999' (referenced as an indicator); no suggestion: too many unknown"
            + " ids to compare each with every symptom id");
  }

  @Test
  void message_ofTwentyThousandProblems_listsTheFirstHundredAndCountsTheRest() {
    ObjectNode root = valid();
    ArrayNode aliases = symptom(root, 0).withArray("aliases");
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      aliases.add(" ");
    }

    CatalogException e =
        catchThrowableOfType(CatalogException.class, () -> Catalog.parse(root.toString(), "many.json"));

    assertThat(e.problems()).hasSize(n);
    String[] lines = e.getMessage().split("\n");
    assertThat(lines).hasSize(1 + 100 + 2);
    assertThat(lines[0]).isEqualTo("Invalid catalog many.json: 20000 problems");
    assertThat(lines[1]).isEqualTo("  $.symptoms[0].aliases[2]: must not be blank");
    assertThat(lines[100]).isEqualTo("  $.symptoms[0].aliases[101]: must not be blank");
    assertThat(lines[101]).isEqualTo("  ... and 19900 more problems; CatalogException.problems() lists every one");
    assertThat(lines[102]).isEqualTo(FOOTER.substring(1));
  }
}
