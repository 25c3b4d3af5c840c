package dev.failuremodes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A three-step rating used for a fix's leverage and effort and a detection method's effectiveness. */
public enum Level {
  /** Little. */
  LOW,
  /** Moderate. */
  MEDIUM,
  /** Much. */
  HIGH;

  private final String id = name().toLowerCase(Locale.ROOT);

  /** Returns the lowercase id used in the catalog JSON: {@code "low"}, {@code "medium"} or {@code "high"}. */
  public String id() {
    return id;
  }

  /** Returns the level with the given id, ignoring case. */
  public static Optional<Level> find(String id) {
    return Arrays.stream(values()).filter(l -> l.id().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
  }

  /** Returns the id. */
  @Override
  public String toString() {
    return id();
  }
}
