package dev.failuremodes;

import dev.failuremodes.evaluation.LabelledCase;
import dev.failuremodes.evaluation.LabelledCases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The frozen test catalogs under {@code src/test/resources/catalogs}, and the labelled case files. */
final class TestCatalogs {
  private TestCatalogs() {}

  static Path path(String name) {
    try {
      return Path.of(TestCatalogs.class.getResource("/catalogs/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String name) {
    try {
      return Files.readString(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a labelled case file from the test resources, such as {@code phrasings/development.tsv}. */
  static List<LabelledCase> cases(String resource) {
    try {
      return LabelledCases.read(Path.of(TestCatalogs.class.getResource("/" + resource).toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Catalog valid() {
    return Catalog.parse(text("valid.json"), "valid.json");
  }
}
