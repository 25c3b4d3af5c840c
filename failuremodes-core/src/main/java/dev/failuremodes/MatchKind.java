package dev.failuremodes;

import java.util.Locale;

/** How an input was matched to a symptom, from most to least certain. */
public enum MatchKind {
  /** The input is the symptom's id. */
  ID,
  /** The input is the symptom's name, after normalisation. */
  NAME,
  /** The input is one of the symptom's aliases, after normalisation. */
  ALIAS,
  /** The symptom's name or one of its aliases occurs in the input as whole words. */
  PHRASE,
  /** The input names a metric and a value compared with one of the symptom's signal thresholds. */
  SIGNAL;

  private final String id = name().toLowerCase(Locale.ROOT);

  /** Returns the lowercase name used in JSON. */
  public String id() {
    return id;
  }
}
