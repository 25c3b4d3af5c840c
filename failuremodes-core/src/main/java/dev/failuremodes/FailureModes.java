package dev.failuremodes;

import java.util.Objects;

/**
 * The entry point: the bundled catalog, and diagnoses over it or over a catalog of your own.
 *
 * <pre>{@code
 * Catalog catalog = FailureModes.catalog();
 * catalog.requireFailureMode("data-leakage").fixes();
 * }</pre>
 *
 * <p>All methods are thread-safe. Nothing is loaded until first use.
 */
public final class FailureModes {
  private FailureModes() {}

  /**
   * Returns the catalog bundled with this library, loading it on the first call; later calls return the same
   * instance.
   *
   * @throws CatalogException if the bundled catalog is missing from the class path or invalid (a packaging defect);
   *     every call reports the same problems and cause
   */
  public static Catalog catalog() {
    return BundledCatalog.get();
  }

  /**
   * Returns a diagnoser over the given catalog: the same API as this class, over other data.
   *
   * @throws NullPointerException if {@code catalog} is null
   */
  public static Diagnoser using(Catalog catalog) {
    return new Diagnoser(Objects.requireNonNull(catalog, "catalog"));
  }
}
