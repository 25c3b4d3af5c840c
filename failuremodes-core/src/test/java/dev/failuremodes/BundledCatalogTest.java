package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BundledCatalogTest {
  /**
   * Races 32 threads on the first load in a fresh JVM: in this one, another test may have loaded the catalog already,
   * and the race would then prove nothing.
   */
  @Test
  void catalog_thirtyTwoThreadsAtOnce_getOneInstanceLoadedOnce() throws Exception {
    Set<String> path = new LinkedHashSet<>();
    for (String property : List.of("java.class.path", "jdk.module.path")) {
      String value = System.getProperty(property, "");
      if (!value.isEmpty()) {
        path.addAll(List.of(value.split(File.pathSeparator)));
      }
    }
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", String.join(File.pathSeparator, path),
            BundledCatalogRace.class.getName())
        .redirectErrorStream(true)
        .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();

    // The JVM may print a warning of its own first; the race's line must be there, and nothing may have failed.
    assertThat(output.lines()).as(output).contains("threads 32, instances 1, loads 1");
    assertThat(child.exitValue()).as(output).isZero();
  }

  @Test
  void catalog_bundled_loadsWithAllStagesAndGuidance() {
    Catalog catalog = FailureModes.catalog();
    assertThat(catalog.schemaVersion()).isEqualTo(3);
    assertThat(catalog.stages()).hasSize(6);
    for (Stage stage : Stage.values()) {
      assertThat(catalog.describe(stage)).isNotBlank();
    }
    assertThat(catalog.guidance()).isPresent();
    assertThat(catalog.failureModes()).isNotEmpty();
    assertThat(FailureModes.using(catalog).catalog()).isSameAs(catalog);
  }
}
