package dev.failuremodes.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failuremodes.evaluation.Evaluation;
import dev.failuremodes.evaluation.LabelledCase;
import dev.failuremodes.internal.json.Json;
import java.util.Locale;

/** Renders an evaluation as a one-line summary, a text report or JSON. Reads the evaluation only. */
public final class EvaluationRenderer {
  private EvaluationRenderer() {}

  private static String percent(int part, int whole) {
    return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  /** The one line of {@code Evaluation.toString()}. */
  public static String summary(Evaluation e) {
    int n = e.scored();
    StringBuilder out = new StringBuilder(e.name()).append(": ");
    out.append("top-1 ").append(e.hits(1)).append('/').append(n).append(", top-3 ").append(e.hits(3)).append('/')
        .append(n).append(String.format(Locale.ROOT, ", MRR %.3f", e.meanReciprocalRank()));
    if (e.unrelated() > 0) {
      out.append(", abstained ").append(e.abstained()).append('/').append(e.unrelated());
    }
    if (e.withRuledOut() > 0) {
      out.append(", ruled-out modes in the top three ").append(e.violations().size()).append('/')
          .append(e.withRuledOut());
    }
    return out.toString();
  }

  /** The text of {@code Evaluation.report()}. */
  public static String report(Evaluation e) {
    StringBuilder out = new StringBuilder();
    int n = e.scored();
    out.append("Evaluation of ").append(e.name()).append(" on ").append(e.results().size())
        .append(e.results().size() == 1 ? " case\n" : " cases\n");
    if (n > 0) {
      out.append(String.format(Locale.ROOT, "  top-1 %d/%d (%s), top-3 %d/%d (%s), mean reciprocal rank %.3f%n",
          e.hits(1), n, percent(e.hits(1), n), e.hits(3), n, percent(e.hits(3), n), e.meanReciprocalRank()));
    }
    if (e.unrelated() > 0) {
      out.append(String.format(Locale.ROOT, "  unrelated inputs with no candidate: %d/%d (%s)%n", e.abstained(),
          e.unrelated(), percent(e.abstained(), e.unrelated())));
    }
    if (e.withRuledOut() > 0) {
      out.append(String.format(Locale.ROOT, "  cases ranking a ruled-out mode in the top three: %d/%d%n",
          e.violations().size(), e.withRuledOut()));
    }
    if (!e.byStage().isEmpty()) {
      out.append("  by stage of the expected mode:\n");
      e.byStage().values().forEach(s -> out.append(String.format(Locale.ROOT, "    %-22s top-1 %d/%d, top-3 %d/%d%n",
          s.stage().id(), s.top1(), s.cases(), s.top3(), s.cases())));
    }
    if (!e.confusions().isEmpty()) {
      out.append("  ranked first instead of the expected mode:\n");
      e.confusions().forEach(c -> out.append(String.format(Locale.ROOT, "    %-28s -> %-28s %d%n", c.expected(),
          c.rankedFirst(), c.count())));
    }
    if (!e.misses().isEmpty()) {
      out.append("  misses (no correct answer in the top three):\n");
      e.misses().forEach(r -> out.append("    ").append(line(r)).append('\n'));
    }
    if (!e.falsePositives().isEmpty()) {
      out.append("  unrelated inputs that got a candidate:\n");
      e.falsePositives().forEach(r -> out.append("    ").append(line(r)).append('\n'));
    }
    if (!e.violations().isEmpty()) {
      out.append("  ruled-out modes ranked in the top three:\n");
      e.violations().forEach(r -> out.append("    ").append(line(r)).append(" ruled out: ")
          .append(String.join(" ", r.violations())).append('\n'));
    }
    return out.toString();
  }

  private static String line(Evaluation.CaseResult r) {
    LabelledCase c = r.labelledCase();
    String inputs = String.join(" | ", c.inputs());
    if (inputs.length() > 100) {
      inputs = inputs.substring(0, 97) + "...";
    }
    return c.name() + " \"" + inputs + "\" -> " + r.ranked().stream().limit(3).toList()
        + (c.expected().isEmpty() ? "" : ", expected " + String.join(" ", c.answers()));
  }

  /** The JSON of {@code Evaluation.toJson()}. */
  public static String json(Evaluation e) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("name", e.name()).put("catalogVersion", e.catalogVersion()).put("cases", e.results().size())
        .put("scored", e.scored()).put("top1", e.hits(1)).put("top3", e.hits(3))
        .put("meanReciprocalRank", Math.round(e.meanReciprocalRank() * 10_000) / 10_000.0)
        .put("unrelated", e.unrelated()).put("abstained", e.abstained()).put("withRuledOut", e.withRuledOut())
        .put("violations", e.violations().size());
    ArrayNode stages = root.putArray("byStage");
    e.byStage().values().forEach(s -> stages.addObject().put("stage", s.stage().id()).put("cases", s.cases())
        .put("top1", s.top1()).put("top3", s.top3()));
    ArrayNode confusions = root.putArray("confusions");
    e.confusions().forEach(c -> confusions.addObject().put("expected", c.expected())
        .put("rankedFirst", c.rankedFirst()).put("count", c.count()));
    ArrayNode results = root.putArray("results");
    for (Evaluation.CaseResult r : e.results()) {
      ObjectNode o = results.addObject().put("case", r.labelledCase().name());
      ArrayNode expected = o.putArray("expected");
      r.labelledCase().answers().forEach(expected::add);
      ArrayNode ranked = o.putArray("ranked");
      r.ranked().forEach(ranked::add);
      o.put("rank", r.rank());
    }
    return Json.write(root);
  }
}
