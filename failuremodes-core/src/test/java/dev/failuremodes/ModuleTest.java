package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The module exports the API and nothing of the engine. */
class ModuleTest {
  @Test
  void module_isNamedAndExportsOnlyTheApi() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
      ModuleDescriptor module = ModuleDescriptor.read(in);
      assertThat(module.name()).isEqualTo("dev.failuremodes");
      assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source)
          .containsExactlyInAnyOrder("dev.failuremodes", "dev.failuremodes.alerts", "dev.failuremodes.evaluation",
              "dev.failuremodes.signals");
      assertThat(module.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
      assertThat(module.requires()).extracting(ModuleDescriptor.Requires::name)
          .contains("com.fasterxml.jackson.databind");
    }
  }
}
