package dev.failuremodes.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failuremodes.CaseStudy;
import dev.failuremodes.DetectionMethod;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Fix;
import dev.failuremodes.Guidance;
import dev.failuremodes.Indicator;
import dev.failuremodes.Metric;
import dev.failuremodes.Presentation;
import dev.failuremodes.Reference;
import dev.failuremodes.RelatedMode;
import dev.failuremodes.Signal;
import dev.failuremodes.Stage;
import dev.failuremodes.Symptom;
import dev.failuremodes.internal.CatalogData;
import java.util.List;
import java.util.Map;

/** Writes catalog values as the JSON the validator reads, so that writing and reading back gives equal values. */
public final class CatalogWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CatalogWriter() {}

  /** Returns the whole catalog as a JSON tree, fields in schema order. */
  public static ObjectNode tree(CatalogData data) {
    ObjectNode root = NODES.objectNode();
    root.put("schemaVersion", data.schemaVersion());
    root.put("catalogVersion", data.catalogVersion());
    ArrayNode stages = root.putArray("stages");
    for (Map.Entry<Stage, CatalogData.StageEntry> e : data.stages().entrySet()) {
      ObjectNode s = stages.addObject();
      s.put("id", e.getKey().id());
      s.put("name", e.getValue().name());
      s.put("debuggingOrder", e.getKey().debuggingOrder());
      s.put("description", e.getValue().description());
    }
    if (!data.metrics().isEmpty()) {
      ArrayNode metrics = root.putArray("metrics");
      data.metrics().forEach(m -> metrics.add(metric(m)));
    }
    ArrayNode symptoms = root.putArray("symptoms");
    data.symptoms().forEach(s -> symptoms.add(symptom(s)));
    ArrayNode modes = root.putArray("failureModes");
    data.failureModes().forEach(m -> modes.add(failureMode(m)));
    ArrayNode fixes = root.putArray("fixes");
    data.fixes().forEach(f -> fixes.add(fix(f)));
    ArrayNode cases = root.putArray("caseStudies");
    data.caseStudies().forEach(c -> cases.add(caseStudy(c)));
    data.guidance().ifPresent(g -> root.set("guidance", guidance(g)));
    return root;
  }

  /** Returns one symptom as JSON. */
  public static ObjectNode symptom(Symptom s) {
    ObjectNode n = NODES.objectNode();
    n.put("id", s.id());
    n.put("name", s.name());
    n.put("stage", s.stage().id());
    n.put("description", s.description());
    strings(n, "aliases", s.aliases());
    if (!s.signals().isEmpty()) {
      ArrayNode signals = n.putArray("signals");
      for (Signal signal : s.signals()) {
        ObjectNode g = signals.addObject();
        g.put("metric", signal.metric());
        g.put("comparator", signal.comparator().symbol());
        g.put("threshold", signal.threshold());
        g.put("source", signal.source());
      }
    }
    deprecation(n, s.deprecated(), s.replacedBy().orElse(null));
    return n;
  }

  /** Returns one metric as JSON. */
  public static ObjectNode metric(Metric m) {
    ObjectNode n = NODES.objectNode();
    n.put("id", m.id());
    n.put("name", m.name());
    n.put("description", m.description());
    strings(n, "aliases", m.aliases());
    m.min().ifPresent(v -> n.put("min", v));
    m.max().ifPresent(v -> n.put("max", v));
    return n;
  }

  /** Returns one failure mode as JSON. */
  public static ObjectNode failureMode(FailureMode m) {
    ObjectNode n = NODES.objectNode();
    n.put("id", m.id());
    n.put("name", m.name());
    n.put("stage", m.stage().id());
    n.put("summary", m.summary());
    n.put("description", m.description());
    strings(n, "aliases", m.aliases());
    ArrayNode indicators = n.putArray("indicators");
    for (Indicator i : m.indicators()) {
      indicators.addObject().put("symptom", i.symptom()).put("weight", i.weight());
    }
    n.set("mechanisms", array(m.mechanisms()));
    n.set("fixes", array(m.fixes()));
    if (!m.detection().isEmpty()) {
      ArrayNode detection = n.putArray("detection");
      for (DetectionMethod d : m.detection()) {
        ObjectNode o = detection.addObject();
        d.id().ifPresent(id -> o.put("id", id));
        o.put("name", d.name()).put("description", d.description()).put("effectiveness", d.effectiveness().id());
        d.effort().ifPresent(e -> o.put("effort", e.id()));
        d.observes().ifPresent(t -> o.put("observes", t));
        d.positive().ifPresent(t -> o.put("positive", t));
        d.negative().ifPresent(t -> o.put("negative", t));
        if (!d.predicts().isEmpty()) {
          ObjectNode predicts = o.putObject("predicts");
          d.predicts().forEach((mode, outcome) -> predicts.put(mode, outcome.id()));
        }
        d.source().ifPresent(r -> o.set("source", reference(r)));
      }
    }
    if (!m.related().isEmpty()) {
      ArrayNode related = n.putArray("related");
      for (RelatedMode r : m.related()) {
        related.addObject().put("mode", r.mode()).put("relation", r.relation().id());
      }
    }
    references(n, m.references());
    if (!m.presentations().isEmpty()) {
      ArrayNode presentations = n.putArray("presentations");
      for (Presentation p : m.presentations()) {
        presentations.addObject().put("text", p.text()).set("source", reference(p.source()));
      }
    }
    deprecation(n, m.deprecated(), m.replacedBy().orElse(null));
    return n;
  }

  /** Returns one fix as JSON. */
  public static ObjectNode fix(Fix f) {
    ObjectNode n = NODES.objectNode();
    n.put("id", f.id());
    n.put("name", f.name());
    n.put("description", f.description());
    n.put("stage", f.stage().id());
    n.put("leverage", f.leverage().id());
    n.put("effort", f.effort().id());
    deprecation(n, f.deprecated(), f.replacedBy().orElse(null));
    return n;
  }

  /** Returns one case study as JSON. */
  public static ObjectNode caseStudy(CaseStudy c) {
    ObjectNode n = NODES.objectNode();
    n.put("id", c.id());
    n.put("organisation", c.organisation());
    n.put("domain", c.domain());
    n.put("summary", c.summary());
    n.set("failureModes", array(c.failureModes()));
    references(n, c.references());
    return n;
  }

  /** Returns the guidance as JSON. */
  public static ObjectNode guidance(Guidance g) {
    ObjectNode n = NODES.objectNode();
    n.set("probes", array(g.probes()));
    n.set("assesses", array(g.assesses()));
    n.put("framing", g.framing());
    n.set("checklist", array(g.checklist()));
    return n;
  }

  private static void references(ObjectNode n, List<Reference> references) {
    if (references.isEmpty()) {
      return;
    }
    ArrayNode out = n.putArray("references");
    references.forEach(r -> out.add(reference(r)));
  }

  private static ObjectNode reference(Reference r) {
    ObjectNode o = NODES.objectNode();
    o.put("title", r.title());
    o.put("authors", r.authors());
    o.put("year", r.year());
    r.doi().ifPresent(d -> o.put("doi", d));
    r.url().ifPresent(u -> o.put("url", u));
    return o;
  }

  private static void deprecation(ObjectNode n, boolean deprecated, String replacedBy) {
    if (deprecated) {
      n.put("deprecated", true);
    }
    if (replacedBy != null) {
      n.put("replacedBy", replacedBy);
    }
  }

  private static void strings(ObjectNode n, String field, List<String> values) {
    if (!values.isEmpty()) {
      n.set(field, array(values));
    }
  }

  private static ArrayNode array(List<String> values) {
    ArrayNode a = NODES.arrayNode();
    values.forEach(a::add);
    return a;
  }
}
