package dev.failuremodes.assertj;

import static dev.failuremodes.assertj.Assertions.assertThatMetrics;
import static dev.failuremodes.assertj.Assertions.assertThatObservations;
import static java.lang.String.format;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failuremodes.Catalog;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Stage;
import dev.failuremodes.signals.Observation;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The signature assertions on observations and on metric maps: a failure mode's signature is a candidate with a value
 * over one of its thresholds, and every failure message is tested whole.
 */
class SignatureAssertTest {
  private static final String VERSION = FailureModes.catalog().catalogVersion();

  private static final Observation DRIFTED_AGE = Observation.of("psi", 0.31).feature("age");
  private static final Observation STABLE_AGE = Observation.of("psi", 0.05).feature("age");

  /** A training score of 1 and a validation score of 0.999: suspiciously high, leakage of some kind. */
  private static final Map<String, Double> LEAKY = Map.of("train-score", 1.0, "validation-score", 0.999);
  private static final String LEAKY_VALUES = "Values read:%n"
      + "  train-score 1, no threshold of its own%n"
      + "  validation-score 0.999 > 0.99%n"
      + "  train-test-gap 0.001, healthy (a symptom when > 0.1)%n";
  private static final String LEAKY_TABLE = "Diagnosis of 2 inputs (catalog " + VERSION + ")%n"
      + "  #   score failure mode                 stage                  evidence%n"
      + "  1   0.44  feature-leakage              feature-engineering    suspiciously-high-performance%n"
      + "  2   0.43  data-leakage                 data                   suspiciously-high-performance +1%n"
      + "  3   0.25  preprocessing-leakage        data                   suspiciously-high-performance%n"
      + "  4   0.25  test-set-contamination       evaluation             suspiciously-high-performance%n"
      + "  plan: 1. strict-train-test-separation; 2. remove-leaky-features; 3. fit-preprocessing-in-pipeline; "
      + "4. point-in-time-features; 5. feature-audit (+3 more)%n"
      + "  next check: point-in-time-audit (positive → feature-leakage, data-leakage; negative → preprocessing-leakage,"
      + " test-set-contamination) (+17 more)";

  @Test
  void showsSignature_passesWhenAValueCrossesTheModesThreshold() {
    assertThatObservations(DRIFTED_AGE).showsSignature("data-drift");
    assertThatMetrics(LEAKY).showsSignature("data-leakage").showsSignature("feature-leakage");
  }

  @Test
  void showsSignature_failsWithTheValuesRead_whenTheModeIsNoCandidate() {
    assertThatThrownBy(() -> assertThatObservations(DRIFTED_AGE).showsSignature("data-leakage"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the values to show the signature of:%n"
            + "  \"data-leakage\"%n"
            + "that is, a value crossing one of its thresholds, but it is not a candidate.%n"
            + "Values read:%n"
            + "  psi 0.31 > 0.25 on age%n"
            + "Diagnosis of 1 input (catalog " + VERSION + ")%n"
            + "  #   score failure mode                 stage                  evidence%n"
            + "  1   0.86  data-drift                   deployment-monitoring  feature-distribution-shift%n"
            + "  plan: 1. drift-detection; 2. retraining-strategy; 3. monitoring-dashboards%n"
            + "  next check: feature-drift-tests (positive → data-drift; negative → against data-drift) (+16 more)"));
  }

  @Test
  void showsSignature_failsWhenEveryValueIsHealthy() {
    assertThatThrownBy(() -> assertThatObservations(STABLE_AGE).showsSignature("data-drift"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the values to show the signature of:%n"
            + "  \"data-drift\"%n"
            + "that is, a value crossing one of its thresholds, but it is not a candidate.%n"
            + "Values read:%n"
            + "  psi 0.05 on age, healthy (a symptom when > 0.25)%n"
            + "Diagnosis of 1 input (catalog " + VERSION + ")%n"
            + "  Every value read is on the healthy side of its threshold: psi 0.05 on age, healthy (a symptom when"
            + " > 0.25)."));
  }

  @Test
  void showsSignature_failsWithTheCatalogsSuggestions_whenTheIdIsUnknown() {
    assertThatThrownBy(() -> assertThatObservations(DRIFTED_AGE).showsSignature("data-drfit"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting a failure mode id of catalog " + VERSION + ", but:%n"
            + "  Unknown failure mode 'data-drfit'; did you mean 'data-drift'?"));
  }

  @Test
  void showsSignature_throwsNamingTheArgument_whenTheIdIsNull() {
    assertThatNullPointerException().isThrownBy(() -> assertThatObservations(DRIFTED_AGE).showsSignature(null))
        .withMessage("failureModeId");
  }

  @Test
  void showsNoKnownFailureSignature_passesWhenEveryValueIsHealthy() {
    assertThatObservations(STABLE_AGE, Observation.of("ks-p-value", 0.5).feature("income"))
        .showsNoKnownFailureSignature();
    assertThatMetrics(Map.of("train accuracy", 0.86, "validation accuracy", 0.84, "psi", 0.02))
        .showsNoKnownFailureSignature();
  }

  @Test
  void showsNoKnownFailureSignature_passesForAScoreWithoutAThresholdOfItsOwn() {
    assertThatMetrics(Map.of("train-score", 0.97)).showsNoKnownFailureSignature();
  }

  @Test
  void showsNoKnownFailureSignature_failsWithTheCrossingValueTheModesAndTheFirstModesEvidence() {
    assertThatThrownBy(() -> assertThatMetrics(LEAKY).showsNoKnownFailureSignature())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the values to show no known failure signature, but 1 value crosses a "
            + "threshold:%n"
            + "  validation-score 0.999 > 0.99%n"
            + "showing the signature of feature-leakage, data-leakage, preprocessing-leakage and "
            + "test-set-contamination.%n"
            + "Evidence for #1 feature-leakage 0.44:%n"
            + "  'validation-score = 0.999' measures suspiciously-high-performance: validation-score 0.999 > 0.99 "
            + "(0.46 × 0.95 = 0.44)%n"
            + LEAKY_VALUES
            + LEAKY_TABLE));
  }

  @Test
  void showsNoKnownFailureSignature_listsEveryCrossingValue() {
    assertThatThrownBy(() -> assertThatObservations(DRIFTED_AGE, Observation.of("ks-p-value", 0.001).feature("income"),
            Observation.of("ks-p-value", 0.5).feature("tenure")).showsNoKnownFailureSignature())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the values to show no known failure signature, but 2 values cross a "
            + "threshold:%n"
            + "  psi 0.31 > 0.25 on age%n"
            + "  ks-p-value 0.001 < 0.05 on income%n"
            + "showing the signature of data-drift.%n"
            + "Evidence for #1 data-drift 0.98:%n"
            + "  'psi = 0.31 on age' measures feature-distribution-shift: psi 0.31 > 0.25 on age "
            + "(0.90 × 0.95 = 0.86)%n"
            + "  'ks-p-value = 0.001 on income' measures feature-distribution-shift: ks-p-value 0.001 < 0.05 on income"
            + " (0.90 × 0.95 = 0.86)%n"
            + "Values read:%n"
            + "  psi 0.31 > 0.25 on age%n"
            + "  ks-p-value 0.001 < 0.05 on income%n"
            + "  ks-p-value 0.5 on tenure, healthy (a symptom when < 0.05)%n"
            + "Diagnosis of 3 inputs (catalog " + VERSION + ")%n"
            + "  #   score failure mode                 stage                  evidence%n"
            + "  1   0.98  data-drift                   deployment-monitoring  feature-distribution-shift +1%n"
            + "  plan: 1. drift-detection; 2. retraining-strategy; 3. monitoring-dashboards%n"
            + "  next check: out-of-time-validation (positive → data-drift; negative → against data-drift) (+3 more)"));
  }

  @Test
  void showsNoSignatureIn_passesWhenOnlyOtherStagesShowTheirs() {
    assertThatMetrics(LEAKY).showsNoSignatureIn(Stage.MODELING, Stage.DEPLOYMENT_MONITORING);
    assertThatObservations(DRIFTED_AGE).showsNoSignatureIn(Stage.DATA);
  }

  @Test
  void showsNoSignatureIn_failsWithTheModesOfThatStageOnly() {
    assertThatThrownBy(() -> assertThatMetrics(LEAKY).showsNoSignatureIn(Stage.DATA))
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting the values to show no failure signature in stage data, but 1 value crosses"
            + " a threshold:%n"
            + "  validation-score 0.999 > 0.99%n"
            + "showing the signature of data-leakage and preprocessing-leakage.%n"
            + "Evidence for #2 data-leakage 0.43:%n"
            + "  'validation-score = 0.999' measures suspiciously-high-performance: validation-score 0.999 > 0.99 "
            + "(0.59 × 0.95 = 0.56)%n"
            + "  'derived from 2 observations' measures within the healthy range of train-test-gap: train-test-gap "
            + "0.001, healthy (a symptom when > 0.1) (0.24 × 0.95 = 0.23)%n"
            + LEAKY_VALUES
            + LEAKY_TABLE));
  }

  @Test
  void showsNoSignatureIn_namesEveryStageInDebuggingOrder() {
    assertThatThrownBy(() -> assertThatMetrics(LEAKY).showsNoSignatureIn(Stage.EVALUATION, Stage.DATA))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(format("%nExpecting the values to show no failure signature in stages data and "
            + "evaluation, but 1 value crosses a threshold:%n"
            + "  validation-score 0.999 > 0.99%n"
            + "showing the signature of data-leakage, preprocessing-leakage and test-set-contamination.%n"));
  }

  @Test
  void showsNoSignatureIn_rejectsNoStage() {
    assertThatIllegalArgumentException().isThrownBy(() -> assertThatMetrics(LEAKY).showsNoSignatureIn())
        .withMessage("stages must name at least one stage, was empty");
  }

  @Test
  void showsNoSignatureIn_throwsNamingTheNullStage() {
    assertThatNullPointerException()
        .isThrownBy(() -> assertThatMetrics(LEAKY).showsNoSignatureIn(Stage.DATA, null))
        .withMessage("stages[1]");
  }

  @Test
  void metrics_failWithTheNearestMetricIds_whenANameIsUnknown() {
    assertThatThrownBy(() -> assertThatMetrics(Map.of("trian-score", 0.9, "psi", 0.05)).showsNoKnownFailureSignature())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting every value to be of a catalog metric, but 1 of 2 is not:%n"
            + "  'trian-score = 0.9' (did you mean train-score?)%n"
            + "Diagnosis of 2 inputs (catalog " + VERSION + ")%n"
            + "  Every value read is on the healthy side of its threshold: psi 0.05, healthy (a symptom when > 0.25).%n"
            + "  unrecognised: 'trian-score = 0.9' (did you mean train-score?)"));
  }

  @Test
  void metrics_failForAnUnknownNameInEveryAssertion() {
    Map<String, Double> typo = Map.of("validaton score", 0.999);
    String expected = format("%nExpecting every value to be of a catalog metric, but 1 of 1 is not:%n"
        + "  'validaton score = 0.999' (did you mean validation-score?)%n"
        + "Diagnosis of 1 input (catalog " + VERSION + ")%n"
        + "  No input was recognised as a symptom; see the suggestions, or use ids from catalog.symptoms().%n"
        + "  unrecognised: 'validaton score = 0.999' (did you mean validation-score?)");

    assertThatThrownBy(() -> assertThatMetrics(typo).showsSignature("data-leakage")).hasMessage(expected);
    assertThatThrownBy(() -> assertThatMetrics(typo).showsNoKnownFailureSignature()).hasMessage(expected);
    assertThatThrownBy(() -> assertThatMetrics(typo).showsNoSignatureIn(Stage.DATA)).hasMessage(expected);
  }

  @Test
  void observations_failWithTheNearestMetricIds_whenANameIsUnknown() {
    assertThatThrownBy(() -> assertThatObservations(Observation.of("pis", 0.02).feature("age"))
            .showsNoKnownFailureSignature())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(format("%nExpecting every value to be of a catalog metric, but 1 of 1 is not:%n"
            + "  'pis = 0.02 on age' (did you mean psi"));
  }

  @Test
  void metrics_acceptAliasesAndAnyNumberType() {
    Map<String, Number> aliases = new HashMap<>();
    aliases.put("population stability index", 0.4f);
    aliases.put("test positives", 3);
    assertThatMetrics(aliases).showsSignature("data-drift").showsSignature("small-test-set");
  }

  @Test
  void metrics_areDiagnosedInTheOrderOfTheirNames_whateverTheMapsOrder() {
    Map<String, Double> inserted = new LinkedHashMap<>();
    inserted.put("validation-score", 0.999);
    inserted.put("train-score", 1.0);
    String expected = format("%nExpecting the values to show no known failure signature, but 1 value crosses a "
        + "threshold:%n"
        + "  validation-score 0.999 > 0.99%n"
        + "showing the signature of feature-leakage, data-leakage, preprocessing-leakage and "
        + "test-set-contamination.%n"
        + "Evidence for #1 feature-leakage 0.44:%n"
        + "  'validation-score = 0.999' measures suspiciously-high-performance: validation-score 0.999 > 0.99 "
        + "(0.46 × 0.95 = 0.44)%n"
        + LEAKY_VALUES
        + LEAKY_TABLE);

    assertThatThrownBy(() -> assertThatMetrics(inserted).showsNoKnownFailureSignature()).hasMessage(expected);
    assertThatThrownBy(() -> assertThatMetrics(new TreeMap<>(inserted)).showsNoKnownFailureSignature())
        .hasMessage(expected);
  }

  @Test
  void metrics_failNamingTheValue_whenItIsNotFinite() {
    assertThatThrownBy(() -> assertThatMetrics(Map.of("psi", Double.NaN)).showsNoKnownFailureSignature())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting measured values that can be diagnosed, but:%n"
            + "  value of psi must be a finite number, was NaN; drop the observation or pass the value that was "
            + "measured"));
  }

  @Test
  void metrics_failWithTheMetricsRange_whenAValueIsOutsideIt() {
    assertThatThrownBy(() -> assertThatMetrics(Map.of("validation accuracy", 93)).showsNoKnownFailureSignature())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting measured values that can be diagnosed, but:%n"
            + "  validation-score must be at most 1 (Validation score), was 93.0 in 'validation accuracy = 93'; "
            + "pass the value as measured, or check that the metric is the one meant"));
  }

  @Test
  void metrics_failNamingTheMetric_whenAValueIsNull() {
    Map<String, Double> missing = new HashMap<>();
    missing.put("psi", null);
    assertThatThrownBy(() -> assertThatMetrics(missing).showsNoKnownFailureSignature())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting measured values that can be diagnosed, but:%n"
            + "  the value of 'psi' is null"));
  }

  @Test
  void metrics_failSayingSo_whenANameIsNull() {
    Map<String, Double> unnamed = new HashMap<>();
    unnamed.put(null, 0.3);
    assertThatThrownBy(() -> assertThatMetrics(unnamed).showsNoKnownFailureSignature())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting measured values that can be diagnosed, but:%n"
            + "  a metric name is null; name a catalog metric such as 'psi'"));
  }

  @Test
  void metrics_failSayingSo_whenThereAreNone() {
    assertThatThrownBy(() -> assertThatMetrics(Map.of()).showsNoKnownFailureSignature())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting measured values that can be diagnosed, but:%n"
            + "  there are none; pass at least one value"));
  }

  @Test
  void observations_failNamingTheNullOne() {
    assertThatThrownBy(() -> assertThatObservations(STABLE_AGE, null).showsNoKnownFailureSignature())
        .isInstanceOf(AssertionError.class)
        .hasMessage(format("%nExpecting measured values that can be diagnosed, but:%n"
            + "  observation 2 of 2 is null"));
  }

  @Test
  void observations_fromACollection_areDiagnosedInIterationOrder() {
    assertThatObservations(List.of(STABLE_AGE, DRIFTED_AGE.feature("income")))
        .showsSignature("data-drift")
        .showsNoSignatureIn(Stage.DATA, Stage.FEATURE_ENGINEERING);
    assertThatThrownBy(() -> assertThatObservations(Arrays.asList(STABLE_AGE, null)).showsSignature("data-drift"))
        .hasMessage(format("%nExpecting measured values that can be diagnosed, but:%n"
            + "  observation 2 of 2 is null"));
  }

  @Test
  void allAssertions_failWithAssertJsMessage_whenTheValuesAreNull() {
    String expected = format("%nExpecting actual not to be null");
    assertThatThrownBy(() -> assertThatObservations((Observation[]) null).showsSignature("data-drift"))
        .isInstanceOf(AssertionError.class).hasMessage(expected);
    assertThatThrownBy(() -> assertThatObservations((List<Observation>) null).showsNoKnownFailureSignature())
        .isInstanceOf(AssertionError.class).hasMessage(expected);
    assertThatThrownBy(() -> assertThatMetrics(null).showsNoSignatureIn(Stage.DATA))
        .isInstanceOf(AssertionError.class).hasMessage(expected);
  }

  @Test
  void usingCatalog_diagnosesWithAndChecksIdsAgainstTheGivenCatalog() throws IOException {
    Catalog team = DiagnosisAssertTest.teamCatalog();

    assertThatMetrics(Map.of("label delay", 72)).usingCatalog(team).showsSignature("delayed-labels");
    assertThatMetrics(Map.of("label delay", 12)).usingCatalog(team).showsNoKnownFailureSignature();
    assertThatThrownBy(() -> assertThatMetrics(Map.of("label delay", 72)).showsNoKnownFailureSignature())
        .hasMessageStartingWith(format("%nExpecting every value to be of a catalog metric, but 1 of 1 is not:%n"
            + "  'label delay = 72'"));
  }
}
