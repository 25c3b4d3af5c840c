package dev.failuremodes;

import java.util.Locale;

/** What a piece of evidence rests on. */
public enum EvidenceKind {
  /** The input describes a symptom that indicates the mode: by its id, name or an alias, or by similar words. */
  SYMPTOM,
  /** A metric value in the input crosses one of a symptom's thresholds, or stays on the healthy side of it. */
  MEASURED,
  /** The input names the failure mode itself ("we suspect data leakage"). */
  NAMED,
  /** The input's words match the mode's own text: its names, symptoms, mechanisms, detection or presentations. */
  TEXT,
  /**
   * A check's result ({@link Query#checked(String, Outcome)}) as the check predicts it for the mode, or contrary to
   * that prediction; {@link Evidence#field()} holds the check's id and {@link Evidence#detail()} what the result
   * means.
   */
  CHECK;

  private final String id = name().toLowerCase(Locale.ROOT);

  /** Returns the lowercase name used in JSON. */
  public String id() {
    return id;
  }
}
