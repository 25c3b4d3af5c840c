package dev.failuremodes.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.failuremodes.Catalog;
import dev.failuremodes.FailureModes;
import java.util.Random;

/**
 * Makes synthetic catalogs as large as wanted from the bundled one, for measuring how load time and query time grow
 * with a catalog's size. Copy {@code k} of every symptom, failure mode and fix gets ids, names and aliases of its
 * own, and half of the words of its texts replaced by words made for that copy, so that a larger catalog has a
 * larger vocabulary, as a real one would, while keeping the bundled catalog's common words. Case studies, metrics
 * and guidance are kept once. Deterministic for a given number of copies.
 */
public final class SyntheticCatalogs {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SyntheticCatalogs() {}

  /** Copies per extension document, so that each stays well under the 16 MiB read limit of one document. */
  private static final int COPIES_PER_DOCUMENT = 20;

  /**
   * Returns a catalog with {@code copies} copies of the bundled catalog's symptoms, failure modes and fixes (1 = the
   * bundled one), loaded as the bundled catalog extended by documents of up to 20 copies each.
   */
  public static Catalog catalog(int copies) {
    Catalog.Extension extension = FailureModes.catalog().extend();
    for (String json : documents(copies)) {
      extension.addJson(json, "synthetic");
    }
    return extension.build();
  }

  /** Returns the extension documents that add copies 2 to {@code copies}, as JSON. */
  public static java.util.List<String> documents(int copies) {
    try {
      ObjectNode bundled = (ObjectNode) MAPPER.readTree(FailureModes.catalog().toJson());
      java.util.List<String> out = new java.util.ArrayList<>();
      for (int from = 1; from < copies; from += COPIES_PER_DOCUMENT) {
        ObjectNode document = MAPPER.createObjectNode();
        document.put("schemaVersion", bundled.get("schemaVersion").asInt());
        for (String section : new String[] {"symptoms", "failureModes", "fixes"}) {
          ArrayNode all = document.putArray(section);
          for (int k = from; k < Math.min(copies, from + COPIES_PER_DOCUMENT); k++) {
            Random random = new Random(31L * k + section.hashCode());
            for (JsonNode entry : bundled.get(section)) {
              all.add(copy((ObjectNode) entry.deepCopy(), k, random));
            }
          }
        }
        out.add(MAPPER.writeValueAsString(document));
      }
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ObjectNode copy(ObjectNode entry, int k, Random random) {
    String suffix = "-c" + k;
    entry.put("id", entry.get("id").asText() + suffix);
    entry.put("name", entry.get("name").asText() + " copy " + k);
    if (entry.has("aliases")) {
      ArrayNode aliases = MAPPER.createArrayNode();
      entry.get("aliases").forEach(a -> aliases.add(a.asText() + " copy " + k));
      entry.set("aliases", aliases);
    }
    for (String text : new String[] {"summary", "description"}) {
      if (entry.has(text)) {
        entry.put(text, vary(entry.get(text).asText(), k, random));
      }
    }
    for (String list : new String[] {"mechanisms"}) {
      if (entry.has(list)) {
        ArrayNode varied = MAPPER.createArrayNode();
        entry.get(list).forEach(t -> varied.add(vary(t.asText(), k, random)));
        entry.set(list, varied);
      }
    }
    if (entry.has("presentations")) {
      entry.get("presentations").forEach(p -> ((ObjectNode) p).put("text", vary(p.get("text").asText(), k, random)));
    }
    if (entry.has("indicators")) {
      entry.get("indicators").forEach(i -> ((ObjectNode) i).put("symptom", i.get("symptom").asText() + suffix));
    }
    if (entry.has("fixes")) {
      ArrayNode fixes = MAPPER.createArrayNode();
      entry.get("fixes").forEach(f -> fixes.add(f.asText() + suffix));
      entry.set("fixes", fixes);
    }
    if (entry.has("related")) {
      entry.get("related").forEach(r -> ((ObjectNode) r).put("mode", r.get("mode").asText() + suffix));
    }
    if (entry.has("replacedBy")) {
      entry.put("replacedBy", entry.get("replacedBy").asText() + suffix);
    }
    if (entry.has("detection")) {
      entry.get("detection").forEach(d -> {
        ObjectNode o = (ObjectNode) d;
        if (o.has("id")) {
          o.set("id", new TextNode(o.get("id").asText() + suffix));
        }
      });
    }
    return entry;
  }

  /** Replaces about half of the words of a text by words made for copy {@code k}. */
  private static String vary(String text, int k, Random random) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (String word : text.split(" ")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      boolean letters = word.length() > 3 && word.chars().allMatch(Character::isLetter);
      out.append(letters && random.nextBoolean() ? word + "q" + Integer.toString(k, 36) : word);
    }
    return out.toString();
  }
}
