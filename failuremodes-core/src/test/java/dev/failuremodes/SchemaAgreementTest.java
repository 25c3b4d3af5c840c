package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schema and the library's loader judge the same documents alike. Each mutation of the bundled
 * catalog goes through both; they must agree on accepting or rejecting it. What JSON Schema cannot express by nature
 * (references between entries, unique ids, cycles, uniqueness by one field, comparisons between two fields, duplicate
 * keys, which its data model does not have) is listed here as a loader-only rejection, with the reason, rather than
 * left out.
 */
class SchemaAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUNDLED = read("dev/failuremodes/catalog/catalog.json");
  private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(read("dev/failuremodes/catalog/catalog.schema.json"));
  private static final Map<Verdict, List<String>> SEEN = new TreeMap<>();
  private static final Mutation UNCHANGED =
      new Mutation("the bundled catalog unchanged", Verdict.BOTH_ACCEPT, false, t -> t, "");

  /** What a mutation should meet. */
  enum Verdict {
    BOTH_ACCEPT,
    BOTH_REJECT,
    /** JSON Schema cannot express the rule; only the loader rejects. */
    LOADER_ONLY
  }

  /**
   * One change to the bundled catalog, as the text of the changed document; {@code tree} if made on the tree. A
   * loader-only rejection names what the loader must say, so that it is rejected for the rule it breaks.
   */
  record Mutation(String name, Verdict verdict, boolean tree, Function<String, String> change, String loaderSays) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String read(String resource) {
    try (InputStream in = SchemaAgreementTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Mutation tree(String name, Verdict verdict, Consumer<ObjectNode> change) {
    return new Mutation(name, verdict, true, text -> {
      try {
        ObjectNode root = (ObjectNode) JSON.readTree(text);
        change.accept(root);
        return JSON.writeValueAsString(root);
      } catch (JsonProcessingException e) {
        throw new AssertionError(e);
      }
    }, "");
  }

  private static Mutation loaderOnly(String name, String loaderSays, Consumer<ObjectNode> change) {
    Mutation m = tree(name, Verdict.LOADER_ONLY, change);
    return new Mutation(name, m.verdict(), true, m.change(), loaderSays);
  }

  private static Mutation text(String name, Verdict verdict, Function<String, String> change) {
    return new Mutation(name, verdict, false, change, "");
  }

  private static ObjectNode entry(ObjectNode root, String section, int i) {
    return (ObjectNode) root.withArray(section).get(i);
  }

  private static ObjectNode symptom(ObjectNode root, int i) {
    return entry(root, "symptoms", i);
  }

  private static ObjectNode mode(ObjectNode root, int i) {
    return entry(root, "failureModes", i);
  }

  private static ObjectNode fix(ObjectNode root, int i) {
    return entry(root, "fixes", i);
  }

  private static ObjectNode indicator(ObjectNode root) {
    return (ObjectNode) mode(root, 0).withArray("indicators").get(0);
  }

  private static ObjectNode withSignals(ObjectNode root) {
    for (var s : root.withArray("symptoms")) {
      if (s.has("signals")) {
        return (ObjectNode) s;
      }
    }
    throw new AssertionError("no symptom with signals");
  }

  private static ObjectNode reference(ObjectNode root) {
    for (var m : root.withArray("failureModes")) {
      if (m.has("references")) {
        return (ObjectNode) m.get("references").get(0);
      }
    }
    throw new AssertionError("no failure mode with references");
  }

  private static String id(ObjectNode entry) {
    return entry.get("id").textValue();
  }

  private static void relate(ObjectNode from, ObjectNode to, String relation) {
    from.withArray("related").addObject().put("mode", id(to)).put("relation", relation);
  }

  static List<Mutation> mutations() {
    List<Mutation> m = new ArrayList<>();
    Verdict accept = Verdict.BOTH_ACCEPT;
    Verdict reject = Verdict.BOTH_REJECT;

    m.add(UNCHANGED);
    m.add(tree("optional aliases left out", accept, r -> symptom(r, 0).remove("aliases")));
    m.add(tree("aliases empty", accept, r -> symptom(r, 0).putArray("aliases")));
    m.add(tree("weight exactly 1", accept, r -> indicator(r).put("weight", 1)));
    m.add(tree("deprecated with a replacement", accept,
        r -> symptom(r, 0).put("deprecated", true).put("replacedBy", id(symptom(r, 1)))));
    m.add(tree("tab and line breaks in a description", accept,
        r -> symptom(r, 0).put("description", "Line one\n\tline two\r\n")));
    m.add(tree("a character beyond the BMP in a name", accept, r -> symptom(r, 0).put("name", "Gap \uD83D\uDCC9")));
    m.add(text("a year written with a zero fraction", accept,
        t -> t.replaceFirst("\"year\": (\\d+)", "\"year\": $1.0")));
    m.add(tree("caseStudies left out", accept, r -> r.remove("caseStudies")));
    m.add(tree("guidance left out", accept, r -> r.remove("guidance")));
    m.add(tree("a metric without a range", accept, r -> entry(r, "metrics", 0).remove(List.of("min", "max"))));

    m.add(tree("a symptom without its name", reject, r -> symptom(r, 0).remove("name")));
    m.add(tree("a failure mode without indicators", reject, r -> mode(r, 0).remove("indicators")));
    m.add(tree("no catalogVersion", reject, r -> r.remove("catalogVersion")));
    m.add(tree("no failureModes section", reject, r -> r.remove("failureModes")));
    m.add(tree("an empty catalog: no symptoms, fixes or failureModes", reject,
        r -> r.remove(List.of("symptoms", "fixes", "failureModes", "caseStudies"))));
    m.add(tree("failureModes empty", reject, r -> {
      r.putArray("failureModes");
      r.remove("caseStudies");
    }));
    m.add(tree("a weight as a string", reject, r -> indicator(r).put("weight", "0.5")));
    m.add(tree("a name as a number", reject, r -> symptom(r, 0).put("name", 7)));
    m.add(tree("aliases as a string", reject, r -> symptom(r, 0).put("aliases", "drift")));
    m.add(tree("deprecated as a string", reject, r -> fix(r, 0).put("deprecated", "yes")));
    m.add(tree("a year as a string", reject, r -> reference(r).put("year", "2020")));
    m.add(tree("an empty name", reject, r -> symptom(r, 0).put("name", "")));
    m.add(tree("a blank name", reject, r -> fix(r, 0).put("name", "   ")));
    m.add(tree("weight 0", reject, r -> indicator(r).put("weight", 0)));
    m.add(tree("weight 1.5", reject, r -> indicator(r).put("weight", 1.5)));
    m.add(tree("weight -0.1", reject, r -> indicator(r).put("weight", -0.1)));
    m.add(tree("year 1800", reject, r -> reference(r).put("year", 1800)));
    m.add(tree("an unknown stage", reject, r -> symptom(r, 0).put("stage", "training")));
    m.add(tree("stage 'Data' in the wrong case", reject, r -> mode(r, 0).put("stage", "Data")));
    m.add(tree("level 'High' in the wrong case", reject, r -> fix(r, 0).put("leverage", "High")));
    m.add(tree("an unknown comparator", reject,
        r -> ((ObjectNode) withSignals(r).get("signals").get(0)).put("comparator", "=>")));
    m.add(tree("an unknown relation", reject, r -> relate(mode(r, 0), mode(r, 1), "sibling-of")));
    m.add(tree("an unknown field at the root", reject, r -> r.put("owner", "me")));
    m.add(tree("an unknown field in a failure mode", reject, r -> mode(r, 0).put("sevrity", "high")));
    m.add(tree("an unknown field in an indicator", reject, r -> indicator(r).put("weigth", 0.5)));
    m.add(tree("aliases null", reject, r -> symptom(r, 0).putNull("aliases")));
    m.add(tree("indicators null", reject, r -> mode(r, 0).putNull("indicators")));
    m.add(tree("a description null", reject, r -> fix(r, 0).putNull("description")));
    m.add(tree("guidance null", reject, r -> r.putNull("guidance")));
    m.add(tree("replacedBy null", reject, r -> symptom(r, 0).put("deprecated", true).putNull("replacedBy")));
    m.add(tree("an id not in kebab-case", reject, r -> fix(r, 0).put("id", "Strict_Split")));
    m.add(tree("a NUL character in a name", reject, r -> symptom(r, 0).put("name", "Gap\u0000")));
    m.add(tree("an escape character in an alias", reject, r -> symptom(r, 0).withArray("aliases").add("\u001B[31m")));
    m.add(tree("a lone surrogate in a description", reject, r -> mode(r, 0).put("description", "cut \uD83D here")));
    m.add(tree("schemaVersion 4", reject, r -> r.put("schemaVersion", 4)));
    m.add(tree("schemaVersion 2 with checks", reject, r -> r.put("schemaVersion", 2)));
    m.add(tree("schemaVersion 1 with metrics", reject, r -> r.put("schemaVersion", 1)));
    m.add(tree("schemaVersion 1 with presentations", reject, r -> {
      r.put("schemaVersion", 1);
      r.remove("metrics");
    }));
    m.add(tree("mechanisms empty", reject, r -> mode(r, 0).putArray("mechanisms")));
    m.add(tree("a reference without doi or url", reject, r -> reference(r).remove(List.of("doi", "url"))));
    m.add(tree("five stages", reject, r -> r.withArray("stages").remove(5)));
    m.add(tree("a stage listed twice", reject, r -> ((ArrayNode) r.get("stages"))
        .set(5, r.withArray("stages").get(1).deepCopy())));
    m.add(tree("a stage out of its debugging order", reject,
        r -> entry(r, "stages", 1).put("debuggingOrder", 3)));
    m.add(tree("replacedBy without deprecated", reject, r -> symptom(r, 0).put("replacedBy", id(symptom(r, 1)))));
    m.add(tree("a fix listed twice in a failure mode", reject,
        r -> mode(r, 0).withArray("fixes").add(mode(r, 0).get("fixes").get(0).textValue())));
    m.add(tree("a blank catalogVersion", reject, r -> r.put("catalogVersion", " ")));
    m.add(tree("a metric's min as a string", reject, r -> entry(r, "metrics", 0).put("min", "0")));
    // JSON numbers are unbounded, but both read doubles: the validator too finds no number in an infinity.
    m.add(text("a threshold beyond a double", reject,
        t -> t.replaceFirst("\"threshold\": [-0-9.eE]+", "\"threshold\": 1e400")));

    // Beyond JSON Schema: it validates each value alone and cannot follow an id to another entry.
    m.add(loaderOnly("a symptom id defined twice", "duplicate symptom id",
        r -> r.withArray("symptoms").add(symptom(r, 0).deepCopy().put("name", "Another"))));
    m.add(loaderOnly("a failure mode id defined twice", "duplicate failure mode id",
        r -> r.withArray("failureModes").add(mode(r, 0).deepCopy())));
    m.add(loaderOnly("an indicator naming an unknown symptom", "unknown symptom 'no-such-symptom'",
        r -> indicator(r).put("symptom", "no-such-symptom")));
    m.add(loaderOnly("an unknown fix", "unknown fix 'no-such-fix'",
        r -> mode(r, 0).withArray("fixes").add("no-such-fix")));
    m.add(loaderOnly("an unknown related mode", "unknown failure mode 'no-such-mode'",
        r -> mode(r, 0).withArray("related").addObject().put("mode", "no-such-mode").put("relation", "peer-of")));
    m.add(loaderOnly("a case study naming an unknown failure mode", "unknown failure mode 'no-such-mode'",
        r -> entry(r, "caseStudies", 0).withArray("failureModes").add("no-such-mode")));
    m.add(loaderOnly("an unknown replacement", "unknown fix 'no-such-fix'",
        r -> fix(r, 0).put("deprecated", true).put("replacedBy", "no-such-fix")));
    m.add(loaderOnly("a signal naming an unknown metric", "unknown metric 'no-such-metric'",
        r -> ((ObjectNode) withSignals(r).get("signals").get(0)).put("metric", "no-such-metric")));
    m.add(loaderOnly("a child-of cycle", "child-of cycle", r -> {
      relate(mode(r, 0), mode(r, 1), "child-of");
      relate(mode(r, 1), mode(r, 0), "child-of");
    }));
    m.add(loaderOnly("a can-precede cycle through three modes", "can-precede cycle", r -> {
      relate(mode(r, 0), mode(r, 1), "can-precede");
      relate(mode(r, 1), mode(r, 2), "can-precede");
      relate(mode(r, 2), mode(r, 0), "can-precede");
    }));
    m.add(loaderOnly("a symptom replaced by itself", "cannot be replaced by itself",
        r -> symptom(r, 0).put("deprecated", true).put("replacedBy", id(symptom(r, 0)))));
    m.add(loaderOnly("a replacement cycle", "replacement cycle", r -> {
      fix(r, 0).put("deprecated", true).put("replacedBy", id(fix(r, 1)));
      fix(r, 1).put("deprecated", true).put("replacedBy", id(fix(r, 0)));
    }));
    m.add(loaderOnly("a failure mode related to itself", "cannot be related to itself",
        r -> relate(mode(r, 0), mode(r, 0), "peer-of")));
    m.add(loaderOnly("a check predicting an unknown failure mode", "unknown failure mode 'no-such-mode'",
        r -> ((ObjectNode) mode(r, 0).get("detection").get(0).get("predicts")).put("no-such-mode", "positive")));
    m.add(loaderOnly("a check id defined twice", "duplicate check id",
        r -> ((ObjectNode) mode(r, 1).get("detection").get(0)).put("id", mode(r, 0).get("detection").get(0).get("id")
            .textValue())));
    // Uniqueness by one field of an object, and an order between two fields, are not JSON Schema keywords.
    m.add(loaderOnly("one symptom twice among a mode's indicators", "is already an indicator",
        r -> mode(r, 0).withArray("indicators").add(indicator(r).deepCopy().put("weight", 0.2))));
    m.add(loaderOnly("a metric's min above its max", "is above max",
        r -> entry(r, "metrics", 0).put("min", 5).put("max", 1)));
    // The JSON data model behind JSON Schema has no duplicate keys; the loader reads the text and refuses them.
    m.add(new Mutation("a key twice in one object", Verdict.LOADER_ONLY, false,
        t -> t.replaceFirst("\"catalogVersion\"", "\"catalogVersion\": \"x\", \"catalogVersion\""),
        "Duplicate field 'catalogVersion'"));
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void schemaAndLoader_agree(Mutation mutation) {
    String json = mutation.change().apply(BUNDLED);
    if (mutation != UNCHANGED) {
      String unchanged = mutation.tree() ? tree("", Verdict.BOTH_ACCEPT, r -> { }).change().apply(BUNDLED) : BUNDLED;
      assertThat(json).as("the mutation changes the document").isNotEqualTo(unchanged);
    }

    List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
    String loaderProblems;
    try {
      Catalog.parse(json, mutation.name());
      loaderProblems = "";
    } catch (CatalogException e) {
      loaderProblems = e.getMessage();
    }
    boolean schemaAccepts = errors.isEmpty();
    boolean loaderAccepts = loaderProblems.isEmpty();
    String both = "schema: " + errors + "\nloader: " + loaderProblems;

    switch (mutation.verdict()) {
      case BOTH_ACCEPT -> {
        assertThat(schemaAccepts).as("schema accepts\n" + both).isTrue();
        assertThat(loaderAccepts).as("loader accepts\n" + both).isTrue();
      }
      case BOTH_REJECT -> {
        assertThat(schemaAccepts).as("schema rejects\n" + both).isFalse();
        assertThat(loaderAccepts).as("loader rejects\n" + both).isFalse();
      }
      case LOADER_ONLY -> {
        assertThat(schemaAccepts).as("schema accepts (it cannot express this rule)\n" + both).isTrue();
        assertThat(loaderProblems).as("loader rejects for this rule\n" + both).contains(mutation.loaderSays());
        assertThat(loaderAccepts).as("loader rejects\n" + both).isFalse();
      }
    }
    synchronized (SEEN) {
      SEEN.computeIfAbsent(mutation.verdict(), v -> new ArrayList<>()).add(mutation.name());
    }
  }

  @Test
  void mutations_coverAtLeastFortyCasesOfEveryKind() {
    List<Mutation> all = mutations();
    Map<Verdict, Long> counts = all.stream().collect(Collectors.groupingBy(Mutation::verdict, TreeMap::new,
        Collectors.counting()));

    assertThat(all).hasSizeGreaterThanOrEqualTo(40);
    assertThat(all).extracting(Mutation::name).doesNotHaveDuplicates();
    assertThat(counts).containsOnlyKeys(Verdict.values());
  }

  @AfterAll
  static void printSummary() {
    SEEN.forEach((verdict, names) -> System.out.println(verdict + " (" + names.size() + "): " + names));
  }
}
