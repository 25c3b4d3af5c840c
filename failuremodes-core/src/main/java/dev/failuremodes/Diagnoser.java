package dev.failuremodes;

import dev.failuremodes.internal.match.ModeNames;
import dev.failuremodes.internal.match.SymptomIndex;
import dev.failuremodes.internal.rank.Ranker;
import java.util.Arrays;
import java.util.Collection;
import java.util.ArrayList;
import java.util.Objects;

/** Answers queries over one catalog. Immutable and thread-safe; build one per catalog and share it. */
public final class Diagnoser {
  private final Catalog catalog;
  private final SymptomIndex index;
  private final Ranker ranker;
  private final ModeNames modeNames;

  Diagnoser(Catalog catalog) {
    this.catalog = catalog;
    this.index = new SymptomIndex(catalog.symptoms());
    this.ranker = new Ranker(catalog.failureModes(), id -> catalog.fix(id).orElse(null));
    this.modeNames = new ModeNames(catalog.failureModes());
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

  /** Returns the catalog this diagnoser queries. */
  public Catalog catalog() {
    return catalog;
  }

  SymptomIndex index() {
    return index;
  }

  Ranker ranker() {
    return ranker;
  }

  ModeNames modeNames() {
    return modeNames;
  }

  /** Returns the catalog it queries. */
  @Override
  public String toString() {
    return "Diagnoser[" + catalog + "]";
  }
}
