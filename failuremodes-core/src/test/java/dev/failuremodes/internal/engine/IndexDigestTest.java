package dev.failuremodes.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failuremodes.Catalog;
import dev.failuremodes.Stage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text index digest that the build writes is the index the engine builds from the bundled catalog's JSON, word
 * for word and number for number, with the names read the same way; it is used only for the JSON it was made from,
 * and a damaged one fails loudly.
 */
class IndexDigestTest {
  @Test
  void bundledDigest_equalsTheIndexBuiltFromTheJson() throws IOException {
    byte[] json = bundledJson();
    Catalog catalog = Catalog.read(new ByteArrayInputStream(json), "catalog.json");

    IndexDigest.Index digest = IndexDigest.readBundled(catalog, json.length, IndexDigest.crc(json));
    IndexDigest.Index built = IndexDigest.build(catalog);

    assertThat(digest)
        .as("the text index digest should be there; was failuremodes-core built (process-classes)?")
        .isNotNull();
    assertThat(digest.text().vocabulary()).isEqualTo(built.text().vocabulary());
    assertThat(digest.names().names).isEqualTo(built.names().names);
    for (String word : built.text().vocabulary()) {
      assertThat(digest.text().knows(word)).as(word).isTrue();
    }
    assertThat(digest.text().sameIndex(built.text())).isTrue();
    assertThat(IndexDigest.same(digest, built)).isTrue();
  }

  @Test
  void sameIndex_seesOneChangedNumber() throws IOException {
    byte[] json = bundledJson();
    Catalog catalog = Catalog.read(new ByteArrayInputStream(json), "catalog.json");
    ModeText built = IndexDigest.build(catalog).text();
    ModeText other = IndexDigest.build(catalog).text();
    other.postingCore[other.postingCore.length / 2] += 1e-12;

    assertThat(built.sameIndex(IndexDigest.build(catalog).text())).isTrue();
    assertThat(built.sameIndex(other)).isFalse();
  }

  @Test
  void engineFromDigest_diagnosesAsTheEngineBuiltFromTheCatalog() throws IOException {
    byte[] json = bundledJson();
    Catalog catalog = Catalog.read(new ByteArrayInputStream(json), "catalog.json");
    Engine digest = Engine.bundled(catalog, json.length, IndexDigest.crc(json));
    Engine built = new Engine(catalog);

    assertThat(digest.indexFromDigest()).isTrue();
    assertThat(built.indexFromDigest()).isFalse();
    for (List<String> inputs : INPUTS) {
      assertThat(describe(digest, inputs)).as(inputs.toString()).isEqualTo(describe(built, inputs));
    }
  }

  @Test
  void digestOfOtherJson_isNotUsed() throws IOException {
    byte[] json = bundledJson();
    Catalog catalog = Catalog.read(new ByteArrayInputStream(json), "catalog.json");
    byte[] digest = IndexDigest.write(catalog, json);

    assertThat(IndexDigest.read(digest, catalog, json.length + 1L, IndexDigest.crc(json), "test")).isNull();
    assertThat(IndexDigest.read(digest, catalog, json.length, IndexDigest.crc(json) ^ 1, "test")).isNull();
    assertThat(Engine.bundled(catalog, json.length + 1L, IndexDigest.crc(json)).indexFromDigest()).isFalse();
  }

  @Test
  void damagedDigest_failsNamingIt() throws IOException {
    byte[] json = bundledJson();
    Catalog catalog = Catalog.read(new ByteArrayInputStream(json), "catalog.json");
    byte[] digest = IndexDigest.write(catalog, json);
    digest[digest.length / 2] ^= 0x10;

    assertThatThrownBy(() -> IndexDigest.read(digest, catalog, json.length, IndexDigest.crc(json), "test.digest"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("test.digest")
        .hasMessageContaining("damaged");
    assertThatThrownBy(() -> IndexDigest.read(new byte[] {'F', 'M'}, catalog, json.length, 0, "short.digest"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("short.digest");
  }

  /** Inputs that reach every route: ids, names, aliases, prose with a typo and a negation, values. */
  private static final List<List<String>> INPUTS = List.of(
      List.of("train-test-gap", "launch-regression"),
      List.of("PSI 0.31 on feature age", "Null rate spike on column country"),
      List.of("After the release the accuracy dropped sharply and the trian/test gap looked suspicious",
          "we think some features are computed after the event, not overfitting"),
      List.of("no data drift in the inputs", "train–test gap", "data leakage"),
      List.of("the office wifi keeps dropping"));

  /** Everything a diagnosis gives, as text: readings, candidates with their evidence, notes and the plan. */
  private static String describe(Engine engine, List<String> inputs) {
    Engine.Result r = engine.diagnose(inputs, EnumSet.allOf(Stage.class), 0, 100);
    return r.resolutions() + "\n" + r.unrecognized() + "\n" + r.candidates() + "\n" + r.notes() + "\n" + r.plan();
  }

  private static byte[] bundledJson() throws IOException {
    try (InputStream in = IndexDigest.class.getClassLoader().getResourceAsStream(IndexDigest.JSON_RESOURCE)) {
      assertThat(in).as(IndexDigest.JSON_RESOURCE).isNotNull();
      return in.readAllBytes();
    }
  }
}
