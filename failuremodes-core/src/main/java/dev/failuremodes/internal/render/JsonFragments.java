package dev.failuremodes.internal.render;

import dev.failuremodes.DetectionMethod;
import dev.failuremodes.EvidenceKind;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Fix;
import dev.failuremodes.Level;
import dev.failuremodes.MatchKind;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parts of a diagnosis's JSON that depend only on one catalog entry (a failure mode's id, name and stage; a fix's
 * id, name, leverage, effort and stage, with its addresses; a check's id, name and question, with the modes it
 * favours; a piece of evidence's kind, symptom or field; an input that is a symptom's id), written once per entry and
 * copied into every later document. A diagnosis is mostly such parts: copying them whole rather
 * than field by field makes {@code toJson()} about twice as fast. One set per diagnoser, so per catalog; it holds
 * only the entries that have been written, so it is bounded by the catalog's size. A part is used only for the very
 * entry it was made from: another object with the same id is written field by field. Thread-safe.
 */
public final class JsonFragments {
  /** Candidates, plan entries and next checks are objects in arrays of the top-level object: their fields sit here. */
  static final int NESTING = 2;
  /** A candidate's evidence is one level deeper. */
  static final int EVIDENCE_NESTING = 3;

  private final ConcurrentHashMap<String, Part> modes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Part> fixes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Part> checkHeads = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Part> byId = new ConcurrentHashMap<>();
  /** By evidence kind, for or against, and whether the input was the symptom's id. */
  private final Parts[] evidence = new Parts[EvidenceKind.values().length * 4];
  /** By evidence kind and for or against: evidence that came through a field of a mode's text or a check. */
  private final Parts[] viaField = new Parts[EvidenceKind.values().length * 2];

  /** Parts by an id. */
  private static final class Parts extends ConcurrentHashMap<String, Part> {
    private static final long serialVersionUID = 1L;
  }

  /**
   * The most characters the parts kept may hold together (2 MiB). Once it is spent (over a catalog many times the
   * bundled one), parts are made, used once and not kept, and documents are written about as slowly as without
   * parts.
   */
  static final int MAX_KEPT_CHARS = 1 << 20;

  private final int maxKeptChars;
  private final java.util.concurrent.atomic.AtomicInteger keptChars = new java.util.concurrent.atomic.AtomicInteger();

  /** Makes an empty set. */
  public JsonFragments() {
    this(MAX_KEPT_CHARS);
  }

  /** Makes an empty set that keeps parts of at most {@code maxKeptChars} characters together. */
  JsonFragments(int maxKeptChars) {
    this.maxKeptChars = maxKeptChars;
    for (int i = 0; i < evidence.length; i++) {
      evidence[i] = new Parts();
    }
    for (int i = 0; i < viaField.length; i++) {
      viaField[i] = new Parts();
    }
  }

  /** Returns how many characters the parts kept hold. */
  int keptChars() {
    return keptChars.get();
  }

  /** Whether a part just made fits in the budget (racing threads may overshoot it by a few parts). */
  private boolean roomFor(Part made) {
    return keptChars.get() + made.text.length <= maxKeptChars;
  }

  /** Counts a part kept. */
  private void counted(Part kept) {
    keptChars.addAndGet(kept.text.length);
  }

  /** Written text standing for {@code fields} fields of an object whose fields are at {@code nesting}. */
  static final class Part {
    final Object source;
    final char[] text;
    final int fields;
    final int nesting;

    Part(Object source, char[] text, int fields, int nesting) {
      this.source = source;
      this.text = text;
      this.fields = fields;
      this.nesting = nesting;
    }

    Part(Object source, char[] text, int fields) {
      this(source, text, fields, NESTING);
    }

    /** Id lists written after this part in a longer part made from it; null for other parts. */
    private List<String> first;
    private List<String> second;
    /** Longer parts made from this one, at most {@link #VARIANTS}; replaced whole, never changed. */
    private volatile Part[] longer = NONE;

    /** Returns the longer part made from this one with these id lists, or null if there is none. */
    Part longer(List<String> first, List<String> second) {
      for (Part p : longer) {
        if (same(p.first, first) && same(p.second, second)) {
          return p;
        }
      }
      return null;
    }

    /** Whether two lists of ids are equal; by index, since they are short and usually hold the same strings. */
    private static boolean same(List<String> kept, List<String> given) {
      int n = kept.size();
      if (n != given.size()) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        String a = kept.get(i);
        String b = given.get(i);
        if (a != b && !a.equals(b)) {
          return false;
        }
      }
      return true;
    }

    boolean roomForLonger() {
      return longer.length < VARIANTS;
    }

    /**
     * Keeps a longer part made from this one, if {@code keep} and there is room; returns whether it was kept. Racing
     * threads may lose one, which is only made again.
     */
    boolean keepLonger(Part made, List<String> first, List<String> second, boolean keep) {
      made.first = first;
      made.second = second;
      Part[] kept = longer;
      if (keep && kept.length < VARIANTS) {
        Part[] more = java.util.Arrays.copyOf(kept, kept.length + 1);
        more[kept.length] = made;
        longer = more; // published after its fields are set
        return true;
      }
      return false;
    }
  }

  /**
   * A catalog entry's part is kept with at most this many sets of the id lists that follow it (a fix's addresses,
   * a check's favoured candidates); other sets are written field by field.
   */
  static final int VARIANTS = 4;

  private static final Part[] NONE = {};

  /**
   * A piece of evidence's {@code kind}, {@code against} and {@code field} (or {@code check}, for a check's result),
   * after its {@code input}; for evidence about no symptom that came through a field of a mode's text or a check.
   */
  Part viaField(EvidenceKind kind, boolean against, String field) {
    Parts parts = viaField[kind.ordinal() * 2 + (against ? 1 : 0)];
    Part part = parts.get(field);
    if (part == null) {
      JsonText j = JsonText.part(EVIDENCE_NESTING, 1);
      j.id("kind", kind.id()).field("against", against).field(kind == EvidenceKind.CHECK ? "check" : "field", field);
      part = new Part(null, j.chars(), 3, EVIDENCE_NESTING);
      part = keep(parts, field, part);
    }
    return part;
  }

  /**
   * A whole entry of {@code resolved}, braces included, for an input that is a symptom's id and nothing else: the
   * symptom found by its id with confidence 1, and every other list empty.
   */
  Part resolvedById(String id) {
    Part part = byId.get(id);
    if (part == null) {
      JsonText j = JsonText.part(NESTING, 0);
      j.field("input", id).name("symptoms").beginArray().beginObject().id("id", id).field("confidence", 1.0)
          .id("how", MatchKind.ID.id()).endObject().endArray();
      for (String empty : new String[] {"failureModes", "ruledOutSymptoms", "ruledOutModes", "words"}) {
        j.name(empty).beginArray().endArray();
      }
      part = new Part(null, j.objectChars(), 6);
      part = keep(byId, id, part);
    }
    return part;
  }

  /**
   * A whole plan entry, braces included (its fix's fields and the {@code addresses}), or null when the fix already
   * has its {@link #VARIANTS} sets of addresses kept and these are not one of them.
   */
  Part planEntry(Fix fix, List<String> addresses) {
    Part head = fix(fix);
    Part whole = head.longer(addresses, List.of());
    if (whole == null && head.roomForLonger()) {
      JsonText j = JsonText.part(NESTING, 0).part(head);
      j.name("addresses").ids(addresses);
      whole = keepLonger(head, new Part(fix, j.objectChars(), head.fields + 1), addresses, List.of());
    }
    return whole;
  }

  /**
   * A next check's first fields with its {@code ifPositive} and {@code ifNegative}, or null when the check already has
   * its {@link #VARIANTS} sets kept and these are not one of them.
   */
  Part checkWith(String id, DetectionMethod check, List<String> ifPositive, List<String> ifNegative) {
    Part head = checkHead(id, check);
    Part whole = head.longer(ifPositive, ifNegative);
    if (whole == null && head.roomForLonger()) {
      JsonText j = JsonText.part(NESTING, 0).part(head);
      j.name("ifPositive").ids(ifPositive).name("ifNegative").ids(ifNegative);
      whole = keepLonger(head, new Part(check, j.chars(), head.fields + 2), ifPositive, ifNegative);
    }
    return whole;
  }

  /**
   * A piece of evidence's {@code kind}, {@code against} and {@code symptom} for evidence about a symptom: after its
   * {@code input}, or with the input first when {@code inputIsId} (the input was the symptom's id).
   */
  Part evidence(EvidenceKind kind, boolean against, String symptom, boolean inputIsId) {
    Parts parts = evidence[(kind.ordinal() * 2 + (against ? 1 : 0)) * 2 + (inputIsId ? 1 : 0)];
    Part part = parts.get(symptom);
    if (part == null) {
      JsonText j = JsonText.part(EVIDENCE_NESTING, inputIsId ? 0 : 1);
      if (inputIsId) {
        j.field("input", symptom);
      }
      j.id("kind", kind.id()).field("against", against).id("symptom", symptom);
      part = new Part(null, j.chars(), inputIsId ? 4 : 3, EVIDENCE_NESTING);
      part = keep(parts, symptom, part);
    }
    return part;
  }

  /** A candidate's {@code id}, {@code name} and {@code stage}, after its {@code rank}. */
  Part mode(FailureMode mode) {
    Part part = modes.get(mode.id());
    if (part == null || part.source != mode) {
      JsonText j = JsonText.part(NESTING, 1);
      j.id("id", mode.id()).field("name", mode.name()).id("stage", mode.stage().id());
      part = keep(modes, mode.id(), new Part(mode, j.chars(), 3));
    }
    return part;
  }

  /** A plan entry's {@code fix}, {@code name}, {@code leverage}, {@code effort} and {@code stage}, its first fields. */
  Part fix(Fix fix) {
    Part part = fixes.get(fix.id());
    if (part == null || part.source != fix) {
      JsonText j = JsonText.part(NESTING, 0);
      j.id("fix", fix.id()).field("name", fix.name()).id("leverage", fix.leverage().id())
          .id("effort", fix.effort().id()).id("stage", fix.stage().id());
      part = keep(fixes, fix.id(), new Part(fix, j.chars(), 5));
    }
    return part;
  }

  /** A next check's {@code id}, {@code name} and {@code observes} (when it has a question), its first fields. */
  Part checkHead(String id, DetectionMethod check) {
    Part part = checkHeads.get(id);
    if (part == null || part.source != check) {
      JsonText j = JsonText.part(NESTING, 0);
      j.id("id", id).field("name", check.name());
      int fields = 2;
      if (check.observes().isPresent()) {
        j.field("observes", check.observes().get());
        fields++;
      }
      part = keep(checkHeads, id, new Part(check, j.chars(), fields));
    }
    return part;
  }

  /** A next check's {@code effectiveness} and {@code effort}, its last fields: from a small fixed set. */
  static Part checkTail(DetectionMethod check) {
    return Tails.ALL[check.effectiveness().ordinal() * Tails.LEVELS + check.effort().orElse(Level.MEDIUM).ordinal()];
  }

  /** Every check's last fields, made when a check is first written. */
  private static final class Tails {
    static final int LEVELS = Level.values().length;
    static final Part[] ALL = new Part[LEVELS * LEVELS];

    static {
      for (Level effectiveness : Level.values()) {
        for (Level effort : Level.values()) {
          JsonText j = JsonText.part(NESTING, 1);
          j.id("effectiveness", effectiveness.id()).id("effort", effort.id());
          ALL[effectiveness.ordinal() * LEVELS + effort.ordinal()] = new Part(null, j.chars(), 2);
        }
      }
    }
  }

  /** Keeps a longer part made from {@code head} for these id lists, within the budget; returns it. */
  private Part keepLonger(Part head, Part made, List<String> first, List<String> second) {
    if (head.keepLonger(made, List.copyOf(first), List.copyOf(second), roomFor(made))) {
      counted(made);
    }
    return made;
  }

  /**
   * Keeps the first part made for an id, within the budget, unless it was made from another object; returns the one
   * to use.
   */
  private Part keep(ConcurrentHashMap<String, Part> parts, String id, Part made) {
    if (!roomFor(made)) {
      return made;
    }
    Part kept = parts.putIfAbsent(id, made);
    if (kept == null) {
      counted(made);
      return made;
    }
    return kept.source == made.source ? kept : made;
  }
}
