package dev.failuremodes;

import dev.failuremodes.internal.CatalogData;
import dev.failuremodes.internal.digest.DigestReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;

/**
 * Loads the catalog bundled in the failuremodes-catalog jar, lazily and exactly once. The holder's initialiser never
 * throws: a failure is kept and reported afresh, with its real cause, on every call.
 */
final class BundledCatalog {
  /** The class-path resource that holds the bundled catalog. */
  static final String RESOURCE = "/dev/failuremodes/catalog/catalog.json";

  private static final AtomicInteger LOADS = new AtomicInteger();
  private static volatile boolean fromDigest;

  private BundledCatalog() {}

  private static final class Holder {
    /** Either the diagnoser over the catalog or the exception that loading it raised. */
    static final Object RESULT = loadCapturingFailure();
  }

  private static Object loadCapturingFailure() {
    LOADS.incrementAndGet();
    try {
      return load();
    } catch (RuntimeException e) {
      return e;
    }
  }

  /**
   * Loads the catalog and returns its diagnoser, which knows the JSON's length and CRC-32: its engine reads the text
   * index that the build made from that JSON, if there is one.
   */
  private static Diagnoser load() {
    // Through the class loader, not Class.getResource: on the module path the latter looks only inside this
    // class's own module, and the catalog lives in the failuremodes-catalog module.
    URL url = BundledCatalog.class.getClassLoader().getResource(RESOURCE.substring(1));
    if (url == null) {
      throw new CatalogException(
          List.of(
              new CatalogProblem(
                  RESOURCE,
                  "class path",
                  "the bundled catalog is missing; put dev.failuremodes:failuremodes-catalog on the class path "
                      + "(failuremodes-core brings it at runtime scope unless it was excluded)")));
    }
    try {
      URLConnection connection = url.openConnection();
      byte[] json = null;
      long length;
      long crc;
      // A jar records each entry's length and CRC-32: enough to tell whether the digest was made from this JSON,
      // without inflating the JSON. Elsewhere (a classes directory) the bytes are read and checked.
      JarEntry entry = connection instanceof JarURLConnection ? ((JarURLConnection) connection).getJarEntry() : null;
      if (entry != null) {
        length = entry.getSize();
        crc = entry.getCrc();
      } else {
        json = readAll(connection);
        length = json.length;
        crc = DigestReader.crc(json);
      }
      // The digest was made from the JSON by the build; the JSON stays the source of truth: a catalog jar from
      // another build, or a digest of another format, loads through the JSON, validated.
      CatalogData digested = DigestReader.readBundled(length, crc);
      fromDigest = digested != null;
      if (digested != null) {
        return new Diagnoser(new Catalog(digested), length, crc);
      }
      if (json == null) {
        json = readAll(connection);
      }
      return new Diagnoser(Catalog.read(new ByteArrayInputStream(json), "bundled catalog " + RESOURCE), length, crc);
    } catch (IOException e) {
      throw new CatalogException(List.of(new CatalogProblem(RESOURCE, "class path", "cannot read: " + e)), e);
    }
  }

  private static byte[] readAll(URLConnection connection) throws IOException {
    try (InputStream in = connection.getInputStream()) {
      return in.readAllBytes();
    }
  }

  /** Returns the diagnoser over the bundled catalog, built with its index on first use. */
  static Diagnoser diagnoser() {
    Object result = Holder.RESULT;
    if (result instanceof Diagnoser) {
      return (Diagnoser) result;
    }
    RuntimeException failure = (RuntimeException) result;
    if (failure instanceof CatalogException) {
      throw new CatalogException(((CatalogException) failure).problems(), failure);
    }
    throw new CatalogException(
        List.of(new CatalogProblem(RESOURCE, "class path", "loading failed: " + failure)), failure);
  }

  /** Returns whether the bundled catalog was read from its digest rather than its JSON. For tests. */
  static boolean fromDigest() {
    return fromDigest;
  }

  /** Returns how many times loading ran; exactly once after any number of calls. For tests. */
  static int loads() {
    return LOADS.get();
  }
}
