package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueInvariantsTest {
  private static final String FOOTER = "\nFix the value and build it again; catalog.schema.json documents every field.";

  @Test
  void symptom_badId_namesTheAttributeAndValue() {
    assertThatThrownBy(() -> Symptom.builder().id("Bad Id").name("n").stage(Stage.DATA).description("d").build())
        .isInstanceOf(CatalogException.class)
        .isInstanceOf(FailureModesException.class)
        .hasMessage("Invalid catalog symptom: 1 problem\n  Symptom.builder(): id 'Bad Id' is not lowercase kebab-case"
            + " (expected letters, digits and single dashes, such as 'data-leakage')" + FOOTER);
  }

  @Test
  void symptom_blankName_isRejected() {
    CatalogException e = catchThrowableOfType(CatalogException.class,
        () -> Symptom.builder().id("ok").name(" ").stage(Stage.DATA).description("d").build());

    assertThat(e).hasMessage(
        "Invalid catalog symptom 'ok': 1 problem\n  Symptom.builder(): name must not be blank" + FOOTER);
    assertThat(e.problems()).containsExactly(
        new CatalogProblem("symptom 'ok'", "Symptom.builder()", "name must not be blank"));
  }

  @Test
  void symptom_missingAttribute_isRejectedByTheBuilder() {
    assertThatThrownBy(() -> Symptom.builder().id("ok").name("n").build())
        .isInstanceOf(CatalogException.class)
        .hasMessage("Invalid catalog symptom: 1 problem\n  Symptom.builder(): missing required attributes stage,"
            + " description; set them before build()" + FOOTER);
  }

  @Test
  void symptom_controlCharacterInName_isRejected() {
    assertThatThrownBy(() -> Symptom.builder().id("ok").name("a\u0000b").stage(Stage.DATA).description("d").build())
        .hasMessage("Invalid catalog symptom 'ok': 1 problem\n  Symptom.builder(): name contains the control"
            + " character U+0000 at character 2; remove it (text may hold tabs and line breaks but no other control"
            + " character)" + FOOTER);
  }

  @Test
  void indicator_weightOutsideRange_isRejected() {
    assertThatThrownBy(() -> Indicator.of("gap", 0.0))
        .isInstanceOf(CatalogException.class)
        .hasMessage("Invalid catalog indicator for 'gap': 1 problem\n  Indicator.of(symptom, weight): weight 0.0 is"
            + " out of range; a weight must be in (0, 1]" + FOOTER);
    assertThatThrownBy(() -> Indicator.of("gap", 1.01))
        .hasMessageContaining("weight 1.01 is out of range; a weight must be in (0, 1]");
    assertThat(Indicator.of("gap", 1.0).weight()).isEqualTo(1.0);
  }

  @Test
  void reference_withoutDoiOrUrl_isRejected() {
    assertThatThrownBy(() -> Reference.builder().title("T").authors("A").year(2020).build())
        .isInstanceOf(CatalogException.class)
        .hasMessage("Invalid catalog reference 'T': 1 problem\n  Reference.builder(): a doi or a url is required"
            + FOOTER);
  }

  @Test
  void signal_nonFiniteThreshold_isRejected() {
    assertThatThrownBy(() -> Signal.builder().metric("psi").comparator(Comparison.GREATER_THAN)
            .threshold(Double.POSITIVE_INFINITY).source("s").build())
        .isInstanceOf(CatalogException.class)
        .hasMessage("Invalid catalog signal: 1 problem\n  Signal.builder(): threshold must be a finite number, was"
            + " Infinity" + FOOTER);
  }

  /** Every builder and factory fails with a CatalogException naming the type, never an IllegalStateException. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("incompleteValues")
  void everyBuilder_missingAttributes_throwsCatalogExceptionNamingTheBuilder(String builder, Runnable build) {
    CatalogException e = catchThrowableOfType(CatalogException.class, build::run);

    assertThat(e).as(builder).isNotNull();
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo(builder);
      assertThat(p.message()).startsWith("missing required attribute");
    });
    assertThat(e.getMessage()).endsWith(FOOTER);
  }

  static Stream<Arguments> incompleteValues() {
    return Stream.of(
        Arguments.of("Symptom.builder()", (Runnable) () -> Symptom.builder().build()),
        Arguments.of("Signal.builder()", (Runnable) () -> Signal.builder().metric("psi").build()),
        Arguments.of("Reference.builder()", (Runnable) () -> Reference.builder().title("T").build()),
        Arguments.of("FailureMode.builder()", (Runnable) () -> FailureMode.builder().id("x").build()),
        Arguments.of("Fix.builder()", (Runnable) () -> Fix.builder().id("x").build()),
        Arguments.of("Metric.builder()", (Runnable) () -> Metric.builder().id("x").build()),
        Arguments.of("CaseStudy.builder()", (Runnable) () -> CaseStudy.builder().id("x").build()),
        Arguments.of("DetectionMethod.builder()", (Runnable) () -> DetectionMethod.builder().name("x").build()),
        Arguments.of("Presentation.builder()", (Runnable) () -> Presentation.builder().text("x").build()),
        Arguments.of("Guidance.builder()", (Runnable) () -> Guidance.builder().addProbe("p").build()));
  }

  @Test
  void factories_badValues_throwCatalogException() {
    assertThatThrownBy(() -> RelatedMode.of("Not An Id", Relation.PEER_OF))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("RelatedMode.of(mode, relation): mode 'Not An Id' is not lowercase kebab-case");
    assertThatThrownBy(() -> Guidance.builder().framing(" ").build())
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("Guidance.builder(): framing must not be blank");
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

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"data-leakage, true", "a, true", "a1-b2, true", "-a, false",
      "a-, false", "a--b, false", "A, false", "1a, false", "a_b, false", "'', false"})
  void isId_agreesWithThePattern(String value, boolean expected) {
    assertThat(dev.failuremodes.internal.Rules.isId(value)).isEqualTo(expected);
    assertThat(dev.failuremodes.internal.Rules.ID.matcher(value).matches()).isEqualTo(expected);
  }

  @Test
  void symptom_idOfThousandsOfSegments_isCheckedWithoutOverflowingTheStack() {
    String id = "a-".repeat(5000) + "b";
    assertThat(dev.failuremodes.internal.Rules.isId(id)).isTrue();
    assertThat(dev.failuremodes.internal.Rules.id("id", id + "-")).isPresent();
  }
}
