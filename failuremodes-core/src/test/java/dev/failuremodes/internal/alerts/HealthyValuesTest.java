package dev.failuremodes.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.alerts.Finding;
import dev.failuremodes.alerts.Finding.Kind;
import dev.failuremodes.alerts.Format;
import dev.failuremodes.internal.alerts.HealthyValues.Read;
import dev.failuremodes.signals.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A healthy value counts against its symptom for its own feature only. */
class HealthyValuesTest {
  static final String SHIFT = "feature-distribution-shift";

  static Read healthy(String feature) {
    return new Read(Finding.measured(Format.TFDV, "check", Observation.of("drift-distance", 0.01).threshold(0.1)
        .feature(feature), "0.01"), SHIFT, true);
  }

  static Read shifted(String feature) {
    return new Read(Finding.measured(Format.TFDV, "check", Observation.of("drift-distance", 0.4).threshold(0.1)
        .feature(feature), "0.4"), SHIFT, false);
  }

  @Test
  void settle_symptomOnAnotherFeature_makesTheHealthyValueNoSignal() {
    List<Finding> out = HealthyValues.settle(List.of(shifted("age"), healthy("income")));
    assertThat(out).extracting(Finding::kind).containsExactly(Kind.MEASURED, Kind.NOT_A_SIGNAL);
    assertThat(out.get(1).feature()).contains("income");
    assertThat(out.get(1).detail()).isEqualTo("0.01 (within the threshold on income; a stable feature says nothing"
        + " against the feature-distribution-shift shown on age)");
  }

  @Test
  void settle_symptomOnTheSameFeature_keepsTheHealthyValueAsEvidenceAgainst() {
    assertThat(HealthyValues.settle(List.of(shifted("age"), healthy("age")))).extracting(Finding::kind)
        .containsExactly(Kind.MEASURED, Kind.MEASURED);
  }

  @Test
  void settle_noSymptomAnywhere_keepsEveryHealthyValue() {
    assertThat(HealthyValues.settle(List.of(healthy("age"), healthy("income")))).extracting(Finding::kind)
        .containsExactly(Kind.MEASURED, Kind.MEASURED);
  }

  @Test
  void settle_anotherSymptom_doesNotSettle() {
    Read schema = Read.of(Finding.symptom(Format.TFDV, "SCHEMA_NEW_COLUMN", "coupon", "schema-change", ""));
    assertThat(HealthyValues.settle(List.of(schema, healthy("income")))).extracting(Finding::kind)
        .containsExactly(Kind.SYMPTOM, Kind.MEASURED);
  }

  @Test
  void settle_symptomShownByAFinding_settlesLikeAMeasuredOne() {
    Read symptom = Read.of(Finding.symptom(Format.TFDV, "FEATURE_TYPE_LOW_UNIQUE", "city", SHIFT, ""));
    assertThat(HealthyValues.settle(List.of(healthy("income"), symptom))).extracting(Finding::kind)
        .containsExactly(Kind.NOT_A_SIGNAL, Kind.SYMPTOM);
  }
}
