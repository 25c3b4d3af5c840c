package dev.failuremodes.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.failuremodes.Candidate;
import dev.failuremodes.Catalog;
import dev.failuremodes.Evidence;
import dev.failuremodes.EvidenceKind;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Fix;
import dev.failuremodes.Indicator;
import dev.failuremodes.Level;
import dev.failuremodes.NextCheck;
import dev.failuremodes.Outcome;
import dev.failuremodes.PlannedFix;
import dev.failuremodes.Stage;
import dev.failuremodes.UnknownIdException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine's arithmetic, pinned on a small frozen catalog ({@code catalogs/engine.json}). */
class EngineTest {
  private static final Catalog CATALOG = load("engine.json");
  /** The same catalog at schemaVersion 3 with checks, two more modes and a launch symptom, for the check results. */
  private static final Catalog CHECKS = load("engine-checks.json");

  private static Catalog load(String name) {
    try {
      return Catalog.load(Path.of(EngineTest.class.getResource("/catalogs/" + name).toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Engine.Result diagnose(Tuning tuning, String... inputs) {
    return new Engine(CATALOG, tuning).diagnose(List.of(inputs), EnumSet.allOf(Stage.class), 0, 10);
  }

  private static Candidate candidate(Engine.Result r, String id) {
    return r.candidates().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void exactSymptom_contributesWeightTimesSpecificity() {
    Engine.Result r = diagnose(Tuning.DEFAULT, "generalization gap");
    // train-test-gap indicates two modes: specificity 2^-0.3.
    double specificity = Math.pow(2, -0.3);
    assertThat(r.candidates()).extracting(Candidate::id).containsExactly("overfitting", "data-leakage");
    Evidence e = r.candidates().get(0).evidence().get(0);
    assertThat(e.kind()).isEqualTo(EvidenceKind.SYMPTOM);
    assertThat(e.symptom()).contains("train-test-gap");
    assertThat(e.weight()).isCloseTo(0.9 * specificity, within(1e-4));
    assertThat(e.confidence()).isEqualTo(1.0);
    assertThat(r.candidates().get(0).score()).isCloseTo(0.9 * specificity, within(1e-4));
    assertThat(r.candidates().get(1).score()).isCloseTo(0.5 * specificity, within(1e-4));
  }

  @Test
  void measuredValue_contributesWeightTimesMeasuredConfidence_andAHealthyValueRulesOut() {
    Engine.Result crossed = diagnose(Tuning.DEFAULT, "psi 0.31");
    Evidence e = candidate(crossed, "data-drift").evidence().get(0);
    assertThat(e.kind()).isEqualTo(EvidenceKind.MEASURED);
    assertThat(e.contribution()).isEqualTo(0.8 * 0.95);
    assertThat(e.detail()).isEqualTo("psi 0.31 > 0.25");

    Engine.Result healthy = diagnose(Tuning.DEFAULT, "psi 0.05");
    assertThat(healthy.candidates()).isEmpty();
    assertThat(healthy.resolutions().get(0).ruledOutSymptoms()).extracting(m -> m.symptom().id())
        .containsExactly("psi-alert");
    assertThat(healthy.unrecognized()).isEmpty();
  }

  @Test
  void namedMode_contributesNamedStrength_andATypoOfAOneWordNameTheTypoFactor() {
    Evidence named = candidate(diagnose(Tuning.DEFAULT, "we suspect data leakage"), "data-leakage").evidence().get(0);
    assertThat(named.kind()).isEqualTo(EvidenceKind.NAMED);
    assertThat(named.contribution()).isEqualTo(0.9);
    assertThat(named.words()).containsExactly("data leakage");
    Candidate typo = diagnose(Tuning.DEFAULT, "overfiting").candidates().get(0);
    assertThat(typo.id()).isEqualTo("overfitting");
    assertThat(typo.score()).isEqualTo(0.72);
  }

  @Test
  void fusion_isNoisyOrForAndMultipliesAgainst() {
    Engine.Result r = diagnose(Tuning.DEFAULT, "the model is not overfitting, but we see a generalization gap");
    Candidate overfitting = candidate(r, "overfitting");
    double miss = 1;
    double kept = 1;
    for (Evidence e : overfitting.evidence()) {
      if (e.against()) {
        kept *= 1 - e.contribution();
      } else {
        miss *= 1 - e.contribution();
      }
    }
    assertThat(overfitting.evidence()).filteredOn(Evidence::against).singleElement()
        .satisfies(e -> assertThat(e.contribution()).isEqualTo(0.9));
    assertThat(overfitting.score()).isCloseTo((1 - miss) * kept, within(1e-4));
    assertThat(r.candidates().get(0).id()).isEqualTo("data-leakage");
    assertThat(r.resolutions().get(0).ruledOutModes()).extracting(m -> m.id()).containsExactly("overfitting");

    Engine.Result two = diagnose(Tuning.DEFAULT, "generalization gap", "auc 0.995");
    Candidate leakage = candidate(two, "data-leakage");
    double none = 1;
    for (Evidence e : leakage.evidence()) {
      none *= 1 - e.contribution();
    }
    assertThat(leakage.evidence()).hasSize(3);
    assertThat(leakage.score()).isCloseTo(1 - none, within(1e-4));
    assertThat(two.candidates().get(0).id()).isEqualTo("data-leakage");
  }

  @Test
  void textEvidence_isTheShareOfTheWordsTheModesTextExplains() {
    Engine.Result r = diagnose(Tuning.DEFAULT,
        "validation auc was near perfect because a feature came from the account closure date");
    Evidence e = r.candidates().get(0).evidence().get(0);
    assertThat(r.candidates().get(0).id()).isEqualTo("data-leakage");
    assertThat(e.kind()).isEqualTo(EvidenceKind.TEXT);
    assertThat(e.field()).contains("symptoms");
    assertThat(e.words()).startsWith("near", "perfect").contains("auc", "closure", "account");
    assertThat(e.weight()).isEqualTo(0.8);
    assertThat(e.confidence()).isEqualTo(0.3334);
    assertThat(e.contribution()).isEqualTo(0.2667);
  }

  @Test
  void routineWords_getNoCandidate() {
    assertThat(diagnose(Tuning.DEFAULT, "the coffee machine is broken").candidates()).isEmpty();
    assertThat(diagnose(Tuning.DEFAULT, "the model was retrained and promoted on schedule").candidates()).isEmpty();
  }

  @Test
  void nameInALongText_countsInProportionToOnePassage() {
    String filler = " with many other words about the quarterly planning meeting agenda".repeat(8);
    Engine engine = new Engine(CATALOG, Tuning.DEFAULT);
    int content = new Engine(CATALOG, Tuning.DEFAULT).read("we suspect data leakage" + filler).signals()
        .contentWords();
    Engine.Result r = engine.diagnose(List.of("we suspect data leakage" + filler), EnumSet.allOf(Stage.class), 0, 10);
    Evidence named = candidate(r, "data-leakage").evidence().stream().filter(Evidence::named).findFirst()
        .orElseThrow();
    assertThat(content).isGreaterThan(40);
    assertThat(named.confidence()).isCloseTo(40.0 / content, within(1e-4));
  }

  @Test
  void plan_highLeverageFirstThenUsefulnessThenDebuggingOrder() {
    Engine.Result r = diagnose(Tuning.DEFAULT, "generalization gap");
    assertThat(r.plan()).extracting(p -> p.fix().id())
        .containsExactly("strict-split", "time-based-split", "regularize");
    PlannedFix strict = r.plan().get(0);
    assertThat(strict.addresses()).containsExactly("overfitting", "data-leakage");
    // overfitting lists strict-split second (discounted by 1 + 0.25), data-leakage first.
    assertThat(strict.usefulness()).isCloseTo(0.731 / 1.25 + 0.4061, within(1e-3));
  }

  @Test
  void plan_nearEqualUsefulnessFallsBackToDebuggingOrder() {
    Ranker ranker = new Ranker(CATALOG.failureModes(), id -> CATALOG.fix(id).orElse(null), Tuning.DEFAULT);
    // time-based-split (evaluation) is slightly more useful than strict-split (data), within one bucket of 0.1:
    // the earlier stage goes first. With finer buckets the more useful one would.
    List<Candidate> candidates = List.of(
        new Candidate(1, CATALOG.requireFailureMode("data-drift"), 0.54, List.of(), "x"),
        new Candidate(2, CATALOG.requireFailureMode("overfitting"), 0.625, List.of(), "x"));
    assertThat(ranker.plan(candidates)).extracting(p -> p.fix().id())
        .containsExactly("strict-split", "time-based-split", "regularize");
    Ranker fine = new Ranker(CATALOG.failureModes(), id -> CATALOG.fix(id).orElse(null), Tuning.DEFAULT.with("planBuckets", 1000));
    assertThat(fine.plan(candidates)).extracting(p -> p.fix().id())
        .containsExactly("time-based-split", "strict-split", "regularize");
  }

  @Test
  void equalScores_rankInDebuggingOrder_thenById() {
    // Both named outright: 0.9 each. Modeling comes before deployment monitoring whatever the ids say.
    assertThat(diagnose(Tuning.DEFAULT, "data drift and exploding gradients").candidates())
        .extracting(Candidate::id, Candidate::score, Candidate::rank)
        .containsExactly(tuple("exploding-gradients", 0.9, 1), tuple("data-drift", 0.9, 2));
    // One stage: by id.
    assertThat(diagnose(Tuning.DEFAULT, "overfitting and exploding gradients").candidates())
        .extracting(Candidate::id).containsExactly("exploding-gradients", "overfitting");
  }

  @Test
  void minScore_keepsACandidateScoringExactlyIt_andLimitKeepsTheBest() {
    Engine engine = new Engine(CATALOG, Tuning.DEFAULT);
    List<String> input = List.of("generalization gap");
    double overfitting = engine.diagnose(input, EnumSet.allOf(Stage.class), 0, 10).candidates().get(0).score();
    assertThat(engine.diagnose(input, EnumSet.allOf(Stage.class), overfitting, 10).candidates())
        .extracting(Candidate::id).containsExactly("overfitting");
    assertThat(engine.diagnose(input, EnumSet.allOf(Stage.class), overfitting + 1e-4, 10).candidates()).isEmpty();
    assertThat(engine.diagnose(List.of("generalization gap", "auc 0.995"), EnumSet.allOf(Stage.class), 0, 1)
        .candidates()).extracting(Candidate::id).containsExactly("data-leakage");
  }

  @Test
  void evidence_forFirstThenAgainst_strongestFirst_andTheExplanationCountsThem() {
    Candidate leakage = candidate(diagnose(Tuning.DEFAULT, "generalization gap", "auc 0.995"), "data-leakage");
    // Found in input order (symptom, then measured), listed by contribution.
    assertThat(leakage.evidence()).extracting(Evidence::kind)
        .containsExactly(EvidenceKind.MEASURED, EvidenceKind.SYMPTOM, EvidenceKind.TEXT);
    assertThat(leakage.explanation()).isEqualTo(
        "Data leakage (data) is measured in 'auc 0.995' (auc 0.995 > 0.99) and 2 more pieces of evidence.");

    Candidate overfitting = candidate(
        diagnose(Tuning.DEFAULT, "the model is not overfitting, but we see a generalization gap"), "overfitting");
    // The denial is the strongest piece (0.9) but against, so it comes last.
    assertThat(overfitting.evidence()).extracting(Evidence::kind, Evidence::against).containsExactly(
        tuple(EvidenceKind.SYMPTOM, false), tuple(EvidenceKind.TEXT, false), tuple(EvidenceKind.NAMED, true));
    assertThat(overfitting.explanation()).isEqualTo("Overfitting (modeling) is indicated by 'the model is not"
        + " overfitting, but we see a generalization gap' (train-test-gap) and 1 more piece of evidence; 1 against.");
    assertThat(candidate(diagnose(Tuning.DEFAULT, "generalization gap"), "overfitting").explanation())
        .isEqualTo("Overfitting (modeling) is indicated by 'generalization gap' (train-test-gap).");
  }

  @Test
  void perInputAndSource_theStrongestPieceCounts_theFirstAmongEquals() {
    // The phrase (confidence 1) and the measured value (0.95) are the same symptom in one input: 0.8 counts.
    Engine.Result both = diagnose(Tuning.DEFAULT, "psi 0.31, PSI alert");
    assertThat(candidate(both, "data-drift").evidence()).filteredOn(e -> e.symptom().isPresent()).singleElement()
        .satisfies(e -> assertThat(e.contribution()).isEqualTo(0.8));
    assertThat(both.resolutions().get(0).matches()).singleElement()
        .satisfies(m -> assertThat(m.confidence()).isEqualTo(1.0));
    // A name and an alias of one symptom in one input weigh the same: the first found is the one shown.
    assertThat(candidate(diagnose(Tuning.DEFAULT, "feature distribution shifted and a psi alert"), "data-drift")
        .evidence().get(0).words()).containsExactly("feature distribution shifted");
  }

  @Test
  void aModeWithEvidenceFromFortyInputs_hasFortyPieces() {
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      inputs.add("psi 0." + (30 + i) + " on feature f" + i);
    }
    Engine.Result r = new Engine(CATALOG, Tuning.DEFAULT).diagnose(inputs, EnumSet.allOf(Stage.class), 0, 10);
    assertThat(candidate(r, "data-drift").evidence()).filteredOn(e -> e.kind() == EvidenceKind.MEASURED).hasSize(40);
  }

  @Test
  void aToolsFindingWithoutAFeature_isACrossing_thatAHealthyValueElsewhereDoesNotContradict() {
    Engine.Result r = new Engine(CATALOG, Tuning.DEFAULT).diagnose(List.of(
        Engine.Input.symptom("PSI alert", "psi-alert", null),
        Engine.Input.of(dev.failuremodes.signals.Observation.of("psi", 0.05).feature("income"))),
        Map.of(), EnumSet.allOf(Stage.class), 0, 10);
    assertThat(candidate(r, "data-drift").evidence()).noneMatch(Evidence::against);
  }

  @Test
  void everyInputCounts_withManyPiecesForOneMode() {
    Candidate leakage = candidate(diagnose(Tuning.DEFAULT, "generalization gap", "auc 0.995",
        "we suspect data leakage", "near-perfect AUC", "leakage"), "data-leakage");
    assertThat(leakage.evidence()).hasSize(7);
    double none = 1;
    for (Evidence e : leakage.evidence()) {
      none *= 1 - e.contribution();
    }
    assertThat(leakage.score()).isCloseTo(1 - none, within(1e-4));
    assertThat(leakage.explanation()).endsWith(" and 6 more pieces of evidence.");
  }

  @Test
  void symptomsAndNamesInsideAText_giveTheirOwnEvidence_forOrAgainst() {
    Engine.Result inText = diagnose(Tuning.DEFAULT, "we see a generalization gap in the logs");
    assertThat(inText.resolutions().get(0).words()).containsExactly("generalization", "gap");
    Candidate overfitting = inText.candidates().get(0);
    assertThat(overfitting.id()).isEqualTo("overfitting");
    assertThat(overfitting.evidence().get(0)).satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EvidenceKind.SYMPTOM);
      assertThat(e.symptom()).contains("train-test-gap");
      assertThat(e.contribution()).isEqualTo(0.731);
    });
    Candidate leakage = candidate(diagnose(Tuning.DEFAULT, "auc 0.995 but no generalization gap"), "data-leakage");
    assertThat(leakage.evidence()).filteredOn(Evidence::against).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EvidenceKind.SYMPTOM);
      assertThat(e.contribution()).isEqualTo(0.4061);
    });
    // "no drift" denies the word that names data drift: against it, in part, beside the measured value.
    Engine.Result drift = diagnose(Tuning.DEFAULT, "psi 0.31 but no drift in the labels");
    assertThat(candidate(drift, "data-drift").evidence()).filteredOn(Evidence::against).singleElement()
        .satisfies(e -> {
          assertThat(e.kind()).isEqualTo(EvidenceKind.NAMED);
          assertThat(e.words()).containsExactly("drift");
          assertThat(e.contribution()).isEqualTo(0.7453);
        });
    assertThat(drift.resolutions().get(0).ruledOutModes()).extracting(m -> m.id()).containsExactly("data-drift");
    // Words that deny most of a symptom's name count against it, and rule it out.
    Engine.Result shift = diagnose(Tuning.DEFAULT, "auc 0.995, but no distribution shift");
    assertThat(shift.resolutions().get(0).ruledOutSymptoms()).extracting(m -> m.symptom().id())
        .containsExactly("psi-alert");
    // A name denied in one sentence and affirmed in the next: both count.
    Candidate both = candidate(diagnose(Tuning.DEFAULT,
        "The audit said no data leakage. The rerun shows data leakage."), "data-leakage");
    assertThat(both.evidence()).filteredOn(e -> e.kind() == EvidenceKind.NAMED)
        .extracting(Evidence::against).containsExactly(false, true);
  }

  @Test
  void namesAlone_giveNoTextEvidence_butNamesWithOtherWordsDo() {
    Engine.Result names = diagnose(Tuning.DEFAULT, "data leakage and overfitting");
    assertThat(names.candidates()).extracting(Candidate::id).containsExactly("data-leakage", "overfitting");
    assertThat(names.candidates()).allSatisfy(c -> assertThat(c.evidence()).extracting(Evidence::kind)
        .containsExactly(EvidenceKind.NAMED));
    assertThat(candidate(diagnose(Tuning.DEFAULT, "we suspect data leakage"), "data-leakage").evidence())
        .extracting(Evidence::kind).containsExactly(EvidenceKind.NAMED, EvidenceKind.TEXT);
  }

  @Test
  void aCatalogPhraseWithANegationWord_isTheSymptom_notADenial() {
    Engine.Result r = diagnose(Tuning.DEFAULT, "our loss not decreasing after epoch 3");
    assertThat(r.resolutions().get(0).matches()).extracting(m -> m.symptom().id()).containsExactly("loss-nan");
    assertThat(r.resolutions().get(0).ruledOutSymptoms()).isEmpty();
    assertThat(r.candidates().get(0).id()).isEqualTo("exploding-gradients");
    assertThat(r.candidates().get(0).evidence()).noneMatch(Evidence::against);
  }

  @Test
  void anUnbrokenInputBeyondTheLimit_isCutAtTheLimit_andOneAtTheLimitIsReadWhole() {
    String unbroken = "x".repeat(Engine.MAX_INPUT_LENGTH + 5000);
    assertThat(diagnose(Tuning.DEFAULT, unbroken).notes()).singleElement().asString()
        .startsWith("Input 1 is 1,053,576 characters; only the first 1,048,576 were read");
    String spaced = "word ".repeat(Engine.MAX_INPUT_LENGTH / 5 + 1000);
    assertThat(diagnose(Tuning.DEFAULT, spaced).notes()).singleElement().asString()
        .startsWith("Input 1 is 1,053,575 characters; only the first 1,048,574 were read");
    assertThat(diagnose(Tuning.DEFAULT, "x".repeat(Engine.MAX_INPUT_LENGTH)).notes()).isEmpty();
  }

  @Test
  void unrecognisedText_getsSuggestions() {
    Engine.Result r = diagnose(Tuning.DEFAULT, "generalization gapp here");
    assertThat(r.candidates()).isEmpty();
    assertThat(r.unrecognized()).singleElement().satisfies(u -> assertThat(u.suggestions())
        .containsExactly("train-test-gap"));
  }

  private static Fix fix(String id, Stage stage, Level leverage, Level effort) {
    return Fix.builder().id(id).name(id).description(id).stage(stage).leverage(leverage).effort(effort).build();
  }

  /**
   * Orders the fixes of the candidates given, in the order given, over the frozen catalog's modes (data-leakage:
   * strict-split, time-based-split; overfitting: regularize, strict-split; data-drift: time-based-split) with the
   * fixes given instead of the catalog's, and every usefulness in one bucket unless {@code buckets} says otherwise.
   */
  private static List<String> plan(double buckets, List<Fix> fixes, String... candidates) {
    Map<String, Fix> byId = new HashMap<>();
    fixes.forEach(f -> byId.put(f.id(), f));
    Ranker ranker = new Ranker(CATALOG.failureModes(), byId::get, Tuning.DEFAULT.with("planBuckets", buckets));
    List<Candidate> list = new ArrayList<>();
    for (String c : candidates) {
      String[] idScore = c.split("=");
      list.add(new Candidate(list.size() + 1, CATALOG.requireFailureMode(idScore[0]),
          Double.parseDouble(idScore[1]), List.of(), "x"));
    }
    return ranker.plan(list).stream().map(p -> p.fix().id()).toList();
  }

  @Test
  void plan_fixesTiedOnEverythingElse_comeInIdOrder_notInTheOrderTheModesListThem() {
    // Six fixes equal in leverage, stage and effort, each the first fix of its own mode, met far from id order;
    // candidates of equal score, so that only the ids can order them.
    List<String> ids = List.of("f-delta", "f-alpha", "f-foxtrot", "f-charlie", "f-echo", "f-bravo");
    Map<String, Fix> byId = new HashMap<>();
    List<FailureMode> modes = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (String id : ids) {
      byId.put(id, fix(id, Stage.DATA, Level.HIGH, Level.LOW));
      FailureMode mode = FailureMode.builder().id("mode-" + id).name("Mode " + id)
          .stage(Stage.DATA).summary("A mode.").description("A mode with one fix.")
          .addIndicator(Indicator.of("some-symptom", 0.9)).addMechanism("Something breaks.")
          .addFix(id).build();
      modes.add(mode);
      candidates.add(new Candidate(candidates.size() + 1, mode, 0.5, List.of(), "x"));
    }
    Ranker ranker = new Ranker(modes, byId::get, Tuning.DEFAULT);

    assertThat(ranker.plan(candidates)).extracting(p -> p.fix().id())
        .containsExactly("f-alpha", "f-bravo", "f-charlie", "f-delta", "f-echo", "f-foxtrot");
  }

  @Test
  void plan_tiesFallToStage_thenEffort_thenTheEarliestPlace_thenId() {
    // Found in the order strict-split, time-based-split, regularize; the order of the plan is the comparison's.
    String[] found = {"data-leakage=0.5", "overfitting=0.5"};
    Fix strict = fix("strict-split", Stage.DATA, Level.HIGH, Level.LOW);
    Fix time = fix("time-based-split", Stage.DATA, Level.HIGH, Level.LOW);
    Fix regularize = fix("regularize", Stage.DATA, Level.HIGH, Level.LOW);
    // All alike: strict-split and regularize come first in a mode's own order, then by id; time-based-split second.
    assertThat(plan(1e-9, List.of(strict, time, regularize), found))
        .containsExactly("regularize", "strict-split", "time-based-split");
    // Lower effort first.
    assertThat(plan(1e-9, List.of(fix("strict-split", Stage.DATA, Level.HIGH, Level.MEDIUM), time, regularize), found))
        .containsExactly("regularize", "time-based-split", "strict-split");
    // Earlier stage of the debugging order first.
    assertThat(plan(1e-9, List.of(fix("strict-split", Stage.EVALUATION, Level.HIGH, Level.LOW), time,
        fix("regularize", Stage.MODELING, Level.HIGH, Level.LOW)), found))
        .containsExactly("time-based-split", "regularize", "strict-split");
    // Higher leverage before everything else; then usefulness, by bucket.
    assertThat(plan(1e-9, List.of(strict, time, fix("regularize", Stage.MODELING, Level.LOW, Level.HIGH)), found))
        .containsExactly("strict-split", "time-based-split", "regularize");
    assertThat(plan(10, List.of(strict, time, regularize), "data-drift=0.1", "overfitting=0.9"))
        .containsExactly("regularize", "strict-split", "time-based-split");
  }

  /** Inputs that exercise every route, every field of the text index and the report detector. */
  private static final List<String> PROBES = List.of(
      "generalization gap",
      "psi 0.31",
      "auc went from 0.91 to 0.78 after the release of the new model",
      "auc 0.995",
      "overfiting",
      "we suspect data leakage",
      "the model is not overfitting, but we see a generalization gap",
      "validation auc was near perfect because a feature came from the account closure date",
      "a domain classifier separates recent rows from training rows after the holiday promotion brought new shoppers",
      "training score keeps rising while the held-out score falls with too many parameters for too few rows",
      "weights jump and the loss turns into nan after a learning rate change, zxqw unknownword",
      "we suspect data leakage" + " and many other words about the quarterly planning meeting agenda".repeat(8));

  private static String fingerprint(Tuning tuning) {
    Engine engine = new Engine(CATALOG, tuning);
    StringBuilder out = new StringBuilder();
    for (String input : PROBES) {
      Engine.Result r = engine.diagnose(List.of(input), EnumSet.allOf(Stage.class), 0, 10);
      r.candidates().forEach(c -> out.append(c.id()).append(' ').append(c.score()).append(c.evidence()).append('\n'));
      r.plan().forEach(p -> out.append(p).append(' ').append(p.usefulness()).append('\n'));
      Detector.Signals s = engine.read(input).signals();
      out.append(s == null ? "exact" : Detector.score(tuning, s)).append('\n');
    }
    return out.toString();
  }

  /** Every constant changes what the engine answers on the frozen catalog: none can drift without a test noticing. */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "passageWords, 20", "measuredConfidence, 0.9", "typoFactor, 0.7", "specificityExponent, 0.5",
    "namedStrength, 0.8", "bm25K1, 1.5", "bm25B, 0.5", "fieldBoost[0], 2", "fieldBoost[1], 2", "fieldBoost[2], 1",
    "fieldBoost[3], 2", "fieldBoost[4], 2", "fieldBoost[5], 1", "fieldBoost[6], 1", "textWeight, 0.7",
    "unknownWordIdf, 3", "routineWeight, 1", "detectorWeights[0], 0", "detectorWeights[1], 0",
    "detectorWeights[2], 0", "detectorWeights[3], 0", "detectorWeights[4], 0", "detectorWeights[5], 0",
    "detectorWeights[6], 0", "detectorWeights[7], 0", "detectorWeights[8], 0", "detectorWeights[9], 0",
    "detectorWeights[10], 0", "detectorBias, 0", "minCoverage, 0.5", "fixPositionDiscount, 0.5"
  })
  void everyConstant_changesTheAnswers(String constant, double value) {
    assertThat(fingerprint(Tuning.DEFAULT.with(constant, value))).isNotEqualTo(fingerprint(Tuning.DEFAULT));
  }

  @Test
  void tunings_areEqualWhenEveryConstantIs() {
    assertThat(Tuning.DEFAULT.with("bm25K1", 1.2)).isEqualTo(Tuning.DEFAULT).hasSameHashCodeAs(Tuning.DEFAULT);
    assertThat(Tuning.DEFAULT.with("fieldBoost[2]", 2.5)).isNotEqualTo(Tuning.DEFAULT);
    assertThat(Tuning.DEFAULT.with("checkCost[2]", 3).toString()).contains("checkCost=[1.0, 1.5, 3.0]")
        .startsWith("Tuning[passageWords=40, ");
  }

  // ---- Checks: results as evidence, and the next check ----

  /** A probe of the check arithmetic: text inputs, then results written as "check-id=positive", "-id" or "+id". */
  private static Engine.Result answered(Engine engine, String input, String... results) {
    Answers answers = Answers.NONE;
    for (String r : results) {
      Checks checks = engine.checks();
      answers = answers.with(r.startsWith("-") ? checks.ruledOut(r.substring(1))
          : r.startsWith("+") ? checks.confirmed(r.substring(1))
          : checks.check(r.substring(0, r.indexOf('=')), Outcome.parse(r.substring(r.indexOf('=') + 1))));
    }
    return engine.diagnose(List.of(Engine.Input.text(input)), answers, Map.of(), EnumSet.allOf(Stage.class), 0, 10);
  }

  private static Evidence check(Candidate c) {
    return c.evidence().stream().filter(e -> e.kind() == EvidenceKind.CHECK).findFirst().orElseThrow();
  }

  @Test
  void checkResult_asPredictedCountsForTheMode_andAContraryOneAgainstItWithTheAgreement() {
    Engine engine = new Engine(CHECKS, Tuning.DEFAULT);
    Engine.Result r = answered(engine, "accuracy dropped after release", "logged-feature-comparison=positive");
    // High effectiveness: agreement 0.9; as predicted, 0.9 / (2 + 0.9) moves even odds by 1.9.
    Evidence skew = check(candidate(r, "training-serving-skew"));
    assertThat(skew.against()).isFalse();
    assertThat(skew.contribution()).isEqualTo(0.3103);
    assertThat(skew.field()).contains("logged-feature-comparison");
    assertThat(skew.detail()).isEqualTo("serving features differ from training");
    // A mode the check predicts negative: agreement 0.9 × crossFactor 0.6 against it.
    Evidence drift = check(candidate(r, "data-drift"));
    assertThat(drift.against()).isTrue();
    assertThat(drift.contribution()).isEqualTo(0.54);
    assertThat(candidate(r, "training-serving-skew").explanation())
        .endsWith(" For it: serving features differ from training.");
    assertThat(candidate(r, "data-drift").explanation())
        .endsWith(" Against it: serving features differ from training.");

    Engine.Result negative = answered(engine, "accuracy dropped after release", "logged-feature-comparison=negative");
    assertThat(check(candidate(negative, "training-serving-skew")).contribution()).isEqualTo(0.9);
    assertThat(candidate(negative, "training-serving-skew").score()).isCloseTo(0.4576 * 0.1, within(1e-3));
    // As predicted for a negative prediction: 0.54 / 2.54.
    assertThat(check(candidate(negative, "data-leakage")).contribution()).isEqualTo(0.2126);
    assertThat(negative.resolutions().get(1).checks()).containsEntry("logged-feature-comparison", Outcome.NEGATIVE);
  }

  @Test
  void negativeResultAsPredicted_supportsOnlyModesWithOtherEvidence() {
    Engine engine = new Engine(CHECKS, Tuning.DEFAULT);
    Engine.Result r = answered(engine, "generalization gap", "logged-feature-comparison=negative");
    // data-drift and concept-drift predict a negative too, but nothing else points to them.
    assertThat(r.candidates()).extracting(Candidate::id).containsExactly("overfitting", "data-leakage");
    assertThat(check(candidate(r, "data-leakage")).against()).isFalse();
  }

  @Test
  void lowAndMediumChecks_weighLess() {
    Engine engine = new Engine(CHECKS, Tuning.DEFAULT);
    Candidate exploding = answered(engine, "loss not decreasing", "gradient-norm-logging=negative").candidates().get(0);
    assertThat(check(exploding).contribution()).isEqualTo(0.5);
    assertThat(exploding.score()).isCloseTo(0.8 * 0.5, within(1e-4));
    Candidate concept = candidate(answered(engine, "accuracy dropped after release", "windowed-performance=positive"),
        "concept-drift");
    assertThat(check(concept).contribution()).isEqualTo(0.2593);
  }

  @Test
  void ruledOutMode_isNoCandidate_andARuledOutSymptomCountsAgainst() {
    Engine engine = new Engine(CHECKS, Tuning.DEFAULT);
    Engine.Result r = answered(engine, "accuracy dropped after release", "-training-serving-skew", "-psi alert");
    assertThat(r.candidates()).extracting(Candidate::id).containsExactly("data-leakage", "concept-drift", "data-drift");
    // psi-alert indicates data-drift alone (specificity 1): 0.8 against, so 0.2 × 0.2.
    assertThat(candidate(r, "data-drift").score()).isCloseTo(0.2 * 0.2, within(1e-3));
    assertThat(r.resolutions().get(1).ruledOutModes()).extracting(m -> m.id()).containsExactly("training-serving-skew");
    assertThat(r.resolutions().get(2).ruledOutSymptoms()).extracting(m -> m.symptom().id())
        .containsExactly("psi-alert");
    Engine.Result confirmed = answered(engine, "accuracy dropped after release", "+psi alert");
    assertThat(confirmed.candidates().get(0).id()).isEqualTo("data-drift");
    assertThat(engine.checks().ruledOutModes(Answers.NONE.with(engine.checks().ruledOut("data-leakage"))))
        .extracting(m -> m.id()).containsExactly("data-leakage");
  }

  private static double entropy(double p) {
    return p <= 0 || p >= 1 ? 0 : -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / Math.log(2);
  }

  @Test
  void nextCheck_isTheMutualInformationOfItsOutcome_perUnitOfEffort() {
    Engine engine = new Engine(CHECKS, Tuning.DEFAULT);
    Engine.Result r = answered(engine, "generalization gap");
    double over = candidate(r, "overfitting").score();
    double leak = candidate(r, "data-leakage").score();
    double none = (1 - over) * (1 - leak);
    double total = over + leak + none;
    // learning-curves: positive for overfitting (agreement 0.9), negative for data-leakage (0.9 × 0.6).
    double qOver = (1 + 0.9) / 2;
    double qLeak = (1 - 0.54) / 2;
    double positive = (over * qOver + leak * qLeak + none * 0.5) / total;
    double gain = entropy(positive) - (over * entropy(qOver) + leak * entropy(qLeak) + none) / total;
    List<NextCheck> next = engine.checks().next(r.candidates(), Answers.NONE);
    assertThat(next).extracting(NextCheck::id).startsWith("learning-curves", "out-of-time-validation");
    assertThat(next.get(0).expectedGain()).isCloseTo(gain, within(1e-4));
    assertThat(next.get(0).gainPerEffort()).isCloseTo(gain / 1.0, within(1e-4));
    assertThat(next.get(0).ifPositive()).containsExactly("overfitting");
    assertThat(next.get(0).ifNegative()).containsExactly("data-leakage");
    // Answered, it is not offered again.
    Answers answered = Answers.NONE.with(engine.checks().check("learning-curves", Outcome.POSITIVE));
    assertThat(engine.checks().next(r.candidates(), answered)).extracting(NextCheck::id)
        .doesNotContain("learning-curves");
  }

  @Test
  void nextChecks_nearEqualOnesFallBackToDebuggingOrder_andChecksThatCannotChangeTheLeaderAreLeftOut() {
    Engine.Result r = answered(new Engine(CHECKS, Tuning.DEFAULT), "accuracy dropped after release");
    List<NextCheck> bucketed = new Engine(CHECKS, Tuning.DEFAULT).checks().next(r.candidates(), Answers.NONE);
    // learning-curves (modeling, 0.040 bits per effort) comes before windowed-performance (monitoring, 0.072): both
    // round to one step of 0.05. psi-per-feature is left out: a positive result would lift data-drift to 0.41 and a
    // negative one concept-drift to 0.37, below training-serving-skew's 0.46 either way.
    assertThat(bucketed).extracting(NextCheck::id).containsExactly("domain-classifier", "out-of-time-validation",
        "logged-feature-comparison", "learning-curves", "windowed-performance");
    List<NextCheck> fine = new Engine(CHECKS, Tuning.DEFAULT.with("checkBuckets", 1e6)).checks()
        .next(r.candidates(), Answers.NONE);
    assertThat(fine).extracting(NextCheck::id).containsExactly("domain-classifier", "out-of-time-validation",
        "logged-feature-comparison", "windowed-performance", "learning-curves");
  }

  @Test
  void standout_isTwoThirdsOfTheCandidatesScoresWithTheChanceOfNone() {
    Engine engine = new Engine(CHECKS, Tuning.DEFAULT);
    Engine.Result before = answered(engine, "generalization gap");
    assertThat(engine.checks().standout(before.candidates())).isEmpty();
    Engine.Result after = answered(engine, "generalization gap", "learning-curves=positive");
    double over = after.candidates().get(0).score();
    double leak = after.candidates().get(1).score();
    assertThat(over / (over + leak + (1 - over) * (1 - leak))).isGreaterThanOrEqualTo(2.0 / 3);
    assertThat(engine.checks().standout(after.candidates())).map(Candidate::id).contains("overfitting");
  }

  @Test
  void aHealthyValue_countsAgainstItsOwnSymptom_whateverOtherSymptomsCrossed() {
    Candidate leakage = candidate(diagnose(Tuning.DEFAULT, "generalization gap", "psi 0.31", "auc 0.5"),
        "data-leakage");
    assertThat(leakage.evidence()).filteredOn(Evidence::against).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EvidenceKind.MEASURED);
      assertThat(e.symptom()).contains("too-good");
      assertThat(e.detail()).isEqualTo("auc 0.5, healthy (a symptom when > 0.99)");
    });
    // A symptom the user ruled out counts against beside a value that crosses it: results are not measurements.
    Candidate drift = candidate(answered(new Engine(CHECKS, Tuning.DEFAULT), "psi 0.31", "-psi alert"), "data-drift");
    assertThat(drift.evidence()).filteredOn(Evidence::against).singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(EvidenceKind.SYMPTOM));
  }

  @Test
  void answers_theSameResultTwiceIsOne_andAContradictionEitherWayIsRefused() {
    Checks checks = new Engine(CHECKS, Tuning.DEFAULT).checks();
    Answers ruledOut = Answers.NONE.with(checks.ruledOut("psi alert"));
    assertThat(ruledOut.with(checks.ruledOut("psi-alert"))).isSameAs(ruledOut);
    assertThat(ruledOut).hasToString("[ruled out: psi-alert]");
    assertThatThrownBy(() -> ruledOut.with(checks.confirmed("PSI alert")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Symptom 'psi-alert' is both confirmed"
            + " (confirmed(\"PSI alert\")) and ruled out (ruledOut(\"psi alert\")); keep the one that holds.");
  }

  @Test
  void aCheckThatPredictsForTheCandidatesWhatAnAnsweredOneDid_isNotOfferedAgain() {
    Engine engine = new Engine(CHECKS, Tuning.DEFAULT);
    Answers answers = Answers.NONE.with(engine.checks().ruledOut("training-serving-skew"))
        .with(engine.checks().ruledOut("data-leakage"));
    Engine.Result r = engine.diagnose(List.of(Engine.Input.text("accuracy dropped after release"),
        Engine.Input.text("PSI alert")), answers, Map.of(), EnumSet.allOf(Stage.class), 0, 10);
    assertThat(r.candidates()).extracting(Candidate::id).containsExactly("data-drift", "concept-drift");
    // For these two, domain-classifier and psi-per-feature predict alike: data drift positive, concept drift negative.
    assertThat(engine.checks().next(r.candidates(), answers)).extracting(NextCheck::id)
        .contains("domain-classifier", "psi-per-feature");
    Answers asked = answers.with(engine.checks().check("domain-classifier", Outcome.POSITIVE));
    assertThat(engine.checks().next(r.candidates(), asked)).extracting(NextCheck::id)
        .doesNotContain("domain-classifier", "psi-per-feature");
  }

  @Test
  void aConfirmedSymptom_isListedAsSeen_andAnUnknownIdSuggestsSymptoms() {
    Engine engine = new Engine(CHECKS, Tuning.DEFAULT);
    Engine.Result r = answered(engine, "accuracy dropped after release", "+psi alert");
    assertThat(r.resolutions().get(1).matches()).extracting(m -> m.symptom().id()).containsExactly("psi-alert");
    assertThatThrownBy(() -> engine.checks().ruledOut("psi-alrt")).isInstanceOf(UnknownIdException.class)
        .hasMessage("Unknown failure mode or symptom 'psi-alrt'; did you mean 'psi-alert'?");
  }

  /** Check results and next checks on the frozen check catalog, for the fingerprint. */
  private static final List<String[]> CHECK_PROBES = List.of(
      new String[] {"accuracy dropped after release"},
      new String[] {"accuracy dropped after release", "logged-feature-comparison=negative"},
      new String[] {"accuracy dropped after release", "windowed-performance=positive", "psi-per-feature=negative"},
      new String[] {"loss not decreasing", "gradient-norm-logging=negative"},
      new String[] {"generalization gap", "learning-curves=positive"},
      new String[] {"accuracy dropped after release", "-data-leakage", "+psi alert", "domain-classifier=positive"});

  private static String checkFingerprint(Tuning tuning) {
    Engine engine = new Engine(CHECKS, tuning);
    StringBuilder out = new StringBuilder();
    for (String[] probe : CHECK_PROBES) {
      Engine.Result r = answered(engine, probe[0], Arrays.copyOfRange(probe, 1, probe.length));
      r.candidates().forEach(c -> out.append(c.id()).append(' ').append(c.score()).append(c.evidence()).append('\n'));
      engine.checks().next(r.candidates(), Answers.NONE).forEach(n -> out.append(n).append(n.gainPerEffort())
          .append('\n'));
      out.append(engine.checks().standout(r.candidates()).map(Candidate::id).orElse("-")).append('\n');
    }
    return out.toString();
  }

  /** Every check constant changes what the engine answers: none can drift without a test noticing. */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "checkWeight[0], 0.4", "checkWeight[1], 0.6", "checkWeight[2], 0.8", "crossFactor, 0.5", "checkCost[0], 2",
    "checkCost[1], 2", "checkCost[2], 3", "checkBuckets, 1000", "minCheckGain, 0.1", "standOutShare, 0.9"
  })
  void everyCheckConstant_changesTheAnswers(String constant, double value) {
    assertThat(checkFingerprint(Tuning.DEFAULT.with(constant, value))).isNotEqualTo(checkFingerprint(Tuning.DEFAULT));
  }
}
