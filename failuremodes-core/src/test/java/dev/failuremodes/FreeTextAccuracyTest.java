package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accuracy on sentences written the way people write in tickets and chat, not taken from the catalog's aliases:
 * a development set (used while improving matching and aliases), a held-out set (written afterwards, measured once
 * before one generic stemming fix), two more held-out sets (each written later and measured before the aliases
 * that followed it; never tuned on a miss) and workplace sentences unrelated to ML. The floors sit a little below
 * what was measured, so that a regression fails while a small reshuffle does not. Rows marked NONE should produce
 * no candidate; in the held-out sets none does, while 6 of the 20 unrelated workplace sentences still match
 * something through a single shared word, which the ceiling records rather than hides.
 */
class FreeTextAccuracyTest {

  private record Row(String phrase, List<String> expected) {}

  @ParameterizedTest(name = "{0}: top-3 accuracy at least {1}, false positives at most {2}")
  @CsvSource({
    "development.tsv, 0.80, 0",
    "held-out.tsv, 0.75, 0",
    "held-out-2.tsv, 0.55, 0",
    "held-out-3.tsv, 0.55, 0",
    "unrelated.tsv, 0, 0.35"
  })
  void phrasingSet_meetsItsAccuracyFloorAndFalsePositiveCeiling(String file, double floor, double maxFalsePositiveRate)
      throws Exception {
    List<Row> rows = read(file);
    List<String> misses = new ArrayList<>();
    List<String> falsePositives = new ArrayList<>();
    int scored = 0;
    int hits = 0;
    int unrelated = 0;
    for (Row row : rows) {
      List<String> top3 = FailureModes.forSymptoms(row.phrase()).limit(3).diagnose().candidates().stream()
          .map(Candidate::id).collect(Collectors.toList());
      if (row.expected().equals(List.of("NONE"))) {
        unrelated++;
        if (!top3.isEmpty()) {
          falsePositives.add(row.phrase() + " -> " + top3);
        }
        continue;
      }
      scored++;
      if (top3.stream().anyMatch(row.expected()::contains)) {
        hits++;
      } else {
        misses.add(row.phrase() + " -> " + top3 + ", expected one of " + row.expected());
      }
    }
    double accuracy = scored == 0 ? 1.0 : (double) hits / scored;
    double falsePositiveRate = unrelated == 0 ? 0.0 : (double) falsePositives.size() / unrelated;
    assertThat(falsePositiveRate).as("unrelated sentences recognised in %s:%n%s", file,
        String.join("\n", falsePositives)).isLessThanOrEqualTo(maxFalsePositiveRate);
    assertThat(accuracy).as("%s top-3 accuracy %d/%d; misses:%n%s", file, hits, scored, String.join("\n", misses))
        .isGreaterThanOrEqualTo(floor);
  }

  private static List<Row> read(String file) throws IOException {
    Path path;
    try {
      path = Path.of(FreeTextAccuracyTest.class.getResource("/phrasings/" + file).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(path)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      rows.add(new Row(parts[0], List.of(parts[1].trim().split(" "))));
    }
    assertThat(rows).as(file).hasSizeGreaterThanOrEqualTo(20);
    return rows;
  }
}
