package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled catalog is read from the digest made by the build, and that catalog is the one its JSON describes,
 * entry by entry.
 */
class BundledDigestTest {
  @Test
  void catalog_bundled_isReadFromItsDigest() {
    FailureModes.catalog();

    assertThat(BundledCatalog.fromDigest())
        .as("the bundled catalog should load from its digest; was failuremodes-core built (process-classes)?")
        .isTrue();
  }

  @Test
  void engine_bundled_readsItsTextIndexFromItsDigest() {
    FailureModes.forSymptoms("accuracy dropped after the release").diagnose();

    assertThat(BundledCatalog.diagnoser().engine().indexFromDigest())
        .as("the bundled engine should read its text index from its digest; was failuremodes-core built "
            + "(process-classes)?")
        .isTrue();
  }

  @Test
  void catalog_fromDigest_equalsTheCatalogReadFromJson() throws IOException {
    Catalog digest = FailureModes.catalog();
    Catalog json = Catalog.read(new ByteArrayInputStream(bundledJson()), "catalog.json");

    assertThat(digest.schemaVersion()).isEqualTo(json.schemaVersion());
    assertThat(digest.catalogVersion()).isEqualTo(json.catalogVersion());
    for (Stage stage : Stage.values()) {
      assertThat(digest.describe(stage)).as(stage.id()).isEqualTo(json.describe(stage));
    }
    assertSameEntries(digest.metrics(), json.metrics());
    assertSameEntries(digest.symptoms(), json.symptoms());
    assertSameEntries(digest.failureModes(), json.failureModes());
    assertSameEntries(digest.fixes(), json.fixes());
    assertSameEntries(digest.caseStudies(), json.caseStudies());
    assertThat(digest.guidance()).isPresent().isEqualTo(json.guidance());
    assertThat(digest.toJson()).isEqualTo(json.toJson());
    assertThat(digest).isEqualTo(json);
  }

  @Test
  void load_roundTripOfTheDigestCatalog_isEqual() {
    Catalog digest = FailureModes.catalog();

    assertThat(Catalog.parse(digest.toJson(), "round trip")).isEqualTo(digest);
  }

  /** Compares in order; an entry that differs is compared field by field, so that the failure names the field. */
  private static <T> void assertSameEntries(List<T> actual, List<T> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      if (!actual.get(i).equals(expected.get(i))) {
        assertThat(actual.get(i)).usingRecursiveComparison().isEqualTo(expected.get(i));
      }
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  private static byte[] bundledJson() throws IOException {
    try (InputStream in = BundledCatalog.class.getClassLoader()
        .getResourceAsStream(BundledCatalog.RESOURCE.substring(1))) {
      assertThat(in).as(BundledCatalog.RESOURCE).isNotNull();
      return in.readAllBytes();
    }
  }
}
