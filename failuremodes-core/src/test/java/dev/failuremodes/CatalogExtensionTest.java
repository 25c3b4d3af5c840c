package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogExtensionTest {
  private static final String FOOTER =
      "\nFix each problem and load again; catalog.schema.json documents every field.";

  private static Symptom nullSpike(String name) {
    return Symptom.builder()
        .id("null-spike")
        .name(name)
        .stage(Stage.DEPLOYMENT_MONITORING)
        .description("The share of missing values jumps.")
        .addAlias("NaN spike")
        .build();
  }

  @Test
  void addJson_partialDocument_addsEntriesThatReferToTheBase() {
    Catalog base = TestCatalogs.valid();
    Catalog extended = base.extend().addJson(TestCatalogs.path("extension.json")).build();

    assertThat(extended.symptoms()).extracting(Symptom::id)
        .containsExactly("train-test-gap", "too-good-to-be-true", "psi-alert", "null-spike");
    assertThat(extended.requireFailureMode("upstream-data-change").indicators()).extracting(Indicator::symptom)
        .containsExactly("null-spike", "psi-alert");
    assertThat(extended.catalogVersion()).isEqualTo("test.1");
    assertThat(base.symptom("null-spike")).as("the base is unchanged").isEmpty();
  }

  @Test
  void add_builders_addValuesMadeInCode() {
    FailureMode mode = FailureMode.builder()
        .id("null-flood")
        .name("Null flood")
        .stage(Stage.DEPLOYMENT_MONITORING)
        .summary("A source starts sending nulls.")
        .description("An upstream job fails and fills a column with nulls.")
        .addIndicator(Indicator.of("null-spike", 0.9))
        .addMechanism("A join key changes type.")
        .addFix("strict-split")
        .build();

    Catalog extended = TestCatalogs.valid().extend().add(nullSpike("Null rate spike")).add(mode).build();

    assertThat(extended.indicatedBy(extended.requireSymptom("null-spike"))).containsExactly(mode);
  }

  @Test
  void build_conflictingId_isAnErrorNamingBothPlaces() {
    Catalog.Extension extension = TestCatalogs.valid().extend().add(
        Symptom.builder().id("psi-alert").name("PSI").stage(Stage.DATA).description("Shift.").build());

    assertThatThrownBy(extension::build)
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "Invalid catalog entries added with builders: 1 problem\n"
                + "  $.symptoms[0].id: symptom 'psi-alert' is already defined in catalog test.1 at $.symptoms[2];"
                + " rename it, or allow replacing with overrideExisting()"
                + FOOTER);
  }

  @Test
  void build_overrideExisting_replacesInPlace() {
    Catalog extended = TestCatalogs.valid().extend()
        .add(Symptom.builder().id("psi-alert").name("PSI over threshold").stage(Stage.DEPLOYMENT_MONITORING)
            .description("Shift.").build())
        .overrideExisting()
        .build();

    assertThat(extended.symptoms()).extracting(Symptom::id)
        .containsExactly("train-test-gap", "too-good-to-be-true", "psi-alert");
    assertThat(extended.requireSymptom("psi-alert").name()).isEqualTo("PSI over threshold");
  }

  @Test
  void build_danglingReferenceInExtension_namesTheExtensionSource() {
    String json = "{\"schemaVersion\": 1, \"failureModes\": [{\"id\": \"x-mode\", \"name\": \"X\", \"stage\": \"data\","
        + " \"summary\": \"s\", \"description\": \"d\", \"indicators\": [{\"symptom\": \"nul-spike\", \"weight\": 0.5}],"
        + " \"mechanisms\": [\"m\"], \"fixes\": [\"strict-split\"]}]}";
    Catalog.Extension extension = TestCatalogs.valid().extend().add(nullSpike("Null rate spike")).addJson(json, "mine.json");

    assertThatThrownBy(extension::build)
        .hasMessage(
            "Invalid catalog mine.json: 1 problem\n"
                + "  $.failureModes[0].indicators[0].symptom: unknown symptom 'nul-spike' (referenced as an"
                + " indicator); did you mean 'null-spike'?"
                + FOOTER);
  }

  @Test
  void addJson_notJson_failsAtOnceAndLeavesTheExtensionUsable() {
    Catalog.Extension extension = TestCatalogs.valid().extend();
    assertThatThrownBy(() -> extension.addJson("{oops", "broken.json"))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("Invalid catalog broken.json: 1 problem\n  line 1, column 2: not valid JSON:");

    assertThat(extension.add(nullSpike("Null rate spike")).build().symptom("null-spike")).isPresent();
  }
}
