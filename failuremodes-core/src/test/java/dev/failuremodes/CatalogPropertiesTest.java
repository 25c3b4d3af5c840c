package dev.failuremodes;

import static dev.failuremodes.Generators.qt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Catalogs written by {@link Catalog#toJson()} read back equal, for small generated catalogs of both schema versions
 * (random but valid metrics, symptoms with signals, failure modes, fixes, case studies and guidance, with text in any
 * script, quotes, escapes and line breaks, and weights and thresholds at the edges of the double range), and for
 * the bundled catalog extended with such entries ({@code CatalogLoadingTest} holds the bundled one alone).
 */
class CatalogPropertiesTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static final List<String> TEXTS = List.of("Large train-test gap", "a", "Ünïcödé façade", "中文描述",
      "עברית", "emoji 😀 and 👩‍💻", "quotes \" and \\ backslashes", "line\nbreak\tand tab", "  padded  ",
      "delete \u007f and next-line \u0085", "zero\u200bwidth", "right-to-left \u202e override",
      "pair \ud83d\ude00 of surrogates", "carriage\rreturn", "€ £ ¥", "<b>html</b> & ampersand",
      "{\"json\": [1, 2]}", "x".repeat(300));

  private static final List<Double> WEIGHTS = List.of(1.0, 0.5, 0.1 + 0.2, 1e-9, Double.MIN_VALUE,
      Math.nextDown(1.0), 0.001, 0.999);

  private static final List<Double> NUMBERS = List.of(0.0, -0.0, 1.0, -1.0, 0.1 + 0.2, 1e308, -1e308,
      Double.MIN_VALUE, 123456789.123, 1e-300, 0.25, 100.0);

  private static final List<String> LEVELS = List.of("low", "medium", "high");

  private static final List<String> COMPARATORS = List.of(">", ">=", "<", "<=");

  private static final List<String> RELATIONS = List.of("can-precede", "can-follow", "peer-of", "child-of",
      "parent-of");

  private static int between(RandomnessSource in, int lo, int hi) {
    return (int) in.next(Constraint.between(lo, hi));
  }

  private static <T> T pick(RandomnessSource in, List<T> from) {
    return from.get(between(in, 0, from.size() - 1));
  }

  private static String text(RandomnessSource in) {
    return pick(in, TEXTS);
  }

  private static ArrayNode texts(RandomnessSource in, int min, int max) {
    ArrayNode out = JSON.arrayNode();
    for (int i = between(in, min, max); i > 0; i--) {
      out.add(text(in));
    }
    return out;
  }

  private static String stage(RandomnessSource in) {
    return pick(in, Stage.inDebuggingOrder()).id();
  }

  private static ObjectNode reference(RandomnessSource in) {
    ObjectNode r = JSON.objectNode().put("title", text(in)).put("authors", text(in))
        .put("year", between(in, 1900, 2100));
    int links = between(in, 1, 3); // a reference needs a doi, a url or both
    if ((links & 1) != 0) {
      r.put("url", "https://example.org/" + between(in, 0, 999));
    }
    if ((links & 2) != 0) {
      r.put("doi", "10.1000/" + between(in, 0, 999));
    }
    return r;
  }

  /** A valid catalog document: every id unique and well formed, every reference resolved. */
  static Gen<ObjectNode> catalogs(String idPrefix) {
    return in -> {
      int version = between(in, 1, 2);
      ObjectNode root = JSON.objectNode().put("schemaVersion", version).put("catalogVersion", text(in));
      ArrayNode stages = root.putArray("stages");
      for (Stage s : Stage.inDebuggingOrder()) {
        stages.addObject().put("id", s.id()).put("name", text(in)).put("debuggingOrder", s.debuggingOrder())
            .put("description", text(in));
      }
      List<String> metrics = new ArrayList<>();
      if (version == 2) {
        ArrayNode section = root.putArray("metrics");
        for (int i = between(in, 0, 3); i > 0; i--) {
          String id = idPrefix + "metric-" + i;
          metrics.add(id);
          ObjectNode m = section.addObject().put("id", id).put("name", text(in)).put("description", text(in));
          m.set("aliases", texts(in, 0, 2));
          double min = pick(in, NUMBERS);
          if (between(in, 0, 1) == 1) {
            m.put("min", min);
          }
          if (between(in, 0, 1) == 1) {
            m.put("max", Math.max(min, pick(in, NUMBERS)));
          }
        }
      }
      List<String> symptoms = new ArrayList<>();
      ArrayNode symptomSection = root.putArray("symptoms");
      for (int i = between(in, 1, 4); i > 0; i--) {
        String id = idPrefix + "symptom-" + i;
        ObjectNode s = symptomSection.addObject().put("id", id).put("name", text(in)).put("stage", stage(in))
            .put("description", text(in));
        s.set("aliases", texts(in, 0, 2));
        if (!metrics.isEmpty() && between(in, 0, 1) == 1) {
          s.putArray("signals").addObject().put("metric", pick(in, metrics)).put("comparator", pick(in, COMPARATORS))
              .put("threshold", pick(in, NUMBERS)).put("source", text(in));
        }
        if (!symptoms.isEmpty() && between(in, 0, 3) == 0) {
          s.put("deprecated", true).put("replacedBy", pick(in, symptoms));
        }
        symptoms.add(id);
      }
      List<String> fixes = new ArrayList<>();
      ArrayNode fixSection = root.putArray("fixes");
      for (int i = between(in, 1, 3); i > 0; i--) {
        String id = idPrefix + "fix-" + i;
        fixes.add(id);
        fixSection.addObject().put("id", id).put("name", text(in)).put("description", text(in)).put("stage", stage(in))
            .put("leverage", pick(in, LEVELS)).put("effort", pick(in, LEVELS));
      }
      int modeCount = between(in, 1, 3);
      List<String> modes = new ArrayList<>();
      for (int i = 1; i <= modeCount; i++) {
        modes.add(idPrefix + "mode-" + i);
      }
      ArrayNode modeSection = root.putArray("failureModes");
      for (String id : modes) {
        ObjectNode m = modeSection.addObject().put("id", id).put("name", text(in)).put("stage", stage(in))
            .put("summary", text(in)).put("description", text(in));
        m.set("aliases", texts(in, 0, 2));
        ArrayNode indicators = m.putArray("indicators");
        List<String> unused = new ArrayList<>(symptoms);
        for (int k = between(in, 1, Math.min(3, symptoms.size())); k > 0; k--) {
          String symptom = unused.remove(between(in, 0, unused.size() - 1));
          indicators.addObject().put("symptom", symptom).put("weight", pick(in, WEIGHTS));
        }
        m.set("mechanisms", texts(in, 1, 2));
        ArrayNode modeFixes = m.putArray("fixes");
        List<String> unusedFixes = new ArrayList<>(fixes);
        for (int k = between(in, 1, fixes.size()); k > 0; k--) {
          modeFixes.add(unusedFixes.remove(between(in, 0, unusedFixes.size() - 1)));
        }
        if (between(in, 0, 1) == 1) {
          m.putArray("detection").addObject().put("name", text(in)).put("description", text(in))
              .put("effectiveness", pick(in, LEVELS));
        }
        // Only to a mode listed before it: each mode then relates to at most one earlier one, so relations form no
        // can-precede or child-of cycle, which a valid catalog may not hold.
        int position = modes.indexOf(id);
        if (position > 0 && between(in, 0, 1) == 1) {
          String other = pick(in, modes.subList(0, position));
          m.putArray("related").addObject().put("mode", other).put("relation", pick(in, RELATIONS));
        }
        if (between(in, 0, 1) == 1) {
          m.putArray("references").add(reference(in));
        }
        if (version == 2 && between(in, 0, 1) == 1) {
          m.putArray("presentations").addObject().put("text", text(in)).set("source", reference(in));
        }
      }
      if (between(in, 0, 1) == 1) {
        ObjectNode c = root.putArray("caseStudies").addObject().put("id", idPrefix + "case-1")
            .put("organisation", text(in)).put("domain", text(in)).put("summary", text(in));
        c.putArray("failureModes").add(pick(in, modes));
      }
      if (idPrefix.isEmpty() && between(in, 0, 1) == 1) {
        ObjectNode g = root.putObject("guidance").put("framing", text(in));
        g.set("probes", texts(in, 0, 2));
        g.set("checklist", texts(in, 0, 2));
      }
      return root;
    };
  }

  @Test
  void parse_toJsonOfAGeneratedCatalog_givesAnEqualCatalog() {
    qt().forAll(catalogs("")).checkAssert(document -> {
      Catalog catalog = Catalog.parse(document.toString(), "generated.json");
      String json = catalog.toJson();
      Catalog again = Catalog.parse(json, "round-trip.json");

      assertThat(again).isEqualTo(catalog).hasSameHashCodeAs(catalog);
      assertThat(again.toJson()).isEqualTo(json);
    });
  }

  @Test
  void parse_toJsonOfTheBundledCatalogExtendedWithGeneratedEntries_givesAnEqualCatalog() {
    Catalog bundled = FailureModes.catalog();
    qt().withExamples(Math.min(20, Generators.EXAMPLES)).forAll(catalogs("generated-")).checkAssert(document -> {
      for (String bundledOnly : List.of("stages", "catalogVersion", "guidance")) {
        document.remove(bundledOnly);
      }
      document.put("schemaVersion", 2);
      Catalog extended = bundled.extend().addJson(document.toString(), "generated.json").build();

      assertThat(Catalog.parse(extended.toJson(), "round-trip.json")).isEqualTo(extended);
      assertThat(extended.failureModes()).hasSize(bundled.failureModes().size() + document.get("failureModes").size());
    });
  }
}
