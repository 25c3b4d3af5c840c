package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for catalog loading: any bytes given to {@link Catalog#parse}, {@link Catalog#read} or an extension
 * either load or fail with a {@link CatalogException} that lists at least one problem; no other exception and no
 * error escapes, and a catalog that loads writes back to an equal one.
 *
 * <p>In a normal build this replays {@code CatalogFuzzTestInputs/<method>/} (seeds and every input a fuzzing run
 * found); {@code JAZZER_FUZZ=1} fuzzes it, as the README's testing section shows.
 */
class CatalogFuzzTest {
  private static final Catalog BASE = TestCatalogs.valid();

  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({"\"schemaVersion\"", "\"catalogVersion\"", "\"stages\"", "\"symptoms\"", "\"failureModes\"",
      "\"fixes\"", "\"caseStudies\"", "\"metrics\"", "\"guidance\"", "\"indicators\"", "\"weight\"", "\"signals\"",
      "\"presentations\"", "\"related\"", "\"references\"", "\"detection\"", "\"aliases\"", "\"deprecated\"",
      "\"replacedBy\"", "\"debuggingOrder\"", "\"leverage\"", "\"effort\"", "\"comparator\"", "\"threshold\"",
      "\"data-leakage\"", "\"modeling\"", "\"high\"", "\\ud800", "1e400", "-0", "[[[[", "{\"\":"})
  void parse_anyBytes_throwsOnlyCatalogException(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Catalog parsed = null;
    try {
      parsed = Catalog.parse(text, "fuzz.json");
    } catch (CatalogException e) {
      assertThat(e.problems()).isNotEmpty();
    }
    if (parsed != null) {
      assertThat(Catalog.parse(parsed.toJson(), "round-trip")).isEqualTo(parsed);
    }
    try {
      Catalog read = Catalog.read(new ByteArrayInputStream(bytes), "fuzz.json");
      if (parsed != null) {
        assertThat(read).as("read from bytes, as parsed from their text").isEqualTo(parsed);
      }
    } catch (CatalogException e) {
      assertThat(e.problems()).isNotEmpty();
    }
    try {
      BASE.extend().addJson(text, "fuzz.json").build();
    } catch (CatalogException e) {
      assertThat(e.problems()).isNotEmpty();
    }
  }
}
