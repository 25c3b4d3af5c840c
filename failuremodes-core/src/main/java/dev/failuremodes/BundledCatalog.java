package dev.failuremodes;

import dev.failuremodes.internal.CatalogData;
import dev.failuremodes.internal.digest.DigestReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
      return new Diagnoser(load());
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static Catalog load() {
    // Through the class loader, not Class.getResourceAsStream: on the module path the latter looks only inside
    // this class's own module, and the catalog lives in the failuremodes-catalog module.
    ClassLoader loader = BundledCatalog.class.getClassLoader();
    byte[] json;
    try (InputStream in = loader.getResourceAsStream(RESOURCE.substring(1))) {
      if (in == null) {
        throw new CatalogException(
            List.of(
                new CatalogProblem(
                    RESOURCE,
                    "class path",
                    "the bundled catalog is missing; put dev.failuremodes:failuremodes-catalog on the class path "
                        + "(failuremodes-core brings it at runtime scope unless it was excluded)")));
      }
      json = in.readAllBytes();
    } catch (IOException e) {
      throw new CatalogException(List.of(new CatalogProblem(RESOURCE, "class path", "cannot read: " + e)), e);
    }
    CatalogData digested = DigestReader.readBundled(json);
    fromDigest = digested != null;
    return load(json, digested);
  }

  /**
   * Returns the catalog from its digest when there is one for this JSON, else from the JSON, validated. The digest
   * was made from exactly these bytes when the library was built, and the JSON stays the source of truth: a
   * catalog jar from another build, or a digest of another format, loads through the JSON.
   */
  static Catalog load(byte[] json, CatalogData digested) {
    if (digested != null) {
      return new Catalog(digested);
    }
    return Catalog.read(new ByteArrayInputStream(json), "bundled catalog " + RESOURCE);
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
