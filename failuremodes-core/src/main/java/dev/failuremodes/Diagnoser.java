package dev.failuremodes;

import dev.failuremodes.alerts.Report;
import dev.failuremodes.internal.engine.Engine;
import dev.failuremodes.internal.render.JsonFragments;
import dev.failuremodes.signals.Observation;
import java.util.Arrays;
import java.util.Collection;
import java.util.ArrayList;
import java.util.Objects;

/** Answers queries over one catalog. Immutable and thread-safe; build one per catalog and share it. */
public final class Diagnoser {
  private final Catalog catalog;
  /**
   * Built on the first query, so that loading a catalog to browse it costs no index. A field of its own rather than
   * a {@code Once} with a lambda: the bundled catalog's first load makes a diagnoser, and a lambda costs a class
   * spun at run time.
   */
  private volatile Engine engine;
  private final Object engineLock = new Object();
  /**
   * The parts of diagnoses' JSON that come from this catalog's entries, made as they are first written; the set is
   * made for the first diagnosis (racing threads may each make one, and one is kept).
   */
  private volatile JsonFragments jsonParts;
  /** For the bundled catalog, its JSON's length and CRC-32, which name the engine's index digest; -1 otherwise. */
  private final long bundledLength;
  private final long bundledCrc;

  Diagnoser(Catalog catalog) {
    this(catalog, -1, -1);
  }

  /** A diagnoser over the bundled catalog, read from JSON of this length and CRC-32. */
  Diagnoser(Catalog catalog, long bundledLength, long bundledCrc) {
    this.catalog = catalog;
    this.bundledLength = bundledLength;
    this.bundledCrc = bundledCrc;
  }

  /**
   * Starts a query from symptom ids or free-text phrases.
   *
   * @throws NullPointerException if the array or an element is null
   * @throws IllegalArgumentException if there is no input, or only blank ones
   */
  public Query forSymptoms(String... symptoms) {
    Objects.requireNonNull(symptoms, "symptoms");
    return Query.of(this, Arrays.asList(symptoms), "symptoms");
  }

  /**
   * Starts a query from a collection of symptom ids or phrases, in iteration order.
   *
   * @throws NullPointerException if the collection or an element is null
   * @throws IllegalArgumentException if there is no input, or only blank ones
   */
  public Query forSymptoms(Collection<String> symptoms) {
    Objects.requireNonNull(symptoms, "symptoms");
    return Query.of(this, new ArrayList<>(symptoms), "symptoms");
  }

  /**
   * Starts a query from measured values; add more with {@link Query#observe}.
   *
   * @throws NullPointerException if the array or an element is null
   * @throws IllegalArgumentException if there is no observation, or a value is outside its metric's range
   */
  public Query forObservations(Observation... observations) {
    Objects.requireNonNull(observations, "observations");
    return Query.ofObservations(this, Arrays.asList(observations));
  }

  /**
   * Starts a query from measured values, in iteration order.
   *
   * @throws NullPointerException if the collection or an element is null
   * @throws IllegalArgumentException if there is no observation, or a value is outside its metric's range
   */
  public Query forObservations(Collection<Observation> observations) {
    Objects.requireNonNull(observations, "observations");
    return Query.ofObservations(this, new ArrayList<>(observations));
  }

  /**
   * Starts a query from tool reports; see {@link Query#withReports}.
   *
   * @throws NullPointerException if the array or an element is null
   * @throws IllegalArgumentException if the reports hold no finding to weigh
   */
  public Query forReports(Report... reports) {
    Objects.requireNonNull(reports, "reports");
    return Query.ofReports(this, reports);
  }

  /** Returns the catalog this diagnoser queries. */
  public Catalog catalog() {
    return catalog;
  }

  JsonFragments jsonParts() {
    JsonFragments parts = jsonParts;
    if (parts == null) {
      parts = new JsonFragments();
      jsonParts = parts;
    }
    return parts;
  }

  Engine engine() {
    Engine e = engine;
    if (e == null) {
      synchronized (engineLock) {
        e = engine;
        if (e == null) {
          e = bundledLength < 0 ? new Engine(catalog) : Engine.bundled(catalog, bundledLength, bundledCrc);
          engine = e;
        }
      }
    }
    return e;
  }

  /** Returns the catalog it queries. */
  @Override
  public String toString() {
    return "Diagnoser[" + catalog + "]";
  }
}
