package dev.failuremodes.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.failuremodes.Candidate;
import dev.failuremodes.Catalog;
import dev.failuremodes.Evidence;
import dev.failuremodes.EvidenceKind;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A query finds where each mode's evidence is held in an array by mode over catalogs of up to
 * {@link Engine#DIRECT_MODES} live modes, and in a map over larger ones. The two ways must give the same diagnoses:
 * the bundled catalog's queries are sent down each. A mode only words reached is held as arrays until other evidence
 * reaches it or it is shown; either way its score is the fusion of the evidence it shows.
 */
class ModeSlotsTest {
  private static final Catalog CATALOG = FailureModes.catalog();
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static List<List<String>> queries() throws IOException {
    List<String> phrases = new ArrayList<>();
    try (var in = ModeSlotsTest.class.getResourceAsStream("/phrasings/development.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          phrases.add(line.split("\t")[0]);
        }
      }
    }
    List<List<String>> out = new ArrayList<>();
    for (String set : List.of("alerts", "incidents", "negations")) {
      try (var in = ModeSlotsTest.class.getResourceAsStream("/cases/" + set + "-development.jsonl")) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (line.startsWith("{")) {
            List<String> inputs = new ArrayList<>();
            MAPPER.readTree(line).get("inputs").forEach(n -> inputs.add(n.asText()));
            out.add(inputs);
          }
        }
      }
    }
    for (int i = 0; i + 1 < phrases.size(); i += 2) {
      out.add(List.of(phrases.get(i)));
      out.add(List.of(phrases.get(i), phrases.get(i + 1), "train-test-gap", "PSI 0.31 on feature age"));
    }
    out.add(List.of("train-test-gap")); // one mode touched: a look along the touched modes only
    return out;
  }

  private static String shown(Engine.Result r) {
    StringBuilder out = new StringBuilder();
    for (Candidate c : r.candidates()) {
      out.append(c.rank()).append(' ').append(c.id()).append(' ').append(c.score()).append(' ').append(c.evidence())
          .append('\n');
    }
    return out.toString();
  }

  /** The noisy-or of a candidate's evidence for it, times what the evidence against it leaves. */
  private static double fused(Candidate c) {
    double miss = 1;
    double kept = 1;
    for (Evidence e : c.evidence()) {
      if (e.against()) {
        kept *= 1 - e.contribution();
      } else {
        miss *= 1 - e.contribution();
      }
    }
    return (1 - miss) * kept;
  }

  @Test
  void aModeWordsReachedFirst_keepsItsWordsEvidenceWhenASymptomReachesItLater() {
    String words = "the model memorizes its training examples";
    for (Engine engine : List.of(new Engine(CATALOG, Tuning.DEFAULT), mapped())) {
      Engine.Result r = engine.diagnose(List.of(words, "train-test-gap"), EnumSet.allOf(Stage.class), 0, 20);
      // Modes the first input reaches by its words alone that the second names as a symptom's: both pieces count.
      List<Candidate> both = r.candidates().stream()
          .filter(c -> c.evidence().stream().anyMatch(e -> e.input().equals(words) && e.kind() == EvidenceKind.TEXT))
          .filter(c -> c.evidence().stream().noneMatch(e -> e.input().equals(words) && e.kind() != EvidenceKind.TEXT))
          .filter(c -> c.evidence().stream().anyMatch(e -> e.input().equals("train-test-gap")))
          .toList();
      assertThat(both).as("modes reached by the words alone, then by the symptom").isNotEmpty();
      for (Candidate c : both) {
        assertThat(c.evidence()).hasSize(2);
        assertThat(c.score()).isCloseTo(fused(c), within(1e-4)).isGreaterThan(c.evidence().get(0).contribution());
      }
      Engine.Result reversed = engine.diagnose(List.of("train-test-gap", words), EnumSet.allOf(Stage.class), 0, 20);
      assertThat(reversed.candidates()).extracting(Candidate::id, Candidate::score)
          .containsExactlyElementsOf(r.candidates().stream().map(c -> tuple(c.id(), c.score())).toList());
    }
  }

  private static Engine mapped() {
    Engine engine = new Engine(CATALOG, Tuning.DEFAULT);
    engine.directModesForTests(0);
    return engine;
  }

  @Test
  void modesHeldInAnArrayOrLookedUp_giveTheSameDiagnoses() throws IOException {
    Engine byArray = new Engine(CATALOG, Tuning.DEFAULT);
    Engine byLookUp = mapped();
    List<List<String>> queries = queries();
    assertThat(queries).hasSizeGreaterThan(100);
    int many = 0;
    for (List<String> q : queries) {
      Engine.Result a = byArray.diagnose(q, EnumSet.allOf(Stage.class), 0, 20);
      Engine.Result b = byLookUp.diagnose(q, EnumSet.allOf(Stage.class), 0, 20);
      assertThat(shown(b)).as(q.toString()).isEqualTo(shown(a));
      many += a.candidates().size() > 16 ? 1 : 0;
      for (Candidate c : a.candidates()) {
        assertThat(c.score()).as(q + " " + c.id()).isCloseTo(fused(c), within(1e-4));
      }
    }
    assertThat(many).as("queries that reach more than 16 modes").isGreaterThan(10);
  }
}
