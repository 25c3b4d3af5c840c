package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first {@link FailureModes#catalog()} in a fresh JVM with default flags, from directories and from jars as
 * users have them: it reads the digest, so it loads nothing of Jackson, the validator or the engine, and it spins no
 * class at run time (each lambda, method reference or string concatenation on that path would cost one, and the first
 * of them several milliseconds of set-up). A catalog jar whose JSON is not the one the digest was made from loads
 * through the JSON.
 */
class FirstCatalogLoadTest {
  /** Loads the bundled catalog and prints its version: the whole of the child JVM's work. */
  public static final class Main {
    private Main() {}

    /** Loads the bundled catalog once. */
    public static void main(String[] args) {
      System.out.println(FailureModes.catalog().catalogVersion());
    }
  }

  @Test
  void catalog_firstCallFromDirectories_readsTheDigestAndSpinsNoClass() throws Exception {
    List<String> path = new ArrayList<>();
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isEmpty()) {
        path.add(value);
      }
    }

    assertReadsTheDigest(classesLoaded(String.join(File.pathSeparator, path)));
  }

  @Test
  void catalog_firstCallFromJars_readsTheDigestAndSpinsNoClass(@TempDir Path dir) throws Exception {
    byte[] json = bundledJson();
    Path core = jar(dir.resolve("core.jar"), location(FailureModes.class));
    Path catalog = catalogJar(dir.resolve("catalog.jar"), json);

    assertReadsTheDigest(classesLoaded(classPath(core, catalog)));
  }

  @Test
  void catalog_catalogJarWithOtherJson_readsAndValidatesTheJson(@TempDir Path dir) throws Exception {
    byte[] json = bundledJson();
    byte[] other = (new String(json, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
    Path core = jar(dir.resolve("core.jar"), location(FailureModes.class));
    Path catalog = catalogJar(dir.resolve("catalog.jar"), other);

    List<String> loaded = classesLoaded(classPath(core, catalog));

    assertThat(loaded).contains("dev.failuremodes.internal.digest.DigestReader",
        "dev.failuremodes.internal.json.CatalogValidator", "com.fasterxml.jackson.core.JsonFactory");
  }

  private static void assertReadsTheDigest(List<String> loaded) {
    List<String> ours = loaded.subList(loaded.indexOf(Main.class.getName()), loaded.size());

    assertThat(ours).as("classes loaded by the first FailureModes.catalog()")
        .contains("dev.failuremodes.internal.digest.DigestReader", "dev.failuremodes.Catalog")
        .noneMatch(c -> c.startsWith("com.fasterxml.jackson."))
        .noneMatch(c -> c.startsWith("dev.failuremodes.internal.json."))
        .noneMatch(c -> c.startsWith("dev.failuremodes.internal.engine."))
        // Classes spun at run time; the JDK's own archived ones (marked shared) cost nothing to speak of.
        .noneMatch(c -> c.contains("$$Lambda") && !c.endsWith(" (shared)"))
        .noneMatch(c -> c.startsWith("java.lang.invoke.LambdaForm$") && !c.endsWith(" (shared)"));
  }

  /** The core jar, the catalog jar, this test's classes (for Main) and Jackson's jars (for the JSON path). */
  private static String classPath(Path core, Path catalog) throws URISyntaxException {
    return Stream.of(core, catalog, location(Main.class), location(JsonNode.class), location(JsonFactory.class),
            location(JsonProperty.class))
        .map(Path::toString)
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** Runs {@link Main} in a fresh JVM with default flags and returns the classes it loaded, in order. */
  private static List<String> classesLoaded(String classPath) throws IOException, InterruptedException {
    return ClassLoadLog.of(classPath, Main.class, FailureModes.catalog().catalogVersion());
  }

  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Returns a jar of a classes directory, or the jar itself when the classes already come from one. */
  private static Path jar(Path target, Path classes) throws IOException {
    if (!Files.isDirectory(classes)) {
      return classes;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
      for (Path file : files) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return target;
  }

  private static Path catalogJar(Path target, byte[] json) throws IOException {
    try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(BundledCatalog.RESOURCE.substring(1)));
      out.write(json);
      out.closeEntry();
    }
    return target;
  }

  private static byte[] bundledJson() throws IOException {
    try (InputStream in = BundledCatalog.class.getClassLoader()
        .getResourceAsStream(BundledCatalog.RESOURCE.substring(1))) {
      assertThat(in).as(BundledCatalog.RESOURCE).isNotNull();
      return in.readAllBytes();
    }
  }
}
