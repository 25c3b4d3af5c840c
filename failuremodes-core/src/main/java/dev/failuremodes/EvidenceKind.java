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
  TEXT;

  /** Returns the lowercase name used in JSON. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
