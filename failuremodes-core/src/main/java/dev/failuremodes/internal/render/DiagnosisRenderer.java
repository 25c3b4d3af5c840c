package dev.failuremodes.internal.render;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.Evidence;
import dev.failuremodes.EvidenceKind;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Level;
import dev.failuremodes.MatchKind;
import dev.failuremodes.NextCheck;
import dev.failuremodes.PlannedFix;
import dev.failuremodes.Resolution;
import dev.failuremodes.SymptomMatch;
import dev.failuremodes.Unrecognized;
import dev.failuremodes.alerts.Finding;
import java.util.Locale;

/** Renders a diagnosis as a table, Markdown or JSON. Reads the diagnosis only. */
public final class DiagnosisRenderer {
  private DiagnosisRenderer() {}

  private static String score(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** The compact table of {@code Diagnosis.toString()}. */
  public static String table(Diagnosis d) {
    StringBuilder out = new StringBuilder();
    out.append("Diagnosis of ").append(d.inputs().size()).append(d.inputs().size() == 1 ? " input" : " inputs")
        .append(" (catalog ").append(d.catalogVersion()).append(")\n");
    if (d.candidates().isEmpty()) {
      out.append("  ").append(d.whyEmpty().orElse("")).append('\n');
    } else {
      out.append(String.format(Locale.ROOT, "  %-3s %-5s %-28s %-22s %s%n", "#", "score", "failure mode", "stage",
          "evidence"));
      for (Candidate c : d.candidates()) {
        Evidence e = c.evidence().get(0);
        out.append(String.format(Locale.ROOT, "  %-3d %-5s %-28s %-22s %s%n", c.rank(), score(c.score()), c.id(),
            c.failureMode().stage().id(),
            e.via() + (c.evidence().size() > 1 ? " +" + (c.evidence().size() - 1) : "")));
      }
    }
    if (!d.ruledOut().isEmpty()) {
      out.append("  ruled out: ").append(ids(d.ruledOut())).append('\n');
    }
    for (Unrecognized u : d.unrecognized()) {
      out.append("  unrecognised: ").append(u).append('\n');
    }
    if (!d.plan().isEmpty()) {
      out.append("  plan:");
      int n = 1;
      for (PlannedFix p : d.plan()) {
        if (n > 5) {
          out.append(" (+").append(d.plan().size() - 5).append(" more)");
          break;
        }
        out.append(n == 1 ? " " : "; ").append(n++).append(". ").append(p.fix().id());
      }
      out.append('\n');
    }
    if (!d.nextChecks().isEmpty()) {
      NextCheck next = d.nextChecks().get(0);
      out.append("  next check: ").append(next.id()).append(" (").append(next.favours()).append(')');
      if (d.nextChecks().size() > 1) {
        out.append(" (+").append(d.nextChecks().size() - 1).append(" more)");
      }
      out.append('\n');
    }
    for (String note : d.notes()) {
      out.append("  note: ").append(note).append('\n');
    }
    return out.toString();
  }

  private static String ids(java.util.List<FailureMode> modes) {
    StringBuilder out = new StringBuilder();
    modes.forEach(m -> out.append(out.length() == 0 ? "" : ", ").append(m.id()));
    return out.toString();
  }

  /** Markdown and JSON show at most this many next checks; {@code Diagnosis.nextChecks()} has them all. */
  private static final int SHOWN_CHECKS = 5;

  /** Inputs longer than this are shortened in Markdown reports. */
  private static final int MARKDOWN_INPUT = 200;

  /** The report of {@code Diagnosis.toMarkdown()}. */
  public static String markdown(Diagnosis d) {
    StringBuilder out = new StringBuilder("## Diagnosis\n\n");
    out.append("Inputs: ");
    for (int i = 0; i < d.inputs().size(); i++) {
      String input = d.inputs().get(i);
      // A pasted log is not repeated whole in a report: its start says which input it was.
      String shown = input.length() > MARKDOWN_INPUT ? input.substring(0, MARKDOWN_INPUT) + "… (" + input.length()
          + " characters)" : input;
      out.append(i == 0 ? "" : ", ").append('`').append(shown.replace('`', '\'')).append('`');
    }
    out.append(" (catalog ").append(d.catalogVersion()).append(")\n\n");
    if (d.candidates().isEmpty()) {
      out.append(d.whyEmpty().orElse("")).append("\n\n");
    } else {
      out.append("| # | Failure mode | Stage | Score | Why |\n|---|---|---|---|---|\n");
      for (Candidate c : d.candidates()) {
        out.append("| ").append(c.rank()).append(" | ").append(c.failureMode().name()).append(" (`").append(c.id())
            .append("`) | ").append(c.failureMode().stage().displayName()).append(" | ").append(score(c.score()))
            .append(" | ").append(c.explanation().replace("|", "\\|")).append(" |\n");
      }
      out.append('\n');
    }
    if (!d.ruledOut().isEmpty()) {
      out.append("Ruled out: ").append(ids(d.ruledOut())).append(".\n\n");
    }
    if (!d.unrecognized().isEmpty()) {
      out.append("Not recognised:\n");
      d.unrecognized().forEach(u -> out.append("- ").append(u).append('\n'));
      out.append('\n');
    }
    if (!d.plan().isEmpty()) {
      out.append("### Fix plan\n\n");
      int n = 1;
      for (PlannedFix p : d.plan()) {
        out.append(n++).append(". **").append(p.fix().name()).append("** (leverage ").append(p.fix().leverage())
            .append(", effort ").append(p.fix().effort()).append(") — ").append(p.fix().description())
            .append(" _Addresses: ").append(String.join(", ", p.addresses())).append("._\n");
      }
    }
    if (!d.nextChecks().isEmpty()) {
      out.append(d.plan().isEmpty() ? "" : "\n").append("### Next checks\n\n")
          .append("| Check | Question | Positive favours | Negative favours | Expected gain | Effort |\n")
          .append("|---|---|---|---|---|---|\n");
      for (NextCheck c : d.nextChecks().subList(0, Math.min(SHOWN_CHECKS, d.nextChecks().size()))) {
        out.append("| ").append(c.check().name()).append(" (`").append(c.id()).append("`) | ")
            .append(c.check().observes().orElse(c.check().description()).replace("|", "\\|")).append(" | ")
            .append(c.ifPositive().isEmpty() ? "–" : String.join(", ", c.ifPositive())).append(" | ")
            .append(c.ifNegative().isEmpty() ? "–" : String.join(", ", c.ifNegative())).append(" | ")
            .append(String.format(Locale.ROOT, "%.2f bits", c.expectedGain())).append(" | ")
            .append(c.check().effort().orElse(Level.MEDIUM)).append(" |\n");
      }
    }
    if (!d.notes().isEmpty()) {
      out.append('\n');
      d.notes().forEach(note -> out.append("> Note: ").append(note).append('\n'));
    }
    return out.toString();
  }

  private static final JsonText.Name ID = new JsonText.Name("id");
  private static final JsonText.Name CONFIDENCE = new JsonText.Name("confidence");
  private static final JsonText.Name HOW = new JsonText.Name("how");
  private static final JsonText.Name INPUT = new JsonText.Name("input");
  private static final JsonText.Name SYMPTOMS = new JsonText.Name("symptoms");
  private static final JsonText.Name FAILURE_MODES = new JsonText.Name("failureModes");
  private static final JsonText.Name RULED_OUT_SYMPTOMS = new JsonText.Name("ruledOutSymptoms");
  private static final JsonText.Name RULED_OUT_MODES = new JsonText.Name("ruledOutModes");
  private static final JsonText.Name WORDS = new JsonText.Name("words");
  private static final JsonText.Name RANK = new JsonText.Name("rank");
  private static final JsonText.Name SCORE = new JsonText.Name("score");
  private static final JsonText.Name EVIDENCE = new JsonText.Name("evidence");
  private static final JsonText.Name KIND = new JsonText.Name("kind");
  private static final JsonText.Name AGAINST = new JsonText.Name("against");
  private static final JsonText.Name WEIGHT = new JsonText.Name("weight");
  private static final JsonText.Name CONTRIBUTION = new JsonText.Name("contribution");
  private static final JsonText.Name EXPLANATION = new JsonText.Name("explanation");
  private static final JsonText.Name ADDRESSES = new JsonText.Name("addresses");
  private static final JsonText.Name IF_POSITIVE = new JsonText.Name("ifPositive");
  private static final JsonText.Name IF_NEGATIVE = new JsonText.Name("ifNegative");
  private static final JsonText.Name EXPECTED_GAIN = new JsonText.Name("expectedGain");
  private static final JsonText.Name GAIN_PER_EFFORT = new JsonText.Name("gainPerEffort");

  private static void matches(JsonText j, java.util.List<SymptomMatch> matches) {
    j.beginArray();
    for (SymptomMatch m : matches) {
      j.beginObject().name(ID).id(m.symptom().id()).name(CONFIDENCE).value(m.confidence()).name(HOW)
          .id(m.kind().id()).endObject();
    }
    j.endArray();
  }

  /** Whether an input was a symptom's id, found as that and nothing else. */
  private static boolean isOnlyAnId(Resolution r) {
    if (r.matches().size() != 1) {
      return false;
    }
    SymptomMatch m = r.matches().get(0);
    return m.kind() == MatchKind.ID && m.confidence() == 1.0 && m.symptom().id().equals(r.input())
        && r.namedModes().isEmpty() && r.ruledOutSymptoms().isEmpty() && r.ruledOutModes().isEmpty()
        && r.words().isEmpty() && r.measurements().isEmpty() && r.checks().isEmpty();
  }

  private static void modeIds(JsonText j, java.util.List<FailureMode> modes) {
    j.beginArray();
    for (FailureMode m : modes) {
      j.id(m.id());
    }
    j.endArray();
  }

  /**
   * The JSON of {@code Diagnosis.toJson()}, with the parts that depend only on catalog entries copied from {@code
   * parts} (which are made there when missing).
   */
  public static String json(Diagnosis d, JsonFragments parts) {
    JsonText j = new JsonText().beginObject();
    j.field("catalogVersion", d.catalogVersion());
    j.field("inputs", d.inputs());
    j.name("resolved").beginArray();
    for (Resolution r : d.resolutions()) {
      if (!r.recognized()) {
        continue;
      }
      if (isOnlyAnId(r)) {
        j.element(parts.resolvedById(r.input()));
        continue;
      }
      j.beginObject().name(INPUT).value(r.input());
      matches(j.name(SYMPTOMS), r.matches());
      modeIds(j.name(FAILURE_MODES), r.namedModes());
      matches(j.name(RULED_OUT_SYMPTOMS), r.ruledOutSymptoms());
      modeIds(j.name(RULED_OUT_MODES), r.ruledOutModes());
      j.name(WORDS).strings(r.words());
      if (!r.measurements().isEmpty()) {
        j.field("measurements", r.measurements());
      }
      if (!r.checks().isEmpty()) {
        j.name("checks").beginArray();
        r.checks().forEach((id, outcome) -> j.beginObject().id("id", id).id("outcome", outcome.id()).endObject());
        j.endArray();
      }
      j.endObject();
    }
    j.endArray();
    j.name("unrecognized").beginArray();
    for (Unrecognized u : d.unrecognized()) {
      j.beginObject().field("input", u.input()).field("suggestions", u.suggestions()).endObject();
    }
    j.endArray();
    j.name("candidates").beginArray();
    for (Candidate c : d.candidates()) {
      j.beginObject().name(RANK).value(c.rank()).part(parts.mode(c.failureMode())).name(SCORE).value(c.score());
      j.name(EVIDENCE).beginArray();
      for (Evidence e : c.evidence()) {
        j.beginObject();
        boolean fieldWritten = false;
        if (e.symptom().isPresent() && e.symptom().get().equals(e.input())) {
          j.part(parts.evidence(e.kind(), e.against(), e.symptom().get(), true));
        } else if (e.symptom().isPresent()) {
          j.name(INPUT).value(e.input()).part(parts.evidence(e.kind(), e.against(), e.symptom().get(), false));
        } else if (!e.named() && e.field().isPresent()) {
          j.name(INPUT).value(e.input()).part(parts.viaField(e.kind(), e.against(), e.field().get()));
          fieldWritten = true;
        } else {
          j.name(INPUT).value(e.input()).name(KIND).id(e.kind().id()).name(AGAINST).value(e.against());
        }
        if (e.named()) {
          j.field("named", true);
        }
        if (e.field().isPresent() && !fieldWritten) {
          j.field(e.kind() == EvidenceKind.CHECK ? "check" : "field", e.field().get());
        }
        if (!e.words().isEmpty()) {
          j.field("words", e.words());
        }
        if (!e.detail().isEmpty()) {
          j.field("detail", e.detail());
        }
        j.name(WEIGHT).value(e.weight()).name(CONFIDENCE).value(e.confidence()).name(CONTRIBUTION)
            .value(e.contribution());
        j.endObject();
      }
      j.endArray();
      j.name(EXPLANATION).value(c.explanation()).endObject();
    }
    j.endArray();
    j.name("plan").beginArray();
    for (PlannedFix p : d.plan()) {
      JsonFragments.Part whole = parts.planEntry(p.fix(), p.addresses());
      if (whole != null) {
        j.element(whole);
      } else {
        j.beginObject().part(parts.fix(p.fix())).name(ADDRESSES).ids(p.addresses()).endObject();
      }
    }
    j.endArray();
    if (!d.findings().isEmpty()) {
      j.name("findings").beginArray();
      for (Finding found : d.findings()) {
        j.beginObject().field("tool", found.format().id()).field("check", found.check())
            .field("kind", found.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        found.feature().ifPresent(x -> j.field("feature", x));
        found.symptom().ifPresent(x -> j.field("symptom", x));
        found.observation().ifPresent(x -> {
          j.field("metric", x.metric()).field("value", x.value());
          x.threshold().ifPresent(t -> j.field("threshold", t));
          x.reference().ifPresent(t -> j.field("reference", t));
        });
        if (!found.detail().isEmpty()) {
          j.field("detail", found.detail());
        }
        j.endObject();
      }
      j.endArray();
    }
    if (!d.ruledOut().isEmpty()) {
      j.name("ruledOut").beginArray();
      for (FailureMode m : d.ruledOut()) {
        j.id(m.id());
      }
      j.endArray();
    }
    if (d.standout().isPresent()) {
      j.id("standout", d.standout().get().id());
    }
    if (!d.nextChecks().isEmpty()) {
      j.name("nextChecks").beginArray();
      for (NextCheck c : d.nextChecks().subList(0, Math.min(SHOWN_CHECKS, d.nextChecks().size()))) {
        JsonFragments.Part whole = parts.checkWith(c.id(), c.check(), c.ifPositive(), c.ifNegative());
        if (whole != null) {
          j.beginObject().part(whole);
        } else {
          j.beginObject().part(parts.checkHead(c.id(), c.check()));
          j.name(IF_POSITIVE).ids(c.ifPositive()).name(IF_NEGATIVE).ids(c.ifNegative());
        }
        j.name(EXPECTED_GAIN).value(c.expectedGain()).name(GAIN_PER_EFFORT).value(c.gainPerEffort())
            .part(JsonFragments.checkTail(c.check()));
        j.endObject();
      }
      j.endArray();
    }
    java.util.Optional<String> why = d.whyEmpty();
    if (why.isPresent()) {
      j.field("note", why.get());
    }
    if (!d.notes().isEmpty()) {
      j.field("notes", d.notes());
    }
    return j.endObject().finish();
  }

}
