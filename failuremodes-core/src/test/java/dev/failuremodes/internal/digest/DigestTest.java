package dev.failuremodes.internal.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failuremodes.CatalogException;
import dev.failuremodes.CatalogProblem;
import dev.failuremodes.DetectionMethod;
import dev.failuremodes.Level;
import dev.failuremodes.Outcome;
import dev.failuremodes.Reference;
import dev.failuremodes.internal.CatalogData;
import dev.failuremodes.internal.json.CatalogValidator;
import dev.failuremodes.internal.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The digest format: what it reads back, and when it is ignored or refused. */
class DigestTest {
  private static final String SOURCE = "test.digest";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/catalogs/digest.json", "/catalogs/valid.json", "/catalogs/engine.json",
      "/dev/failuremodes/catalog/catalog.json"})
  void read_digestOfACatalog_equalsTheValidatedJson(String resource) {
    byte[] json = resource(resource);
    CatalogData validated = validate(json);

    CatalogData read = DigestReader.read(DigestWriter.write(json, resource), json, SOURCE);

    assertSameContent(read, validated);
  }

  @Test
  void write_everyKindOfField_readsBackEqual() {
    byte[] json = resource("/catalogs/digest.json");
    CatalogData read = DigestReader.read(DigestWriter.write(json, "digest.json"), json, SOURCE);

    assertThat(read.metrics()).extracting(m -> m.range()).containsExactly("at least 0", "[0, 1]", "any finite number");
    assertThat(read.symptoms().get(1).description()).isEqualTo("Validation score ≥ 0.99: near perfect.");
    assertThat(read.symptoms().get(2).description()).isEqualTo("An input's distribution moved 🙂.");
    assertThat(read.symptoms().get(3).deprecated()).isTrue();
    assertThat(read.symptoms().get(3).replacedBy()).contains("psi-alert");
    assertThat(read.symptoms().get(1).signals()).extracting(Object::toString)
        .containsExactly("auc >= 0.99", "log-loss-delta < -0.5");
    assertThat(read.failureModes().get(0).references().get(1).doi()).isEmpty();
    assertThat(read.failureModes().get(0).references().get(1).authors()).isEqualTo("Ševčík");
    assertThat(read.failureModes().get(2).replacedBy()).contains("data-leakage");
    assertThat(read.fixes().get(2).deprecated()).isTrue();
    assertThat(read.guidance()).isEmpty();
    DetectionMethod check = read.failureModes().get(0).detection().get(0);
    assertThat(check.id()).contains("feature-audit");
    assertThat(check.effort()).contains(Level.LOW);
    assertThat(check.observes()).contains("Is some feature computed after the moment of prediction?");
    assertThat(check.positive()).contains("a feature postdates the prediction");
    assertThat(check.negative()).contains("every feature predates it");
    assertThat(check.predicts()).containsExactly(
        Map.entry("data-leakage", Outcome.POSITIVE), Map.entry("data-drift", Outcome.NEGATIVE));
    assertThat(check.source().map(Reference::title)).contains("A checklist");
    assertThat(read.failureModes().get(0).detection().get(1).id()).isEmpty();
    assertThat(read.schemaVersion()).isEqualTo(3);
    assertThat(read.catalogVersion()).isEqualTo("digest.1");
  }

  @Test
  void write_sameJson_writesTheSameBytes() {
    byte[] json = resource("/catalogs/digest.json");

    assertThat(DigestWriter.write(json, "a")).isEqualTo(DigestWriter.write(json, "b"));
  }

  @Test
  void read_digestOfOtherJson_returnsNull() {
    byte[] json = resource("/catalogs/valid.json");
    byte[] digest = DigestWriter.write(json, "valid.json");
    byte[] edited = new String(json, StandardCharsets.UTF_8).replace("Framing first.", "Framing first!")
        .getBytes(StandardCharsets.UTF_8);
    byte[] longer = Arrays.copyOf(json, json.length + 1);
    longer[json.length] = '\n';

    assertThat(DigestReader.read(digest, edited, SOURCE)).isNull();
    assertThat(DigestReader.read(digest, longer, SOURCE)).isNull();
  }

  @Test
  void read_otherFormatVersion_returnsNull() {
    byte[] json = resource("/catalogs/valid.json");
    byte[] digest = DigestWriter.write(json, "valid.json");
    digest[7] = (byte) (DigestReader.FORMAT_VERSION + 1);

    assertThat(DigestReader.read(digest, json, SOURCE)).isNull();
  }

  @Test
  void read_damagedPayload_throwsNamingTheDigest() {
    byte[] json = resource("/catalogs/valid.json");
    byte[] digest = DigestWriter.write(json, "valid.json");
    digest[digest.length / 2] ^= 0x20;

    assertThatThrownBy(() -> DigestReader.read(digest, json, SOURCE))
        .isInstanceOf(CatalogException.class)
        .hasMessage("Invalid catalog test.digest: 1 problem\n"
            + "  payload: length or checksum does not match the header (a damaged file); rebuild failuremodes-core"
            + " to regenerate it\n"
            + "Fix each problem and load again; catalog.schema.json documents every field.");
  }

  @Test
  void read_truncated_throwsNamingTheDigest() {
    byte[] json = resource("/catalogs/valid.json");
    byte[] digest = DigestWriter.write(json, "valid.json");

    assertThatThrownBy(() -> DigestReader.read(Arrays.copyOf(digest, digest.length - 1), json, SOURCE))
        .isInstanceOf(CatalogException.class)
        .extracting(e -> ((CatalogException) e).problems().get(0))
        .isEqualTo(new CatalogProblem(SOURCE, "payload",
            "length or checksum does not match the header (a damaged file); rebuild failuremodes-core to "
                + "regenerate it"));
    assertThatThrownBy(() -> DigestReader.read(Arrays.copyOf(digest, 10), json, SOURCE))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("\n  header: only 10 bytes, shorter than the header (a damaged file); rebuild");
  }

  @Test
  void read_notADigest_throwsNamingIt() {
    byte[] json = resource("/catalogs/valid.json");

    assertThatThrownBy(() -> DigestReader.read(json, json, SOURCE))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("Invalid catalog test.digest: 1 problem\n"
            + "  header: not a catalog digest (it does not start with FMCD); rebuild failuremodes-core to "
            + "regenerate it");
  }

  @Test
  void read_checksummedButUnreadableContent_throwsNamingTheDigest() {
    byte[] json = resource("/catalogs/valid.json");
    byte[] digest = DigestWriter.write(json, "valid.json");
    // A string count far beyond the bytes left, with the checksums made to match: a defect of the writer, say.
    byte[] broken = withPayload(digest, new byte[] {(byte) 0xff, (byte) 0xff, 0x7f});

    assertThatThrownBy(() -> DigestReader.read(broken, json, SOURCE))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("Invalid catalog test.digest: 1 problem\n"
            + "  byte 27: unreadable content: java.lang.IllegalStateException: a count of 2097151 with 0 bytes left;")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void read_contentThatBreaksAValueInvariant_throwsRatherThanLoading() {
    byte[] json = resource("/catalogs/valid.json");
    String text = new String(json, StandardCharsets.UTF_8);
    byte[] digest = DigestWriter.write(json, "valid.json");
    // Turn the id "train-test-gap" into "Train-test-gap" in the string table and fix the checksums.
    int at = indexOf(digest, "train-test-gap".getBytes(StandardCharsets.ISO_8859_1));
    byte[] payload = Arrays.copyOfRange(digest, DigestReader.HEADER_LENGTH, digest.length);
    payload[at - DigestReader.HEADER_LENGTH] = 'T';
    byte[] broken = withPayload(digest, payload);

    assertThat(text).contains("train-test-gap");
    assertThatThrownBy(() -> DigestReader.read(broken, json, SOURCE))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("unreadable content: symptom Symptom.builder(): id 'Train-test-gap' is not lowercase "
            + "kebab-case");
  }

  @Test
  void readBundled_digestInTheClassesDirectory_wasMadeFromTheBundledJson() {
    byte[] json = resource("/dev/failuremodes/catalog/catalog.json");

    CatalogData bundled = DigestReader.readBundled(json.length, DigestReader.crc(json));

    assertThat(bundled)
        .as("the digest %s was not made from this catalog.json; rebuild failuremodes-core", DigestReader.RESOURCE)
        .isNotNull();
    assertSameContent(bundled, validate(json));
  }

  @Test
  void readBundled_otherJson_returnsNull() {
    byte[] json = resource("/catalogs/valid.json");

    assertThat(DigestReader.readBundled(json.length, DigestReader.crc(json))).isNull();
  }

  /** Compares part by part, so that a failure names the part that differs. */
  private static void assertSameContent(CatalogData actual, CatalogData expected) {
    assertThat(actual.schemaVersion()).isEqualTo(expected.schemaVersion());
    assertThat(actual.catalogVersion()).isEqualTo(expected.catalogVersion());
    assertThat(actual.stages()).containsExactlyEntriesOf(expected.stages());
    assertThat(actual.metrics()).containsExactlyElementsOf(expected.metrics());
    assertThat(actual.symptoms()).containsExactlyElementsOf(expected.symptoms());
    assertThat(actual.failureModes()).containsExactlyElementsOf(expected.failureModes());
    assertThat(actual.fixes()).containsExactlyElementsOf(expected.fixes());
    assertThat(actual.caseStudies()).containsExactlyElementsOf(expected.caseStudies());
    assertThat(actual.guidance()).isEqualTo(expected.guidance());
    assertThat(actual).isEqualTo(expected);
  }

  private static CatalogData validate(byte[] json) {
    return CatalogValidator.validate(
        List.of(new CatalogValidator.Layer("json", Json.parse(new ByteArrayInputStream(json), "json"))), false);
  }

  /** Returns the digest with another payload and a header whose length and checksum match it. */
  private static byte[] withPayload(byte[] digest, byte[] payload) {
    byte[] out = Arrays.copyOf(digest, DigestReader.HEADER_LENGTH + payload.length);
    System.arraycopy(payload, 0, out, DigestReader.HEADER_LENGTH, payload.length);
    putInt(out, 16, payload.length);
    putInt(out, 20, (int) DigestReader.crc(payload));
    return out;
  }

  private static void putInt(byte[] bytes, int at, int value) {
    bytes[at] = (byte) (value >>> 24);
    bytes[at + 1] = (byte) (value >>> 16);
    bytes[at + 2] = (byte) (value >>> 8);
    bytes[at + 3] = (byte) value;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  /** Reads a test resource, or the bundled catalog from its own module through the class loader. */
  private static byte[] resource(String name) {
    InputStream found = DigestTest.class.getResourceAsStream(name);
    if (found == null) {
      found = DigestTest.class.getClassLoader().getResourceAsStream(name.substring(1));
    }
    try (InputStream in = found) {
      if (in == null) {
        throw new AssertionError(name + " is not on the test class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
