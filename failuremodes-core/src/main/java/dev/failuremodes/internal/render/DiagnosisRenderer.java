package dev.failuremodes.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.Evidence;
import dev.failuremodes.EvidenceKind;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Level;
import dev.failuremodes.NextCheck;
import dev.failuremodes.PlannedFix;
import dev.failuremodes.Resolution;
import dev.failuremodes.SymptomMatch;
import dev.failuremodes.Unrecognized;
import dev.failuremodes.alerts.Finding;
import dev.failuremodes.internal.json.Json;
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

  private static void matches(ArrayNode out, java.util.List<SymptomMatch> matches) {
    for (SymptomMatch m : matches) {
      out.addObject().put("id", m.symptom().id()).put("confidence", m.confidence()).put("how", m.kind().id());
    }
  }

  /** The JSON of {@code Diagnosis.toJson()}. */
  public static String json(Diagnosis d) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("catalogVersion", d.catalogVersion());
    ArrayNode inputs = root.putArray("inputs");
    d.inputs().forEach(inputs::add);
    ArrayNode resolved = root.putArray("resolved");
    for (Resolution r : d.resolutions()) {
      if (!r.recognized()) {
        continue;
      }
      ObjectNode o = resolved.addObject().put("input", r.input());
      matches(o.putArray("symptoms"), r.matches());
      ArrayNode named = o.putArray("failureModes");
      r.namedModes().forEach(m -> named.add(m.id()));
      matches(o.putArray("ruledOutSymptoms"), r.ruledOutSymptoms());
      ArrayNode ruledOut = o.putArray("ruledOutModes");
      r.ruledOutModes().forEach(m -> ruledOut.add(m.id()));
      ArrayNode words = o.putArray("words");
      r.words().forEach(words::add);
      if (!r.measurements().isEmpty()) {
        ArrayNode measured = o.putArray("measurements");
        r.measurements().forEach(measured::add);
      }
      if (!r.checks().isEmpty()) {
        ArrayNode checked = o.putArray("checks");
        r.checks().forEach((id, outcome) -> checked.addObject().put("id", id).put("outcome", outcome.id()));
      }
    }
    ArrayNode unrecognized = root.putArray("unrecognized");
    for (Unrecognized u : d.unrecognized()) {
      ObjectNode o = unrecognized.addObject().put("input", u.input());
      ArrayNode s = o.putArray("suggestions");
      u.suggestions().forEach(s::add);
    }
    ArrayNode candidates = root.putArray("candidates");
    for (Candidate c : d.candidates()) {
      ObjectNode o = candidates.addObject();
      o.put("rank", c.rank()).put("id", c.id()).put("name", c.failureMode().name())
          .put("stage", c.failureMode().stage().id()).put("score", c.score());
      ArrayNode evidence = o.putArray("evidence");
      for (Evidence e : c.evidence()) {
        ObjectNode item = evidence.addObject().put("input", e.input()).put("kind", e.kind().id())
            .put("against", e.against());
        e.symptom().ifPresent(id -> item.put("symptom", id));
        if (e.named()) {
          item.put("named", true);
        }
        e.field().ifPresent(field -> item.put(e.kind() == EvidenceKind.CHECK ? "check" : "field", field));
        if (!e.words().isEmpty()) {
          ArrayNode words = item.putArray("words");
          e.words().forEach(words::add);
        }
        if (!e.detail().isEmpty()) {
          item.put("detail", e.detail());
        }
        item.put("weight", e.weight()).put("confidence", e.confidence()).put("contribution", e.contribution());
      }
      o.put("explanation", c.explanation());
    }
    ArrayNode plan = root.putArray("plan");
    for (PlannedFix p : d.plan()) {
      ObjectNode o = plan.addObject();
      o.put("fix", p.fix().id()).put("name", p.fix().name()).put("leverage", p.fix().leverage().id())
          .put("effort", p.fix().effort().id()).put("stage", p.fix().stage().id());
      ArrayNode a = o.putArray("addresses");
      p.addresses().forEach(a::add);
    }
    if (!d.findings().isEmpty()) {
      ArrayNode findings = root.putArray("findings");
      for (Finding found : d.findings()) {
        ObjectNode o = findings.addObject().put("tool", found.format().id()).put("check", found.check())
            .put("kind", found.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        found.feature().ifPresent(x -> o.put("feature", x));
        found.symptom().ifPresent(x -> o.put("symptom", x));
        found.observation().ifPresent(x -> {
          o.put("metric", x.metric()).put("value", x.value());
          x.threshold().ifPresent(t -> o.put("threshold", t));
          x.reference().ifPresent(t -> o.put("reference", t));
        });
        if (!found.detail().isEmpty()) {
          o.put("detail", found.detail());
        }
      }
    }
    if (!d.ruledOut().isEmpty()) {
      ArrayNode ruledOut = root.putArray("ruledOut");
      d.ruledOut().forEach(m -> ruledOut.add(m.id()));
    }
    d.standout().ifPresent(c -> root.put("standout", c.id()));
    if (!d.nextChecks().isEmpty()) {
      ArrayNode next = root.putArray("nextChecks");
      for (NextCheck c : d.nextChecks().subList(0, Math.min(SHOWN_CHECKS, d.nextChecks().size()))) {
        ObjectNode o = next.addObject().put("id", c.id()).put("name", c.check().name());
        c.check().observes().ifPresent(t -> o.put("observes", t));
        ArrayNode positive = o.putArray("ifPositive");
        c.ifPositive().forEach(positive::add);
        ArrayNode negative = o.putArray("ifNegative");
        c.ifNegative().forEach(negative::add);
        o.put("expectedGain", c.expectedGain()).put("gainPerEffort", c.gainPerEffort())
            .put("effectiveness", c.check().effectiveness().id())
            .put("effort", c.check().effort().orElse(Level.MEDIUM).id());
      }
    }
    d.whyEmpty().ifPresent(w -> root.put("note", w));
    if (!d.notes().isEmpty()) {
      ArrayNode notes = root.putArray("notes");
      d.notes().forEach(notes::add);
    }
    return Json.write(root);
  }
}
