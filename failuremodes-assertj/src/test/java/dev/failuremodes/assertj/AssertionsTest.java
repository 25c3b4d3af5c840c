package dev.failuremodes.assertj;

import static dev.failuremodes.assertj.Assertions.assertThat;
import static dev.failuremodes.assertj.Assertions.assertThatMetrics;
import static dev.failuremodes.assertj.Assertions.assertThatObservations;
import static java.lang.String.format;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Stage;
import dev.failuremodes.signals.Observation;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.MapAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.OptionalAssert;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.StringAssert;
import org.junit.jupiter.api.Test;

/**
 * The entry points sit beside AssertJ's own: both {@code assertThat}s are static-imported in this file, and each call
 * below compiles to the intended overload.
 */
class AssertionsTest {
  private static final Diagnosis GAP = FailureModes.forSymptoms("large train-test gap").diagnose();

  @Test
  void assertThat_picksOursForADiagnosisAndAssertJsForEverythingElse() {
    assertThat(assertThat(GAP)).isExactlyInstanceOf(DiagnosisAssert.class);
    assertThat(assertThat((Object) GAP)).isInstanceOf(ObjectAssert.class);
    assertThat(assertThat("overfitting")).isInstanceOf(StringAssert.class);
    assertThat(assertThat(List.of("overfitting"))).isInstanceOf(ListAssert.class);
    assertThat(assertThat(Map.of("psi", 0.31))).isInstanceOf(MapAssert.class);
    assertThat(assertThat(GAP.top())).isInstanceOf(OptionalAssert.class);
    assertThat(GAP.candidates()).extracting(c -> c.id()).containsExactly("overfitting", "data-leakage");
  }

  @Test
  void assertThatObservations_andAssertThatMetrics_returnTheirAssertions() {
    Observation psi = Observation.of("psi", 0.31);
    assertThat(assertThatObservations(psi)).isExactlyInstanceOf(ObservationsAssert.class);
    assertThat(assertThatObservations(List.of(psi))).isExactlyInstanceOf(ObservationsAssert.class);
    assertThat(assertThatMetrics(Map.of("psi", 0.31))).isExactlyInstanceOf(MetricsAssert.class);
    assertThat(assertThatObservations(psi, psi).actual()).containsExactly(psi, psi);
  }

  @Test
  void proposedReadmeExample_passes() {
    double trainAccuracy = 0.91;
    double validationAccuracy = 0.89;
    assertThatMetrics(Map.of("train accuracy", trainAccuracy, "validation accuracy", validationAccuracy))
        .showsNoKnownFailureSignature();
    assertThatObservations(Observation.of("psi", 0.04).feature("amount"))
        .showsNoSignatureIn(Stage.DEPLOYMENT_MONITORING);

    assertThat(FailureModes.forSymptoms("large train-test gap").diagnose())
        .recognisedAll().hasTopCandidate("overfitting").ranks("data-leakage").within(3)
        .doesNotSuggest("data-drift").hasPlanStartingWith("adjust-model-complexity");
  }

  @Test
  void softAssertions_collectTheFailuresOfDiagnosisAssert() {
    SoftAssertions softly = new SoftAssertions();
    softly.proxy(DiagnosisAssert.class, Diagnosis.class, GAP)
        .hasTopCandidate("overfitting")
        .doesNotSuggest("data-leakage");
    softly.proxy(DiagnosisAssert.class, Diagnosis.class, GAP).hasNoCandidates();

    assertThat(softly.errorsCollected()).hasSize(2);
    assertThat(softly.errorsCollected().get(0))
        .hasMessageStartingWith(format("%nExpecting the diagnosis not to suggest:%n  \"data-leakage\"%n"));
    assertThat(softly.errorsCollected().get(1))
        .hasMessageStartingWith(format("%nExpecting the diagnosis to have no candidates, but it has 2.%n"));
  }

  @Test
  void softAssertions_collectTheFailuresOfSignatureAssertions() {
    SoftAssertions softly = new SoftAssertions();
    softly.proxy(ObservationsAssert.class, Collection.class, List.of(Observation.of("psi", 0.31)))
        .showsNoKnownFailureSignature();
    softly.proxy(MetricsAssert.class, Map.class, Map.of("psi", 0.05)).showsSignature("data-drift");

    assertThat(softly.errorsCollected()).hasSize(2);
    assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (2 failures)");
  }
}
