package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Consistency and completeness of the real bundled catalog, as a reference work must have them. */
class BundledCatalogQualityTest {
  private final Catalog catalog = FailureModes.catalog();

  /** Aliases deliberately shared by two symptoms; empty today, and any addition must be argued here. */
  private static final Set<String> ACCEPTED_SHARED_ALIASES = Set.of();

  /** Case studies taken from the seed document, which names no public source for them. */
  private static final Set<String> SEED_CASE_STUDIES =
      Set.of("instacart-demand-forecast-leakage", "affirm-risk-model-stability-fairness", "federato-rare-event-shift");

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
      misaligned-target | problem-framing
      proxy-metric-mismatch | problem-framing
      ignored-constraints | problem-framing
      data-leakage | data
      label-noise | data
      distribution-shift | data
      missing-data | data
      sampling-bias | data
      feature-leakage | feature-engineering
      over-engineered-features | feature-engineering
      redundant-features | feature-engineering
      spurious-correlation | feature-engineering
      overfitting | modeling
      underfitting | modeling
      poor-regularization | modeling
      inadequate-tuning | modeling
      training-instability | modeling
      optimization-failure | modeling
      wrong-metric | evaluation
      test-set-contamination | evaluation
      ignored-class-imbalance | evaluation
      improper-split | evaluation
      hidden-stratification | evaluation
      small-test-set | evaluation
      miscalibration | evaluation
      unfair-outcomes | evaluation
      no-monitoring | deployment-monitoring
      data-drift | deployment-monitoring
      concept-drift | deployment-monitoring
      training-serving-skew | deployment-monitoring
      upstream-data-change | deployment-monitoring
      feedback-loop | deployment-monitoring
      adversarial-input | deployment-monitoring
      """)
  void requiredFailureMode_existsInItsStage(String id, String stage) {
    assertThat(catalog.failureMode(id)).as(id).get().extracting(FailureMode::stage).isEqualTo(Stage.of(stage));
  }

  @Test
  void everyFailureMode_isComplete() {
    for (FailureMode m : catalog.failureModes()) {
      assertThat(m.indicators()).as(m.id() + " indicators").hasSizeGreaterThanOrEqualTo(3);
      assertThat(m.fixes()).as(m.id() + " fixes").hasSizeGreaterThanOrEqualTo(2);
      assertThat(m.mechanisms()).as(m.id() + " mechanisms").isNotEmpty();
      assertThat(m.detection()).as(m.id() + " detection").isNotEmpty();
      assertThat(m.references()).as(m.id() + " references").isNotEmpty();
      assertThat(m.related()).as(m.id() + " related").isNotEmpty();
    }
  }

  @Test
  void counts_meetTheReferenceStandard() {
    assertThat(catalog.symptoms()).hasSizeGreaterThanOrEqualTo(80);
    assertThat(catalog.fixes()).hasSizeGreaterThanOrEqualTo(50);
    assertThat(catalog.caseStudies().size() - SEED_CASE_STUDIES.size()).isGreaterThanOrEqualTo(10);
    for (Symptom s : catalog.symptoms()) {
      assertThat(s.aliases()).as(s.id() + " aliases").hasSizeGreaterThanOrEqualTo(3);
      assertThat(s.description()).as(s.id()).isNotBlank();
    }
  }

  @Test
  void everySymptom_isUsedByAFailureMode() {
    for (Symptom s : catalog.symptoms()) {
      assertThat(catalog.indicatedBy(s)).as(s.id()).isNotEmpty();
    }
  }

  @Test
  void everyFix_addressesAFailureMode() {
    for (Fix f : catalog.fixes()) {
      assertThat(catalog.addressedBy(f)).as(f.id()).isNotEmpty();
    }
  }

  @Test
  void noTwoFailureModes_shareAnIndicatorSet() {
    Map<Set<String>, String> seen = new HashMap<>();
    for (FailureMode m : catalog.failureModes()) {
      Set<String> symptoms = m.indicators().stream().map(Indicator::symptom).collect(Collectors.toSet());
      String other = seen.put(symptoms, m.id());
      assertThat(other).as(m.id() + " has the same indicators as " + other).isNull();
    }
  }

  @Test
  void everyRelation_isStatedBackByTheOtherMode() {
    for (FailureMode m : catalog.failureModes()) {
      for (RelatedMode r : m.related()) {
        FailureMode other = catalog.requireFailureMode(r.mode());
        assertThat(other.related()).as(m.id() + " " + r + " needs the inverse on " + other.id())
            .contains(RelatedMode.of(m.id(), r.relation().inverse()));
      }
    }
  }

  @Test
  void everyReference_hasTitleYearAndLink() {
    List<Reference> all = new ArrayList<>();
    catalog.failureModes().forEach(m -> all.addAll(m.references()));
    catalog.caseStudies().forEach(c -> all.addAll(c.references()));
    for (Reference r : all) {
      assertThat(r.title()).isNotBlank();
      assertThat(r.year()).isBetween(1900, java.time.Year.now().getValue());
      assertThat(r.doi().isPresent() || r.url().isPresent()).as(r.title()).isTrue();
      r.url().ifPresent(u -> assertThat(u).as(r.title()).startsWith("https://"));
      r.doi().ifPresent(d -> assertThat(d).as(r.title()).startsWith("10."));
    }
    for (CaseStudy c : catalog.caseStudies()) {
      if (!SEED_CASE_STUDIES.contains(c.id())) {
        assertThat(c.references()).as(c.id() + " needs a public source").isNotEmpty();
      }
    }
  }

  @Test
  void namesAndAliases_areUniqueWhereTheyMustBe() {
    assertThat(catalog.failureModes().stream().map(m -> m.name().toLowerCase(Locale.ROOT))).doesNotHaveDuplicates();
    assertThat(catalog.fixes().stream().map(f -> f.name().toLowerCase(Locale.ROOT))).doesNotHaveDuplicates();
    // A failure mode's id, name and aliases name it alone: typing one must not name another mode.
    Map<String, String> modeOwner = new HashMap<>();
    for (FailureMode m : catalog.failureModes()) {
      List<String> names = new ArrayList<>(List.of(m.id().replace('-', ' '), m.name()));
      names.addAll(m.aliases());
      for (String name : names) {
        String key = name.toLowerCase(Locale.ROOT).replace('-', ' ');
        String previous = modeOwner.putIfAbsent(key, m.id());
        assertThat(previous == null || previous.equals(m.id())).as("'" + name + "' names " + previous + " and " + m.id())
            .isTrue();
      }
    }
    Map<String, String> owner = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (Symptom s : catalog.symptoms()) {
      Set<String> phrases = new HashSet<>();
      phrases.add(s.name().toLowerCase(Locale.ROOT));
      s.aliases().forEach(a -> phrases.add(a.toLowerCase(Locale.ROOT)));
      for (String p : phrases) {
        String previous = owner.put(p, s.id());
        if (previous != null) {
          shared.add(p + " (" + previous + ", " + s.id() + ")");
        }
      }
    }
    assertThat(shared).isSubsetOf(ACCEPTED_SHARED_ALIASES);
  }

  @Test
  void everyStage_hasFailureModes() {
    for (Stage stage : Stage.values()) {
      assertThat(catalog.failureModes(stage)).as(stage.id()).hasSizeGreaterThanOrEqualTo(3);
    }
  }
}
