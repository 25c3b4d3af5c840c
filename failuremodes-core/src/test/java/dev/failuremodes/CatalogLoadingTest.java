package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogLoadingTest {
  private static final String FOOTER =
      "\nFix each problem and load again; catalog.schema.json documents every field.";

  @Test
  void parse_validCatalog_exposesEveryEntryInOrder() {
    Catalog catalog = TestCatalogs.valid();

    assertThat(catalog.schemaVersion()).isEqualTo(1);
    assertThat(catalog.catalogVersion()).isEqualTo("test.1");
    assertThat(catalog.stages()).containsExactly(Stage.values());
    assertThat(catalog.describe(Stage.DATA)).isEqualTo("Data.");
    assertThat(catalog.symptoms()).extracting(Symptom::id)
        .containsExactly("train-test-gap", "too-good-to-be-true", "psi-alert");
    assertThat(catalog.failureModes()).extracting(FailureMode::id).containsExactly("data-leakage", "data-drift");
    assertThat(catalog.fixes()).extracting(Fix::id).containsExactly("strict-split", "time-based-split");
    assertThat(catalog.caseStudies()).extracting(CaseStudy::id).containsExactly("retailer-forecast");
    assertThat(catalog.guidance()).get().extracting(Guidance::framing).isEqualTo("Framing first.");
    assertThat(catalog.toString())
        .isEqualTo("Catalog[version test.1, 2 failure modes, 3 symptoms, 2 fixes, 1 case studies]");
  }

  @Test
  void parse_validCatalog_readsEveryField() {
    FailureMode leakage = TestCatalogs.valid().requireFailureMode("data-leakage");

    assertThat(leakage.stage()).isEqualTo(Stage.DATA);
    assertThat(leakage.aliases()).containsExactly("leakage");
    assertThat(leakage.indicators()).containsExactly(
        Indicator.of("too-good-to-be-true", 0.9), Indicator.of("train-test-gap", 0.3));
    assertThat(leakage.weightOf("train-test-gap")).contains(0.3);
    assertThat(leakage.fixes()).containsExactly("strict-split", "time-based-split");
    assertThat(leakage.detection()).singleElement()
        .returns(Level.HIGH, DetectionMethod::effectiveness);
    assertThat(leakage.related()).containsExactly(RelatedMode.of("data-drift", Relation.PEER_OF));
    assertThat(leakage.references()).singleElement()
        .returns(2023, Reference::year)
        .returns(java.util.Optional.of("10.1016/j.patter.2023.100804"), Reference::doi);
    Symptom auc = TestCatalogs.valid().requireSymptom("too-good-to-be-true");
    assertThat(auc.signals()).singleElement().hasToString("auc > 0.99");
    assertThat(auc.signals().get(0).matches(0.995)).isTrue();
    assertThat(auc.signals().get(0).matches(0.99)).isFalse();
  }

  @Test
  void relationships_areNavigableBothWays() {
    Catalog catalog = TestCatalogs.valid();
    FailureMode leakage = catalog.requireFailureMode("data-leakage");

    assertThat(catalog.fixesFor(leakage)).extracting(Fix::id).containsExactly("strict-split", "time-based-split");
    assertThat(catalog.addressedBy(catalog.requireFix("time-based-split"))).extracting(FailureMode::id)
        .containsExactly("data-leakage", "data-drift");
    assertThat(catalog.indicatedBy(catalog.requireSymptom("psi-alert"))).extracting(FailureMode::id)
        .containsExactly("data-drift");
    assertThat(catalog.caseStudiesOf(leakage)).extracting(CaseStudy::id).containsExactly("retailer-forecast");
    assertThat(catalog.failureModes(Stage.DEPLOYMENT_MONITORING)).extracting(FailureMode::id)
        .containsExactly("data-drift");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
      duplicate-id.json | $.symptoms[3].id: duplicate symptom id 'train-test-gap'; first defined at $.symptoms[0]
      dangling-reference.json | $.failureModes[0].indicators[1].symptom: unknown symptom 'train-tset-gap' (referenced as an indicator); did you mean 'train-test-gap'?
      dangling-related-mode.json | $.failureModes[1].related[0].mode: unknown failure mode 'data-leakag' (referenced as a related mode); did you mean 'data-leakage'?
      unknown-stage.json | $.symptoms[1].stage: unknown stage 'modelling'; did you mean 'modeling'? Valid: problem-framing, data, feature-engineering, modeling, evaluation, deployment-monitoring
      bad-weight.json | $.failureModes[0].indicators[0].weight: weight 1.5 is out of range; a weight must be in (0, 1]
      missing-field.json | $.failureModes[1]: missing required field 'summary'
      unsupported-schema-version.json | $.schemaVersion: unsupported schemaVersion 4; this version of failuremodes reads schemaVersion 1 to 3 (use a failuremodes release that supports it, or convert the document)
      syntax-error.json | line 5, column 35: not valid JSON: Unexpected character ('"' (code 34)): was expecting comma to separate Object entries
      """)
  void parse_invalidCatalog_reportsTheProblemWithItsLocation(String file, String problem) {
    assertThatThrownBy(() -> Catalog.parse(TestCatalogs.text(file), file))
        .isInstanceOf(CatalogException.class)
        .isInstanceOf(FailureModesException.class)
        .hasMessage("Invalid catalog " + file + ": 1 problem\n  " + problem + FOOTER);
  }

  @Test
  void presentations_needSchemaVersionTwoAndRoundTrip() {
    String v1 = TestCatalogs.text("valid.json");
    assertThat(v1).contains("\"schemaVersion\": 1");
    String presentation = "\"presentations\": [{\"text\": \"Validation AUC 0.99, production at chance.\","
        + " \"source\": {\"title\": \"A study\", \"authors\": \"Someone\", \"year\": 2020,"
        + " \"url\": \"https://example.org/study\"}}],";
    String withPresentation = v1.replaceFirst("\"id\": \"data-leakage\",", "\"id\": \"data-leakage\", " + presentation);
    assertThatThrownBy(() -> Catalog.parse(withPresentation, "v1.json"))
        .hasMessageContaining("$.failureModes[0].presentations: presentations need schemaVersion 2; this document"
            + " declares schemaVersion 1 (set \"schemaVersion\": 2)");
    Catalog v2 = Catalog.parse(withPresentation.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"), "v2.json");
    assertThat(v2.schemaVersion()).isEqualTo(2);
    Presentation p = v2.requireFailureMode("data-leakage").presentations().get(0);
    assertThat(p.text()).isEqualTo("Validation AUC 0.99, production at chance.");
    assertThat(p.source().url()).contains("https://example.org/study");
    assertThat(Catalog.parse(v2.toJson(), "round-trip.json")).isEqualTo(v2);
    assertThat(TestCatalogs.valid().schemaVersion()).isEqualTo(1);
  }

  @Test
  void parse_badIdFormat_reportsTheIdAndEveryReferenceToIt() {
    assertThatThrownBy(() -> Catalog.parse(TestCatalogs.text("bad-id.json"), "bad-id.json"))
        .hasMessage(
            "Invalid catalog bad-id.json: 2 problems\n"
                + "  $.fixes[0].id: id 'Strict_Split' is not lowercase kebab-case (expected letters, digits and"
                + " single dashes, such as 'data-leakage')\n"
                + "  $.failureModes[0].fixes[0]: fix 'Strict_Split' is not lowercase kebab-case (expected letters,"
                + " digits and single dashes, such as 'data-leakage')"
                + FOOTER);
  }

  @Test
  void parse_severalErrors_reportsEveryOneInOneException() {
    CatalogException e =
        catchCatalogException(() -> Catalog.parse(TestCatalogs.text("several-errors.json"), "several-errors.json"));

    assertThat(e).hasMessage(
        "Invalid catalog several-errors.json: 5 problems\n"
            + "  $.symptoms[1].stage: unknown stage 'modelling'; did you mean 'modeling'? Valid: problem-framing,"
            + " data, feature-engineering, modeling, evaluation, deployment-monitoring\n"
            + "  $.fixes[2].id: duplicate fix id 'strict-split'; first defined at $.fixes[0]\n"
            + "  $.failureModes[0].indicators[0].weight: weight 0.0 is out of range; a weight must be in (0, 1]\n"
            + "  $.failureModes[1].fixes[0]: unknown fix 'time-split' (referenced as a fix); did you mean"
            + " 'strict-split' or 'time-based-split'?\n"
            + "  $.caseStudies[0].failureModes[0]: unknown failure mode 'data-leak' (referenced as a case study's"
            + " failure mode); did you mean 'data-leakage'?"
            + FOOTER);
    assertThat(e.problems()).extracting(CatalogProblem::source).containsOnly("several-errors.json");
    assertThat(e.problems()).extracting(CatalogProblem::location).containsExactly(
        "$.symptoms[1].stage", "$.fixes[2].id", "$.failureModes[0].indicators[0].weight",
        "$.failureModes[1].fixes[0]", "$.caseStudies[0].failureModes[0]");
  }

  @Test
  void parse_unknownFieldAndWrongTypes_areReported() {
    String json = TestCatalogs.text("valid.json")
        .replace("\"weight\": 0.9", "\"weigth\": 0.9")
        .replace("\"year\": 2023", "\"year\": \"2023\"");

    assertThatThrownBy(() -> Catalog.parse(json, "typos.json"))
        .hasMessage(
            "Invalid catalog typos.json: 3 problems\n"
                + "  $.failureModes[0].indicators[0].weigth: unknown field 'weigth'; did you mean 'weight'?"
                + " Valid fields: symptom, weight\n"
                + "  $.failureModes[0].indicators[0]: missing required field 'weight'\n"
                + "  $.failureModes[0].references[0].year: expected an integer but found a string"
                + FOOTER);
  }

  @Test
  void parse_hostileDocuments_failCleanlyOnReadLimits() {
    String deep = "[".repeat(2000) + "]".repeat(2000);
    assertThatThrownBy(() -> Catalog.parse(deep, "deep.json"))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("Invalid catalog deep.json: 1 problem\n  document: read limit exceeded:")
        .hasMessageContaining("nesting depth");
    String longString = "{\"schemaVersion\": 1, \"catalogVersion\": \"" + "x".repeat(70_000) + "\"}";
    assertThatThrownBy(() -> Catalog.parse(longString, "long.json"))
        .hasMessageStartingWith("Invalid catalog long.json: 1 problem\n  document: read limit exceeded:")
        .hasMessageContaining("String value length");
    assertThatThrownBy(() -> Catalog.parse("", "empty.json"))
        .hasMessage("Invalid catalog empty.json: 1 problem\n  line 1, column 1: the document is empty" + FOOTER);
    assertThatThrownBy(() -> Catalog.parse("[1]", "array.json"))
        .hasMessage("Invalid catalog array.json: 1 problem\n  $: expected an object but found an array" + FOOTER);
  }

  @Test
  void load_missingFile_namesThePath() {
    Path missing = Path.of("no-such-dir", "catalog.json");
    assertThatThrownBy(() -> Catalog.load(missing))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("Invalid catalog " + missing + ": 1 problem\n  file: no such file; check the path");
  }

  @Test
  void loadAndRead_giveTheSameCatalogAsParse() {
    Catalog parsed = TestCatalogs.valid();
    assertThat(Catalog.load(TestCatalogs.path("valid.json"))).isEqualTo(parsed);
    byte[] bytes = TestCatalogs.text("valid.json").getBytes(StandardCharsets.UTF_8);
    assertThat(Catalog.read(new ByteArrayInputStream(bytes), "stream")).isEqualTo(parsed);
  }

  @Test
  void toJson_roundTripsToAnEqualCatalog() {
    Catalog original = TestCatalogs.valid();
    Catalog again = Catalog.parse(original.toJson(), "round-trip");
    assertThat(again).isEqualTo(original).hasSameHashCodeAs(original);
    assertThat(again.toJson()).isEqualTo(original.toJson());
  }

  @Test
  void toJson_roundTripsTheBundledCatalog() {
    Catalog bundled = FailureModes.catalog();
    assertThat(Catalog.parse(bundled.toJson(), "round-trip")).isEqualTo(bundled);
  }

  @Test
  void nullArguments_failFastWithTheParameterName() {
    assertThatThrownBy(() -> Catalog.parse(null, "x")).isInstanceOf(NullPointerException.class).hasMessage("json");
    assertThatThrownBy(() -> Catalog.parse("{}", null)).hasMessage("sourceName");
    assertThatThrownBy(() -> Catalog.load(null)).hasMessage("path");
    assertThatThrownBy(() -> FailureModes.using(null)).hasMessage("catalog");
    assertThatThrownBy(() -> TestCatalogs.valid().symptom(null)).hasMessage("id");
  }

  @Test
  void requireLookups_suggestNearIds() {
    Catalog catalog = TestCatalogs.valid();
    assertThatThrownBy(() -> catalog.requireFailureMode("data-leak"))
        .isInstanceOf(UnknownIdException.class)
        .hasMessage("Unknown failure mode 'data-leak'; did you mean 'data-leakage'?");
    assertThatThrownBy(() -> catalog.requireSymptom("psi"))
        .hasMessage("Unknown symptom 'psi'; did you mean 'psi-alert'?");
    assertThatThrownBy(() -> catalog.requireFix("retrain-weekly"))
        .hasMessage("Unknown fix 'retrain-weekly'; no fix id is close; list the valid ids from the catalog");
    assertThat(catalog.failureMode("data-leak")).isEmpty();
    assertThat(catalog.caseStudy("retailer-forecast")).isPresent();
  }

  private static CatalogException catchCatalogException(Runnable action) {
    try {
      action.run();
    } catch (CatalogException e) {
      return e;
    }
    throw new AssertionError("expected a CatalogException");
  }

  @Test
  void read_leavesTheCallersStreamOpen() {
    boolean[] closed = {false};
    ByteArrayInputStream in =
        new ByteArrayInputStream(TestCatalogs.text("valid.json").getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    assertThat(Catalog.read(in, "stream")).isEqualTo(TestCatalogs.valid());
    assertThat(closed[0]).as("closed by Catalog.read").isFalse();
  }
}
