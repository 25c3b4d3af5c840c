package dev.failuremodes.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.Candidate;
import dev.failuremodes.Catalog;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A query holds each touched mode's evidence in an array by mode over catalogs of up to {@link Engine#DIRECT_MODES}
 * live modes, and otherwise looks along the touched modes, then in a map once more than a few are touched. The ways
 * must give the same diagnoses: the bundled catalog's queries are sent down each.
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

  @Test
  void modesHeldInAnArrayOrLookedUp_giveTheSameDiagnoses() throws IOException {
    Engine byArray = new Engine(CATALOG, Tuning.DEFAULT);
    Engine byLookUp = new Engine(CATALOG, Tuning.DEFAULT);
    byLookUp.directModesForTests(0);
    List<List<String>> queries = queries();
    assertThat(queries).hasSizeGreaterThan(100);
    int manyTouched = 0;
    for (List<String> q : queries) {
      Engine.Result a = byArray.diagnose(q, EnumSet.allOf(Stage.class), 0, 20);
      Engine.Result b = byLookUp.diagnose(q, EnumSet.allOf(Stage.class), 0, 20);
      assertThat(shown(b)).as(q.toString()).isEqualTo(shown(a));
      manyTouched += a.candidates().size() > 16 ? 1 : 0;
    }
    assertThat(manyTouched).as("queries that touch more modes than are looked along").isGreaterThan(10);
  }
}
