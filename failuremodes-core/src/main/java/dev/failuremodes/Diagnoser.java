package dev.failuremodes;

/** Answers queries over one catalog. Thread-safe and immutable; make one per catalog and share it. */
public final class Diagnoser {
  private final Catalog catalog;

  Diagnoser(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Returns the catalog this diagnoser queries. */
  public Catalog catalog() {
    return catalog;
  }

  /** Returns the catalog's version. */
  @Override
  public String toString() {
    return "Diagnoser[" + catalog + "]";
  }
}
