package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTest {
  @Test
  void forSymptoms_nullArrayOrElement_namesTheArgument() {
    assertThatThrownBy(() -> FailureModes.forSymptoms((String[]) null))
        .isInstanceOf(NullPointerException.class).hasMessage("symptoms");
    assertThatThrownBy(() -> FailureModes.forSymptoms("overfitting", null))
        .isInstanceOf(NullPointerException.class).hasMessage("symptoms[1]");
    assertThatThrownBy(() -> FailureModes.forSymptoms(Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class).hasMessage("symptoms[1]");
  }

  @Test
  void forSymptoms_noneOrBlank_isAnIllegalArgument() {
    assertThatThrownBy(FailureModes::forSymptoms).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No symptoms given: pass at least one non-blank symptom id or phrase, such as 'large train-test gap'.");
    assertThatThrownBy(() -> FailureModes.forSymptoms(" ", "\t")).isInstanceOf(IllegalArgumentException.class);
  }

  /** An input given twice counts once, whether few inputs are given (compared in turn) or many (looked up). */
  @Test
  void inputsGivenTwice_countOnce_amongFewAndAmongMany() {
    List<String> few = List.of("train-test-gap", "launch-regression", "train-test-gap");
    assertThat(FailureModes.forSymptoms(few).diagnose().candidates())
        .isEqualTo(FailureModes.forSymptoms(few.subList(0, 2)).diagnose().candidates());
    List<String> distinct = List.of("train-test-gap", "launch-regression", "the model is overfitting",
        "PSI 0.31 on feature age", "null rate spike on column country", "offline-gain-no-business-impact",
        "accuracy dropped after the release", "feature importance dominated by one id column",
        "validation loss rises while training loss falls");
    List<String> many = new java.util.ArrayList<>(distinct);
    many.addAll(List.of("offline-gain-no-business-impact", "train-test-gap", "PSI 0.31 on feature age"));
    Diagnosis once = FailureModes.forSymptoms(distinct).limit(50).diagnose();
    Diagnosis twice = FailureModes.forSymptoms(many).limit(50).diagnose();
    assertThat(once.candidates()).hasSizeGreaterThan(5);
    assertThat(twice.candidates()).isEqualTo(once.candidates());
  }

  @Test
  void strict_unrecognisedInput_throwsWithSuggestions() {
    assertThatThrownBy(() -> FailureModes.forSymptoms("overfitting", "xyzzy plugh").strict().diagnose())
        .isInstanceOf(UnknownSymptomException.class)
        .hasMessageStartingWith("Unknown symptom 'xyzzy plugh'");
  }

  @Test
  void nothingRecognised_hasNoCandidatesAndSaysWhy() {
    Diagnosis d = FailureModes.forSymptoms("xyzzy plugh").diagnose();
    assertThat(d.candidates()).isEmpty();
    assertThat(d.top()).isEmpty();
    assertThat(d.unrecognized()).extracting(Unrecognized::input).containsExactly("xyzzy plugh");
    assertThat(d.whyEmpty()).contains(
        "No input was recognised as a symptom; see the suggestions, or use ids from catalog.symptoms().");
  }

  @Test
  void unrecognisedInput_isListedNotDropped_whileOthersAreDiagnosed() {
    Diagnosis d = FailureModes.forSymptoms("overfitting-observed", "xyzzy plugh").diagnose();
    assertThat(d.top()).get().extracting(Candidate::id).isEqualTo("overfitting");
    assertThat(d.unrecognized()).hasSize(1);
    assertThat(d.inputs()).containsExactly("overfitting-observed", "xyzzy plugh");
  }

  @Test
  void refinements_returnNewQueriesAndValidateArguments() {
    Query q = FailureModes.forSymptoms("model overfits");
    assertThat(q.limit(1)).isNotSameAs(q);
    assertThat(q.limit(1).diagnose().candidates()).hasSize(1);
    assertThat(q.diagnose().candidates().size()).isGreaterThan(1);
    assertThat(q.inStages(Stage.MODELING).diagnose().candidates())
        .allSatisfy(c -> assertThat(c.failureMode().stage()).isEqualTo(Stage.MODELING));
    assertThat(q.minScore(0.99).diagnose().candidates()).isEmpty();
    assertThatThrownBy(() -> q.limit(0)).hasMessage("limit must be at least 1: 0");
    assertThatThrownBy(() -> q.minScore(1.5)).hasMessage("minScore must be in [0, 1]: 1.5");
    assertThatThrownBy(q::inStages).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aOneWordTypoOfASymptom_isThatSymptomAtTheTypoFactor() {
    Candidate top = FailureModes.forSymptoms("multicolinearity").diagnose().top().orElseThrow();
    assertThat(top.id()).isEqualTo("redundant-features");
    assertThat(top.evidence()).first().satisfies(e -> {
      assertThat(e.symptom()).contains("high-feature-correlation");
      assertThat(e.confidence()).isEqualTo(0.8);
    });
  }

  @Test
  void aSymptomNamedWithANegationWord_isThatSymptom_notADenialOfIt() {
    Diagnosis d = FailureModes.forSymptoms("the team ran no hyperparameter search before launch").diagnose();
    assertThat(d.resolutions().get(0).matches()).extracting(m -> m.symptom().id())
        .containsExactly("default-hyperparameters");
    assertThat(d.resolutions().get(0).ruledOutSymptoms()).isEmpty();
  }

  @Test
  void lossesOnTrainingAndValidationData_giveAGapTheOtherWayRound() {
    // Lower is better for a loss: the gap is the validation loss less the training loss.
    Diagnosis d = FailureModes.forSymptoms("training loss 0.2, validation loss 0.5").diagnose();
    assertThat(d.resolutions().get(0).measurements()).contains("train-test-gap 0.3 > 0.1");
    assertThat(d.top()).map(Candidate::id).hasValue("overfitting");
  }

  @Test
  void matching_normalisesDashesSlashesCaseAndTypos() {
    for (String phrase : List.of("Large train–test gap", "large TRAIN/TEST gap", "train test gap", "train-test-gap")) {
      Resolution r = FailureModes.forSymptoms(phrase).diagnose().resolutions().get(0);
      assertThat(r.matches()).as(phrase).first().extracting(m -> m.symptom().id()).isEqualTo("train-test-gap");
    }
    Resolution typo = FailureModes.forSymptoms("multicolinearity").diagnose().resolutions().get(0);
    assertThat(typo.matches()).first().extracting(m -> m.symptom().id()).isEqualTo("high-feature-correlation");
    Resolution signal = FailureModes.forSymptoms("PSI 0.31 on feature age").diagnose().resolutions().get(0);
    assertThat(signal.matches()).first().extracting(SymptomMatch::kind).isEqualTo(MatchKind.SIGNAL);
  }

  @Test
  void ranking_isDeterministicAndScoresAreInRange() {
    Diagnosis a = FailureModes.forSymptoms("large train-test gap", "accuracy dropped after release").diagnose();
    Diagnosis b = FailureModes.forSymptoms("large train-test gap", "accuracy dropped after release").diagnose();
    assertThat(a.toJson()).isEqualTo(b.toJson());
    assertThat(a.candidates()).allSatisfy(c -> assertThat(c.score()).isBetween(0.0, 1.0));
    assertThat(a.candidates()).extracting(Candidate::rank).startsWith(1, 2, 3);
  }

  @Test
  void plan_listsSharedFixesOnceWithEveryCandidate() {
    Diagnosis d = FailureModes.forSymptoms("large train-test gap", "accuracy dropped after release").diagnose();
    assertThat(d.plan()).extracting(p -> p.fix().id()).doesNotHaveDuplicates();
    PlannedFix first = d.plan().get(0);
    assertThat(first.fix().leverage()).isEqualTo(Level.HIGH);
    assertThat(d.plan()).anySatisfy(p -> assertThat(p.addresses()).hasSizeGreaterThan(1));
  }

  @Test
  void toJson_hasTheDocumentedShape() throws Exception {
    Diagnosis d = FailureModes.forSymptoms("large train-test gap", "xyzzy plugh").diagnose();
    JsonNode json = new ObjectMapper().readTree(d.toJson());
    assertThat(json.get("catalogVersion").asText()).isEqualTo(FailureModes.catalog().catalogVersion());
    assertThat(json.get("inputs")).hasSize(2);
    JsonNode resolved = json.get("resolved").get(0);
    assertThat(resolved.get("input").asText()).isEqualTo("large train-test gap");
    assertThat(resolved.get("symptoms").get(0).get("id").asText()).isEqualTo("train-test-gap");
    assertThat(resolved.get("symptoms").get(0).get("confidence").asDouble()).isEqualTo(1.0);
    assertThat(json.get("unrecognized").get(0).get("input").asText()).isEqualTo("xyzzy plugh");
    assertThat(json.get("unrecognized").get(0).get("suggestions").isArray()).isTrue();
    JsonNode c = json.get("candidates").get(0);
    assertThat(c.get("rank").asInt()).isEqualTo(1);
    for (String field : List.of("id", "name", "stage", "score", "evidence", "explanation")) {
      assertThat(c.has(field)).as(field).isTrue();
    }
    assertThat(c.get("evidence").get(0).fieldNames()).toIterable()
        .containsExactly("input", "kind", "against", "symptom", "weight", "confidence", "contribution");
    assertThat(c.get("evidence").get(0).get("kind").asText()).isEqualTo("symptom");
    assertThat(resolved.fieldNames()).toIterable()
        .containsExactly("input", "symptoms", "failureModes", "ruledOutSymptoms", "ruledOutModes", "words");
    JsonNode p = json.get("plan").get(0);
    for (String field : List.of("fix", "name", "leverage", "stage", "addresses")) {
      assertThat(p.has(field)).as(field).isTrue();
    }
  }

  @Test
  void renderers_showCandidatesAndPlan() {
    Diagnosis d = FailureModes.forSymptoms("model overfits").diagnose();
    assertThat(d.toString()).startsWith("Diagnosis of 1 input (catalog ").contains("overfitting").contains("plan: 1.");
    assertThat(d.toMarkdown()).startsWith("## Diagnosis").contains("| 1 | Overfitting (`overfitting`)")
        .contains("### Fix plan");
  }

  @Test
  void blankInputAmongOthers_isReportedAsUnrecognised() {
    Diagnosis d = FailureModes.forSymptoms("model overfits", "  ").diagnose();
    assertThat(d.unrecognized()).containsExactly(new Unrecognized("  ", List.of()));
    assertThat(d.resolutions()).extracting(Resolution::input).containsExactly("model overfits", "  ");
    assertThat(d.top()).get().extracting(Candidate::id).isEqualTo("overfitting");
  }

  @Test
  void diagnose_fromManyThreadsAtOnce_givesTheSameAnswersAsOneThread() throws Exception {
    List<String> phrases = List.of("large train-test gap", "PSI 0.31 on feature age", "multicolinearity",
        "the trian/test gap is large", "model stealing via the API", "xyzzy plugh");
    List<String> expected = phrases.stream().map(p -> FailureModes.forSymptoms(p).diagnose().toJson()).toList();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          for (int round = 0; round < 50; round++) {
            for (int i = 0; i < phrases.size(); i++) {
              if (!FailureModes.forSymptoms(phrases.get(i)).diagnose().toJson().equals(expected.get(i))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (java.util.concurrent.Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void plan_forOneCandidate_keepsTheCatalogOrderWithinAStageAndLeverage() {
    Diagnosis d = FailureModes.forSymptoms("large train-test gap").inStages(Stage.DATA).diagnose();
    assertThat(d.candidates()).extracting(Candidate::id).containsExactly("data-leakage");
    // data-leakage lists strict separation before fitting preprocessing in the pipeline; both are high-leverage,
    // low-effort data fixes, so the catalog's order decides.
    assertThat(d.plan()).extracting(p -> p.fix().id())
        .containsSubsequence("strict-train-test-separation", "fit-preprocessing-in-pipeline");
  }

  @Test
  void namingAFailureMode_makesItACandidateWithNamedEvidence() {
    Diagnosis d = FailureModes.forSymptoms("we suspect concept drift in the fraud model").diagnose();
    assertThat(d.resolutions().get(0).namedModes()).extracting(FailureMode::id).containsExactly("concept-drift");
    Candidate top = d.top().orElseThrow();
    assertThat(top.id()).isEqualTo("concept-drift");
    assertThat(top.evidence().get(0).named()).isTrue();
    assertThat(top.explanation()).isEqualTo("Concept drift (deployment-monitoring) is named by 'we suspect concept drift"
        + " in the fraud model' and 1 more piece of evidence.");
    assertThat(top.evidence()).extracting(Evidence::kind).containsExactly(EvidenceKind.NAMED, EvidenceKind.TEXT);
  }

  @Test
  void aNegatedName_isNotANamedMode() {
    Diagnosis d = FailureModes.forSymptoms("accuracy dropped but there is no data drift").diagnose();
    assertThat(d.resolutions().get(0).namedModes()).isEmpty();
    assertThat(d.resolutions().get(0).ruledOutModes()).extracting(FailureMode::id).containsExactly("data-drift");
    assertThat(d.candidates()).extracting(Candidate::id).doesNotContain("data-drift").contains("concept-drift");
  }
}
