package dev.failuremodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The frozen test catalogs under {@code src/test/resources/catalogs}. */
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

  static Catalog valid() {
    return Catalog.parse(text("valid.json"), "valid.json");
  }
}
