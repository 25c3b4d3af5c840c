package dev.failuremodes;

import dev.failuremodes.alerts.Report;
import dev.failuremodes.signals.Observation;
import java.util.Collection;
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
    return BundledCatalog.diagnoser().catalog();
  }

  /**
   * Starts a query over the bundled catalog from symptom ids or free-text phrases.
   *
   * <pre>{@code
   * Diagnosis d = FailureModes.forSymptoms("large train-test gap", "accuracy dropped after release").diagnose();
   * }</pre>
   *
   * @throws NullPointerException if the array or an element is null
   * @throws IllegalArgumentException if there is no input, or only blank ones
   * @throws CatalogException if the bundled catalog cannot be loaded
   */
  public static Query forSymptoms(String... symptoms) {
    return BundledCatalog.diagnoser().forSymptoms(symptoms);
  }

  /**
   * Starts a query over the bundled catalog from a collection of symptom ids or phrases.
   *
   * @throws NullPointerException if the collection or an element is null
   * @throws IllegalArgumentException if there is no input, or only blank ones
   */
  public static Query forSymptoms(Collection<String> symptoms) {
    return BundledCatalog.diagnoser().forSymptoms(symptoms);
  }

  /**
   * Starts a query over the bundled catalog from measured values.
   *
   * <pre>{@code
   * Diagnosis d = FailureModes.forObservations(Observation.of("psi", 0.31).feature("age")).diagnose();
   * }</pre>
   *
   * @throws NullPointerException if the array or an element is null
   * @throws IllegalArgumentException if there is no observation, or a value is outside its metric's range
   * @throws CatalogException if the bundled catalog cannot be loaded
   */
  public static Query forObservations(Observation... observations) {
    return BundledCatalog.diagnoser().forObservations(observations);
  }

  /**
   * Starts a query over the bundled catalog from measured values, in iteration order.
   *
   * @throws NullPointerException if the collection or an element is null
   * @throws IllegalArgumentException if there is no observation, or a value is outside its metric's range
   * @throws CatalogException if the bundled catalog cannot be loaded
   */
  public static Query forObservations(Collection<Observation> observations) {
    return BundledCatalog.diagnoser().forObservations(observations);
  }

  /**
   * Starts a query over the bundled catalog from monitoring-tool reports.
   *
   * <pre>{@code
   * Diagnosis d = FailureModes.forReports(Report.read(Path.of("constraint_violations.json"))).diagnose();
   * }</pre>
   *
   * @throws NullPointerException if the array or an element is null
   * @throws IllegalArgumentException if the reports hold no finding to weigh
   * @throws CatalogException if the bundled catalog cannot be loaded
   */
  public static Query forReports(Report... reports) {
    return BundledCatalog.diagnoser().forReports(reports);
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
