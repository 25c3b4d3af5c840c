package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueInvariantsTest {
  @Test
  void symptom_badId_namesTheAttributeAndValue() {
    assertThatThrownBy(() -> Symptom.builder().id("Bad Id").name("n").stage(Stage.DATA).description("d").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Invalid symptom: id 'Bad Id' is not lowercase kebab-case (expected letters, digits and single"
            + " dashes, such as 'data-leakage')");
  }

  @Test
  void symptom_blankName_isRejected() {
    assertThatThrownBy(() -> Symptom.builder().id("ok").name(" ").stage(Stage.DATA).description("d").build())
        .hasMessage("Invalid symptom 'ok': name must not be blank");
  }

  @Test
  void symptom_missingAttribute_isRejectedByTheBuilder() {
    assertThatThrownBy(() -> Symptom.builder().id("ok").name("n").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stage")
        .hasMessageContaining("description");
  }

  @Test
  void indicator_weightOutsideRange_isRejected() {
    assertThatThrownBy(() -> Indicator.of("gap", 0.0))
        .hasMessage("Invalid indicator for 'gap': weight 0.0 is out of range; a weight must be in (0, 1]");
    assertThatThrownBy(() -> Indicator.of("gap", 1.01))
        .hasMessage("Invalid indicator for 'gap': weight 1.01 is out of range; a weight must be in (0, 1]");
    assertThat(Indicator.of("gap", 1.0).weight()).isEqualTo(1.0);
  }

  @Test
  void reference_withoutDoiOrUrl_isRejected() {
    assertThatThrownBy(() -> Reference.builder().title("T").authors("A").year(2020).build())
        .hasMessage("Invalid reference 'T': a doi or a url is required");
  }

  @Test
  void collections_areNeverNull() {
    Symptom s = Symptom.builder().id("ok").name("n").stage(Stage.DATA).description("d").build();
    assertThat(s.aliases()).isEmpty();
    assertThat(s.signals()).isEmpty();
    assertThat(s.replacedBy()).isEmpty();
    assertThat(s).hasToString("Symptom[ok: n]");
  }

  @Test
  void stage_isInDebuggingOrderAndParsesIds() {
    assertThat(Stage.inDebuggingOrder()).extracting(Stage::id).containsExactly(
        "problem-framing", "data", "feature-engineering", "modeling", "evaluation", "deployment-monitoring");
    assertThat(Stage.MODELING.debuggingOrder()).isEqualTo(4);
    assertThat(Stage.of("DEPLOYMENT_MONITORING")).isEqualTo(Stage.DEPLOYMENT_MONITORING);
    assertThatThrownBy(() -> Stage.of("training"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown stage 'training'; valid stages are problem-framing, data, feature-engineering,"
            + " modeling, evaluation, deployment-monitoring.");
  }

  @Test
  void relation_inversesPair() {
    for (Relation r : Relation.values()) {
      assertThat(r.inverse().inverse()).isEqualTo(r);
    }
    assertThat(Relation.CHILD_OF.inverse()).isEqualTo(Relation.PARENT_OF);
    assertThat(Relation.PEER_OF.inverse()).isEqualTo(Relation.PEER_OF);
  }
}
