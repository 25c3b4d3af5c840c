package dev.failuremodes.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.Evidence;
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
    for (String note : d.notes()) {
      out.append("  note: ").append(note).append('\n');
    }
    return out.toString();
  }

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
        e.field().ifPresent(field -> item.put("field", field));
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
    d.whyEmpty().ifPresent(w -> root.put("note", w));
    if (!d.notes().isEmpty()) {
      ArrayNode notes = root.putArray("notes");
      d.notes().forEach(notes::add);
    }
    return Json.write(root);
  }
}
