package dev.failuremodes.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.CaseStudy;
import dev.failuremodes.CatalogException;
import dev.failuremodes.CatalogProblem;
import dev.failuremodes.Comparison;
import dev.failuremodes.DetectionMethod;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Fix;
import dev.failuremodes.Guidance;
import dev.failuremodes.Indicator;
import dev.failuremodes.Level;
import dev.failuremodes.Metric;
import dev.failuremodes.Presentation;
import dev.failuremodes.Reference;
import dev.failuremodes.RelatedMode;
import dev.failuremodes.Relation;
import dev.failuremodes.Signal;
import dev.failuremodes.Stage;
import dev.failuremodes.Symptom;
import dev.failuremodes.internal.CatalogData;
import dev.failuremodes.internal.Rules;
import dev.failuremodes.internal.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns one or more catalog documents (a base and its extensions) into validated {@link CatalogData}, reporting every
 * problem at once: structure and types field by field, then ids, then cross-references and cycles over the merged
 * result. The data is built only when there is no problem at all, so a bad catalog is never partly loaded.
 */
public final class CatalogValidator {
  /** The schema version this library writes; it reads this one and every earlier one. */
  public static final int SCHEMA_VERSION = 3;
  /** The oldest schema version this library reads. */
  public static final int OLDEST_SCHEMA_VERSION = 1;

  private static final List<String> ROOT_FIELDS =
      List.of("schemaVersion", "catalogVersion", "stages", "metrics", "symptoms", "failureModes", "fixes",
          "caseStudies", "guidance");
  private static final List<String> METRIC_FIELDS = List.of("id", "name", "description", "aliases", "min", "max");
  private static final List<String> STAGE_FIELDS = List.of("id", "name", "debuggingOrder", "description");
  private static final List<String> SYMPTOM_FIELDS =
      List.of("id", "name", "stage", "description", "aliases", "signals", "deprecated", "replacedBy");
  private static final List<String> SIGNAL_FIELDS = List.of("metric", "comparator", "threshold", "source");
  private static final List<String> MODE_FIELDS =
      List.of("id", "name", "stage", "summary", "description", "aliases", "indicators", "mechanisms", "fixes",
          "detection", "related", "references", "presentations", "deprecated", "replacedBy");
  private static final List<String> PRESENTATION_FIELDS = List.of("text", "source");
  private static final List<String> INDICATOR_FIELDS = List.of("symptom", "weight");
  private static final List<String> RELATED_FIELDS = List.of("mode", "relation");
  private static final List<String> REFERENCE_FIELDS = List.of("title", "authors", "year", "doi", "url");
  private static final List<String> FIX_FIELDS =
      List.of("id", "name", "description", "stage", "leverage", "effort", "deprecated", "replacedBy");
  private static final List<String> CASE_FIELDS =
      List.of("id", "organisation", "domain", "summary", "failureModes", "references");
  private static final List<String> GUIDANCE_FIELDS = List.of("probes", "assesses", "framing", "checklist");

  private static final List<String> STAGE_IDS = Arrays.stream(Stage.values()).map(Stage::id).collect(Collectors.toList());
  private static final List<String> LEVEL_IDS = Arrays.stream(Level.values()).map(Level::id).collect(Collectors.toList());
  private static final List<String> RELATION_IDS =
      Arrays.stream(Relation.values()).map(Relation::id).collect(Collectors.toList());
  private static final List<String> COMPARATORS =
      Arrays.stream(Comparison.values()).map(Comparison::symbol).collect(Collectors.toList());
  // A document names a choice by its exact id, as the schema's enums do: Stage.find's leniency ("Data",
  // "DEPLOYMENT_MONITORING") is for people typing queries, not for the published format.
  private static final Function<String, Optional<Stage>> STAGE = exact(Stage.values(), Stage::id);
  private static final Function<String, Optional<Level>> LEVEL = exact(Level.values(), Level::id);
  private static final Function<String, Optional<Relation>> RELATION = exact(Relation.values(), Relation::id);
  private static final Function<String, Optional<Comparison>> COMPARATOR =
      exact(Comparison.values(), Comparison::symbol);

  /**
   * How many ids may be compared in all to suggest near ones for unknown references: a suggestion compares the unknown
   * id with every id of its kind, so without a bound thousands of unknown ids in a large catalog take quadratic time.
   * The bundled catalog's kinds have under a hundred ids each, so five hundred unknown ids there all get suggestions.
   */
  static final int COMPARISONS = 50_000;

  /** One document: its name for messages and its parsed tree. */
  public record Layer(String source, JsonNode root) {}

  /**
   * Where an entry came from, what it refers to and what replaces it (or null); the value is null when the entry itself
   * has problems.
   */
  private record Entry<T>(T value, String source, String path, List<Ref> refs, String replacedBy) {}

  private enum Kind {
    METRIC("metric"),
    SYMPTOM("symptom"),
    FAILURE_MODE("failure mode"),
    FIX("fix");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /**
   * A reference by id from one entry to another, checked once every document is merged; {@code relation} is set for a
   * related mode whose relation could be read.
   */
  private record Ref(Kind kind, String id, String source, String path, String role, Relation relation) {
    Ref(Kind kind, String id, String source, String path, String role) {
      this(kind, id, source, path, role, null);
    }
  }

  private final List<CatalogProblem> problems = new ArrayList<>();
  private final Map<Stage, CatalogData.StageEntry> stages = new EnumMap<>(Stage.class);
  private final Map<Stage, String> stageOrigins = new EnumMap<>(Stage.class);
  private final Map<String, Entry<Metric>> metrics = new LinkedHashMap<>();
  private final Map<String, Entry<Symptom>> symptoms = new LinkedHashMap<>();
  private final Map<String, Entry<FailureMode>> modes = new LinkedHashMap<>();
  private final Map<String, Entry<Fix>> fixes = new LinkedHashMap<>();
  private final Map<String, Entry<CaseStudy>> caseStudies = new LinkedHashMap<>();
  /** Every reference of every entry read, duplicates and entries with problems included, in document order. */
  private final List<Ref> refs = new ArrayList<>();
  /** The kinds whose section the base document lacks or leaves empty: references to them are not reported again. */
  private final Set<Kind> missingSections = EnumSet.noneOf(Kind.class);
  private Guidance guidance;
  private String guidanceOrigin;
  /** The highest schema version among the documents read: the merged catalog needs that version's format. */
  private int schemaVersion = OLDEST_SCHEMA_VERSION;
  /** The schema version of the document being read. */
  private int layerVersion;
  private String catalogVersion;
  private final boolean override;

  private CatalogValidator(boolean override) {
    this.override = override;
  }

  /**
   * Validates and merges documents: the first is a complete catalog, the others extend it.
   *
   * @param override whether an entry in a later document may replace one with the same id in an earlier one
   * @throws CatalogException listing every problem, if there is any
   */
  public static CatalogData validate(List<Layer> layers, boolean override) {
    return Rules.validating(() -> new CatalogValidator(override).run(layers));
  }

  private CatalogData run(List<Layer> layers) {
    for (int i = 0; i < layers.size(); i++) {
      readLayer(layers.get(i), i == 0);
    }
    checkReferences();
    checkReplacementCycles(symptoms, Kind.SYMPTOM);
    checkReplacementCycles(fixes, Kind.FIX);
    checkReplacementCycles(modes, Kind.FAILURE_MODE);
    checkRelationCycles();
    checkChecks();
    if (!problems.isEmpty()) {
      throw new CatalogException(problems);
    }
    return data();
  }

  /** Returns a lookup of values by their exact id. */
  private static <E> Function<String, Optional<E>> exact(E[] values, Function<E, String> id) {
    Map<String, E> byId = new HashMap<>();
    for (E value : values) {
      byId.put(id.apply(value), value);
    }
    return key -> Optional.ofNullable(byId.get(key));
  }

  private CatalogData data() {
    return new CatalogData(
        schemaVersion,
        catalogVersion,
        stages,
        values(metrics),
        values(symptoms),
        values(modes),
        values(fixes),
        values(caseStudies),
        Optional.ofNullable(guidance));
  }

  private static <T> List<T> values(Map<String, Entry<T>> entries) {
    return entries.values().stream().map(Entry::value).collect(Collectors.toList());
  }

  private void readLayer(Layer layer, boolean base) {
    Fields f = new Fields(layer.source(), problems);
    JsonNode root = layer.root();
    if (!f.object(root, "$", ROOT_FIELDS)) {
      return;
    }
    Integer version = f.integer(root, "$", "schemaVersion", true);
    if (version != null && (version < OLDEST_SCHEMA_VERSION || version > SCHEMA_VERSION)) {
      f.problem(
          "$.schemaVersion",
          "unsupported schemaVersion "
              + version
              + "; this version of failuremodes reads schemaVersion "
              + OLDEST_SCHEMA_VERSION
              + " to "
              + SCHEMA_VERSION
              + " (use a failuremodes release that supports it, or convert the document)");
    }
    layerVersion = version == null ? SCHEMA_VERSION : version;
    schemaVersion = Math.max(schemaVersion, Math.min(layerVersion, SCHEMA_VERSION));
    String catalogVersionHere = f.text(root, "$", "catalogVersion", base);
    if (catalogVersionHere != null) {
      catalogVersion = catalogVersionHere;
    }
    readStages(f, root, base);
    List<JsonNode> items = List.of();
    if (root.has("metrics") && layerVersion < 2) {
      f.problem("$.metrics", "metrics need schemaVersion 2; this document declares schemaVersion " + layerVersion
          + " (set \"schemaVersion\": 2)");
    } else {
      items = f.array(root, "$", "metrics", false);
    }
    for (int i = 0; i < items.size(); i++) {
      readMetric(f, items.get(i), "$.metrics[" + i + "]");
    }
    // A complete catalog has at least one symptom, fix and failure mode; an extension adds to any section.
    items = section(f, root, "symptoms", Kind.SYMPTOM, base);
    for (int i = 0; i < items.size(); i++) {
      readSymptom(f, items.get(i), "$.symptoms[" + i + "]");
    }
    items = section(f, root, "fixes", Kind.FIX, base);
    for (int i = 0; i < items.size(); i++) {
      readFix(f, items.get(i), "$.fixes[" + i + "]");
    }
    items = section(f, root, "failureModes", Kind.FAILURE_MODE, base);
    for (int i = 0; i < items.size(); i++) {
      readMode(f, items.get(i), "$.failureModes[" + i + "]");
    }
    items = f.array(root, "$", "caseStudies", false);
    for (int i = 0; i < items.size(); i++) {
      readCaseStudy(f, items.get(i), "$.caseStudies[" + i + "]");
    }
    JsonNode g = root.get("guidance");
    if (g != null && g.isNull()) {
      f.nullValue("$.guidance", "an object", false);
    } else if (g != null) {
      readGuidance(f, g, "$.guidance");
    }
  }

  private List<JsonNode> section(Fields f, JsonNode root, String field, Kind kind, boolean base) {
    List<JsonNode> items = f.array(root, "$", field, base);
    if (base && items.isEmpty()) {
      missingSections.add(kind);
    }
    return items;
  }

  private void readStages(Fields f, JsonNode root, boolean base) {
    List<JsonNode> items = f.array(root, "$", "stages", base);
    Map<Stage, String> seenHere = new EnumMap<>(Stage.class);
    for (int i = 0; i < items.size(); i++) {
      String path = "$.stages[" + i + "]";
      JsonNode node = items.get(i);
      int before = f.problemCount();
      if (!f.object(node, path, STAGE_FIELDS)) {
        continue;
      }
      Stage stage = f.choice(node, path, "id", true, STAGE, STAGE_IDS);
      String name = f.text(node, path, "name", true);
      Integer order = f.integer(node, path, "debuggingOrder", true);
      String description = f.text(node, path, "description", true);
      if (stage == null) {
        continue;
      }
      if (order != null && order != stage.debuggingOrder()) {
        f.problem(
            path + ".debuggingOrder",
            "stage '"
                + stage.id()
                + "' has debuggingOrder "
                + order
                + " but its place in the debugging order is "
                + stage.debuggingOrder()
                + " (problem framing 1, data 2, feature engineering 3, modeling 4, evaluation 5, "
                + "deployment and monitoring 6)");
      }
      if (seenHere.containsKey(stage)) {
        f.problem(path + ".id", "duplicate stage '" + stage.id() + "'; first defined at " + seenHere.get(stage));
        continue;
      }
      seenHere.put(stage, path);
      if (!base && stages.containsKey(stage) && !override) {
        f.problem(path + ".id", alreadyDefined("stage", stage.id(), stageOrigins.get(stage)));
        continue;
      }
      if (f.problemCount() == before) {
        stages.put(stage, new CatalogData.StageEntry(name, description));
        stageOrigins.put(stage, f.source() + " at " + path);
      }
    }
    if (base && !items.isEmpty()) {
      List<String> missing =
          Arrays.stream(Stage.values())
              .filter(s -> !seenHere.containsKey(s))
              .map(Stage::id)
              .collect(Collectors.toList());
      if (!missing.isEmpty()) {
        f.problem("$.stages", "missing stage(s) " + String.join(", ", missing) + "; a catalog lists all six stages");
      }
    }
  }

  private void readMetric(Fields f, JsonNode node, String path) {
    int before = f.problemCount();
    if (!f.object(node, path, METRIC_FIELDS)) {
      return;
    }
    String id = f.id(node, path, "id", true);
    String name = f.text(node, path, "name", true);
    String description = f.text(node, path, "description", true);
    List<String> aliases = f.texts(node, path, "aliases", false);
    Double min = f.number(node, path, "min", false);
    Double max = f.number(node, path, "max", false);
    if (min != null && max != null && min > max) {
      f.problem(path + ".min", "min " + min + " is above max " + max + "; a metric's range must not be empty");
    }
    Metric value = null;
    if (f.problemCount() == before) {
      value = Metric.builder().id(id).name(name).description(description).aliases(aliases)
          .min(min == null ? OptionalDouble.empty() : OptionalDouble.of(min))
          .max(max == null ? OptionalDouble.empty() : OptionalDouble.of(max))
          .build();
    }
    put(f, metrics, Kind.METRIC.label, id, value, path, List.of(), null);
  }

  private void readSymptom(Fields f, JsonNode node, String path) {
    int before = f.problemCount();
    if (!f.object(node, path, SYMPTOM_FIELDS)) {
      return;
    }
    String id = f.id(node, path, "id", true);
    String name = f.text(node, path, "name", true);
    Stage stage = f.choice(node, path, "stage", true, STAGE, STAGE_IDS);
    String description = f.text(node, path, "description", true);
    List<String> aliases = f.texts(node, path, "aliases", false);
    List<Signal> signals = new ArrayList<>();
    List<Ref> refs = new ArrayList<>();
    List<JsonNode> items = f.array(node, path, "signals", false);
    for (int i = 0; i < items.size(); i++) {
      String at = path + ".signals[" + i + "]";
      JsonNode s = items.get(i);
      if (!f.object(s, at, SIGNAL_FIELDS)) {
        continue;
      }
      int signalBefore = f.problemCount();
      String metric = f.text(s, at, "metric", true);
      if (metric != null) {
        refs.add(new Ref(Kind.METRIC, metric, f.source(), at + ".metric", "a signal's metric"));
      }
      Comparison comparator = f.choice(s, at, "comparator", true, COMPARATOR, COMPARATORS);
      Double threshold = f.number(s, at, "threshold", true);
      String source = f.text(s, at, "source", true);
      if (f.problemCount() == signalBefore) {
        signals.add(
            Signal.builder().metric(metric).comparator(comparator).threshold(threshold).source(source).build());
      }
    }
    Boolean deprecated = f.bool(node, path, "deprecated");
    String replacedBy = f.id(node, path, "replacedBy", false);
    replacement(f, Kind.SYMPTOM, id, deprecated, replacedBy, path, refs);
    Symptom value = null;
    if (f.problemCount() == before) {
      value =
          Symptom.builder()
              .id(id)
              .name(name)
              .stage(stage)
              .description(description)
              .aliases(aliases)
              .signals(signals)
              .deprecated(Boolean.TRUE.equals(deprecated))
              .replacedBy(Optional.ofNullable(replacedBy))
              .build();
    }
    put(f, symptoms, Kind.SYMPTOM.label, id, value, path, refs, replacedBy);
  }

  private void readFix(Fields f, JsonNode node, String path) {
    int before = f.problemCount();
    if (!f.object(node, path, FIX_FIELDS)) {
      return;
    }
    String id = f.id(node, path, "id", true);
    String name = f.text(node, path, "name", true);
    String description = f.text(node, path, "description", true);
    Stage stage = f.choice(node, path, "stage", true, STAGE, STAGE_IDS);
    Level leverage = f.choice(node, path, "leverage", true, LEVEL, LEVEL_IDS);
    Level effort = f.choice(node, path, "effort", true, LEVEL, LEVEL_IDS);
    Boolean deprecated = f.bool(node, path, "deprecated");
    String replacedBy = f.id(node, path, "replacedBy", false);
    List<Ref> refs = new ArrayList<>();
    replacement(f, Kind.FIX, id, deprecated, replacedBy, path, refs);
    Fix value = null;
    if (f.problemCount() == before) {
      value =
          Fix.builder()
              .id(id)
              .name(name)
              .description(description)
              .stage(stage)
              .leverage(leverage)
              .effort(effort)
              .deprecated(Boolean.TRUE.equals(deprecated))
              .replacedBy(Optional.ofNullable(replacedBy))
              .build();
    }
    put(f, fixes, Kind.FIX.label, id, value, path, refs, replacedBy);
  }

  private void readMode(Fields f, JsonNode node, String path) {
    int before = f.problemCount();
    if (!f.object(node, path, MODE_FIELDS)) {
      return;
    }
    String id = f.id(node, path, "id", true);
    String name = f.text(node, path, "name", true);
    Stage stage = f.choice(node, path, "stage", true, STAGE, STAGE_IDS);
    String summary = f.text(node, path, "summary", true);
    String description = f.text(node, path, "description", true);
    List<String> aliases = f.texts(node, path, "aliases", false);
    List<Ref> refs = new ArrayList<>();

    List<Indicator> indicators = new ArrayList<>();
    List<JsonNode> items = f.array(node, path, "indicators", true);
    Map<String, String> seenSymptoms = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String at = path + ".indicators[" + i + "]";
      JsonNode n = items.get(i);
      if (!f.object(n, at, INDICATOR_FIELDS)) {
        continue;
      }
      int itemBefore = f.problemCount();
      String symptom = f.id(n, at, "symptom", true);
      Double weight = f.number(n, at, "weight", true);
      if (weight != null) {
        Rules.weight(weight).ifPresent(p -> f.problem(at + ".weight", p));
      }
      if (symptom != null) {
        if (seenSymptoms.containsKey(symptom)) {
          f.problem(at + ".symptom", "symptom '" + symptom + "' is already an indicator at " + seenSymptoms.get(symptom));
        } else {
          seenSymptoms.put(symptom, at);
        }
        refs.add(new Ref(Kind.SYMPTOM, symptom, f.source(), at + ".symptom", "an indicator"));
      }
      if (f.problemCount() == itemBefore) {
        indicators.add(Indicator.of(symptom, weight));
      }
    }
    List<String> mechanisms = f.texts(node, path, "mechanisms", true);
    List<String> fixIds = new ArrayList<>();
    items = f.array(node, path, "fixes", true);
    for (int i = 0; i < items.size(); i++) {
      String at = path + ".fixes[" + i + "]";
      String fix = f.idValue(items.get(i), at, "fix");
      if (fix != null) {
        if (fixIds.contains(fix)) {
          f.problem(at, "fix '" + fix + "' is listed twice");
        }
        fixIds.add(fix);
        refs.add(new Ref(Kind.FIX, fix, f.source(), at, "a fix"));
      }
    }
    List<DetectionMethod> detection = new ArrayList<>();
    items = f.array(node, path, "detection", false);
    for (int i = 0; i < items.size(); i++) {
      // Detection methods are checks from schemaVersion 3 (ids, predictions); CheckValidation reads them.
      DetectionMethod d = CheckValidation.read(f, items.get(i), path + ".detection[" + i + "]", layerVersion,
          (mode, at) -> refs.add(new Ref(Kind.FAILURE_MODE, mode, f.source(), at, "a check's prediction")));
      if (d != null) {
        detection.add(d);
      }
    }
    List<RelatedMode> related = new ArrayList<>();
    items = f.array(node, path, "related", false);
    for (int i = 0; i < items.size(); i++) {
      String at = path + ".related[" + i + "]";
      JsonNode n = items.get(i);
      if (!f.object(n, at, RELATED_FIELDS)) {
        continue;
      }
      int itemBefore = f.problemCount();
      String mode = f.id(n, at, "mode", true);
      Relation relation = f.choice(n, at, "relation", true, RELATION, RELATION_IDS);
      if (mode != null) {
        if (mode.equals(id)) {
          f.problem(at + ".mode", "a failure mode cannot be related to itself");
        }
        refs.add(new Ref(Kind.FAILURE_MODE, mode, f.source(), at + ".mode", "a related mode", relation));
      }
      if (f.problemCount() == itemBefore) {
        related.add(RelatedMode.of(mode, relation));
      }
    }
    List<Reference> references = readReferences(f, node, path);
    List<Presentation> presentations = readPresentations(f, node, path);
    Boolean deprecated = f.bool(node, path, "deprecated");
    String replacedBy = f.id(node, path, "replacedBy", false);
    replacement(f, Kind.FAILURE_MODE, id, deprecated, replacedBy, path, refs);
    FailureMode value = null;
    if (f.problemCount() == before) {
      value =
          FailureMode.builder()
              .id(id)
              .name(name)
              .stage(stage)
              .summary(summary)
              .description(description)
              .aliases(aliases)
              .indicators(indicators)
              .mechanisms(mechanisms)
              .fixes(fixIds)
              .detection(detection)
              .related(related)
              .references(references)
              .presentations(presentations)
              .deprecated(Boolean.TRUE.equals(deprecated))
              .replacedBy(Optional.ofNullable(replacedBy))
              .build();
    }
    put(f, modes, Kind.FAILURE_MODE.label, id, value, path, refs, replacedBy);
  }

  private List<Presentation> readPresentations(Fields f, JsonNode node, String path) {
    List<Presentation> presentations = new ArrayList<>();
    if (node.has("presentations") && layerVersion < 2) {
      f.problem(path + ".presentations", "presentations need schemaVersion 2; this document declares schemaVersion "
          + layerVersion + " (set \"schemaVersion\": 2)");
      return presentations;
    }
    List<JsonNode> items = f.array(node, path, "presentations", false);
    for (int i = 0; i < items.size(); i++) {
      String at = path + ".presentations[" + i + "]";
      JsonNode n = items.get(i);
      if (!f.object(n, at, PRESENTATION_FIELDS)) {
        continue;
      }
      int itemBefore = f.problemCount();
      String text = f.text(n, at, "text", true);
      JsonNode source = n.get("source");
      Reference reference = null;
      if (source == null) {
        f.problem(at, "missing required field 'source'");
      } else {
        reference = readReference(f, source, at + ".source");
      }
      if (f.problemCount() == itemBefore) {
        presentations.add(Presentation.builder().text(text).source(reference).build());
      }
    }
    return presentations;
  }

  private List<Reference> readReferences(Fields f, JsonNode node, String path) {
    List<Reference> references = new ArrayList<>();
    List<JsonNode> items = f.array(node, path, "references", false);
    for (int i = 0; i < items.size(); i++) {
      Reference r = readReference(f, items.get(i), path + ".references[" + i + "]");
      if (r != null) {
        references.add(r);
      }
    }
    return references;
  }

  /** Reads one reference, or returns null after recording its problems. */
  static Reference readReference(Fields f, JsonNode n, String at) {
    if (!f.object(n, at, REFERENCE_FIELDS)) {
      return null;
    }
    int itemBefore = f.problemCount();
    String title = f.text(n, at, "title", true);
    String authors = f.text(n, at, "authors", true);
    Integer year = f.integer(n, at, "year", true);
    if (year != null) {
      Rules.year(year).ifPresent(p -> f.problem(at + ".year", p));
    }
    String doi = f.text(n, at, "doi", false);
    String url = f.text(n, at, "url", false);
    if (doi == null && url == null && n.get("doi") == null && n.get("url") == null) {
      f.problem(at, "a reference needs a 'doi' or a 'url'");
    }
    if (f.problemCount() == itemBefore) {
      return Reference.builder()
          .title(title)
          .authors(authors)
          .year(year)
          .doi(Optional.ofNullable(doi))
          .url(Optional.ofNullable(url))
          .build();
    }
    return null;
  }

  private void readCaseStudy(Fields f, JsonNode node, String path) {
    int before = f.problemCount();
    if (!f.object(node, path, CASE_FIELDS)) {
      return;
    }
    String id = f.id(node, path, "id", true);
    String organisation = f.text(node, path, "organisation", true);
    String domain = f.text(node, path, "domain", true);
    String summary = f.text(node, path, "summary", true);
    List<String> modeIds = new ArrayList<>();
    List<Ref> refs = new ArrayList<>();
    List<JsonNode> items = f.array(node, path, "failureModes", true);
    for (int i = 0; i < items.size(); i++) {
      String at = path + ".failureModes[" + i + "]";
      String mode = f.idValue(items.get(i), at, "failure mode");
      if (mode != null) {
        modeIds.add(mode);
        refs.add(new Ref(Kind.FAILURE_MODE, mode, f.source(), at, "a case study's failure mode"));
      }
    }
    List<Reference> references = readReferences(f, node, path);
    CaseStudy value = null;
    if (f.problemCount() == before) {
      value =
          CaseStudy.builder()
              .id(id)
              .organisation(organisation)
              .domain(domain)
              .summary(summary)
              .failureModes(modeIds)
              .references(references)
              .build();
    }
    put(f, caseStudies, "case study", id, value, path, refs, null);
  }

  private void readGuidance(Fields f, JsonNode node, String path) {
    int before = f.problemCount();
    if (!f.object(node, path, GUIDANCE_FIELDS)) {
      return;
    }
    List<String> probes = f.texts(node, path, "probes", false);
    List<String> assesses = f.texts(node, path, "assesses", false);
    String framing = f.text(node, path, "framing", true);
    List<String> checklist = f.texts(node, path, "checklist", false);
    if (guidance != null && !override) {
      f.problem(path, alreadyDefined("guidance", "guidance", guidanceOrigin));
      return;
    }
    if (f.problemCount() == before) {
      guidance =
          Guidance.builder().probes(probes).assesses(assesses).framing(framing).checklist(checklist).build();
      guidanceOrigin = f.source() + " at " + path;
    }
  }

  private void replacement(
      Fields f, Kind kind, String id, Boolean deprecated, String replacedBy, String path, List<Ref> refs) {
    if (replacedBy != null) {
      if (!Boolean.TRUE.equals(deprecated)) {
        f.problem(path + ".replacedBy", "replacedBy is only allowed on an entry marked \"deprecated\": true");
      }
      if (replacedBy.equals(id)) {
        f.problem(path + ".replacedBy", kind.label + " '" + id + "' cannot be replaced by itself; name the entry that"
            + " replaces it, or leave replacedBy out");
      } else {
        refs.add(new Ref(kind, replacedBy, f.source(), path + ".replacedBy", "a replacement"));
      }
    }
  }

  /**
   * Records an entry under its id, or a problem if the id is taken. Its references are checked in any case: a
   * duplicate or an entry without a valid id may still refer to what does not exist.
   */
  private <T> void put(Fields f, Map<String, Entry<T>> entries, String label, String id, T value, String path,
      List<Ref> entryRefs, String replacedBy) {
    refs.addAll(entryRefs);
    if (id == null) {
      return;
    }
    Entry<T> existing = entries.get(id);
    if (existing != null) {
      if (existing.source().equals(f.source())) {
        f.problem(path + ".id", "duplicate " + label + " id '" + id + "'; first defined at " + existing.path());
        return;
      }
      if (!override) {
        f.problem(path + ".id", alreadyDefined(label, id, existing.source() + " at " + existing.path()));
        return;
      }
    }
    entries.put(id, new Entry<>(value, f.source(), path, entryRefs, replacedBy));
  }

  private static String alreadyDefined(String label, String id, String origin) {
    return label
        + " '"
        + id
        + "' is already defined in "
        + origin
        + "; rename it, or allow replacing with overrideExisting()";
  }

  /** The checks of the merged catalog: see {@link CheckValidation#validate}. */
  private void checkChecks() {
    List<CheckValidation.Located> located = new ArrayList<>();
    for (Entry<FailureMode> e : modes.values()) {
      if (e.value() != null) {
        located.add(new CheckValidation.Located(e.value(), e.source(), e.path()));
      }
    }
    CheckValidation.validate(located, problems);
  }

  /**
   * Reports every reference to an id that does not exist, in document order. Unknown ids get suggestions until
   * {@link #COMPARISONS} ids have been compared, so the time stays linear in the number of problems; an id referred to
   * many times is compared once.
   */
  private void checkReferences() {
    Map<String, String> suggested = new HashMap<>();
    int budget = COMPARISONS;
    for (Ref ref : refs) {
      if (ref.kind() == Kind.METRIC && metrics.isEmpty()) {
        continue; // a catalog without a metrics section names its signals' metrics freely, as schema 1 did
      }
      if (missingSections.contains(ref.kind())) {
        continue; // the missing section is the problem, already reported
      }
      Map<String, ? extends Entry<?>> targets = targets(ref.kind());
      if (targets.containsKey(ref.id())) {
        continue;
      }
      String key = ref.kind().label + " " + ref.id();
      String suggestion = suggested.get(key);
      if (suggestion == null) {
        if (targets.size() <= budget) {
          budget -= targets.size();
          List<String> near = Suggestions.nearest(ref.id(), targets.keySet(), 3);
          suggestion = near.isEmpty() ? "no " + ref.kind().label + " id is close" : Suggestions.didYouMean(near);
        } else {
          suggestion = "no suggestion: too many unknown ids to compare each with every " + ref.kind().label + " id";
        }
        suggested.put(key, suggestion);
      }
      problems.add(new CatalogProblem(ref.source(), ref.path(), "unknown " + ref.kind().label + " '" + ref.id()
          + "' (referenced as " + ref.role() + "); " + suggestion));
    }
  }

  private Map<String, ? extends Entry<?>> targets(Kind kind) {
    switch (kind) {
      case METRIC:
        return metrics;
      case SYMPTOM:
        return symptoms;
      case FIX:
        return fixes;
      default:
        return modes;
    }
  }

  /**
   * Reports each cycle of replacements, such as a → b → a, once, at its first entry in document order. A retired
   * entry must lead, perhaps through other retired ones, to a current one. Each entry is walked once.
   */
  private void checkReplacementCycles(Map<String, ? extends Entry<?>> entries, Kind kind) {
    Map<String, Boolean> done = new HashMap<>(); // false while on the current walk
    Map<String, Integer> order = null;
    for (String start : entries.keySet()) {
      List<String> walk = new ArrayList<>();
      String at = start;
      while (at != null && !done.containsKey(at)) {
        done.put(at, false);
        walk.add(at);
        Entry<?> entry = entries.get(at);
        // An entry replaced by itself was reported when read.
        at = entry == null || at.equals(entry.replacedBy()) ? null : entry.replacedBy();
      }
      if (at != null && !done.get(at)) {
        if (order == null) {
          order = positions(entries.keySet());
        }
        List<String> cycle = new ArrayList<>(walk.subList(walk.indexOf(at), walk.size()));
        int first = 0;
        for (int i = 1; i < cycle.size(); i++) {
          if (order.get(cycle.get(i)) < order.get(cycle.get(first))) {
            first = i;
          }
        }
        Collections.rotate(cycle, -first);
        cycle.add(cycle.get(0));
        Entry<?> head = entries.get(cycle.get(0));
        problems.add(new CatalogProblem(head.source(), head.path() + ".replacedBy", "replacement cycle "
            + String.join(" → ", cycle) + "; a retired " + kind.label + " must lead to one that is not retired: point"
            + " one of them at a current " + kind.label));
      }
      walk.forEach(id -> done.put(id, true));
    }
  }

  private static Map<String, Integer> positions(Collection<String> ids) {
    Map<String, Integer> order = new HashMap<>();
    for (String id : ids) {
      order.put(id, order.size());
    }
    return order;
  }

  /**
   * Reports cycles among failure modes' directed relations: a mode cannot be, through its parents, a kind of itself,
   * nor come before itself. "b parent-of a" states "a child-of b", and "b can-follow a" states "a can-precede b", so
   * each pair of inverses is one edge; a consistent pair is no cycle.
   */
  private void checkRelationCycles() {
    Map<String, Map<String, Ref>> kindOf = new LinkedHashMap<>();
    Map<String, Map<String, Ref>> precedes = new LinkedHashMap<>();
    for (Map.Entry<String, Entry<FailureMode>> mode : modes.entrySet()) {
      String from = mode.getKey();
      for (Ref ref : mode.getValue().refs()) {
        if (ref.relation() == null || ref.id().equals(from) || !modes.containsKey(ref.id())) {
          continue;
        }
        switch (ref.relation()) {
          case CHILD_OF -> edge(kindOf, from, ref.id(), ref);
          case PARENT_OF -> edge(kindOf, ref.id(), from, ref);
          case CAN_PRECEDE -> edge(precedes, from, ref.id(), ref);
          case CAN_FOLLOW -> edge(precedes, ref.id(), from, ref);
          default -> { }
        }
      }
    }
    reportCycles(kindOf, "child-of cycle ", " (each a kind of the next); a failure mode cannot be a kind of itself:"
        + " remove one of these child-of or parent-of relations");
    reportCycles(precedes, "can-precede cycle ", " (each can precede the next); remove one of these can-precede or"
        + " can-follow relations");
  }

  private static void edge(Map<String, Map<String, Ref>> graph, String from, String to, Ref statedBy) {
    graph.computeIfAbsent(from, k -> new LinkedHashMap<>()).putIfAbsent(to, statedBy);
  }

  /**
   * Finds cycles by depth-first search over the modes in catalog order, without recursion (a long chain must not
   * overflow the stack), and reports each edge that closes one at the relation that states it.
   */
  private void reportCycles(Map<String, Map<String, Ref>> graph, String prefix, String suffix) {
    Map<String, Boolean> done = new HashMap<>(); // false while on the stack
    for (String root : modes.keySet()) {
      if (done.containsKey(root) || !graph.containsKey(root)) {
        continue;
      }
      List<String> stack = new ArrayList<>();
      List<Iterator<Map.Entry<String, Ref>>> next = new ArrayList<>();
      stack.add(root);
      next.add(graph.get(root).entrySet().iterator());
      done.put(root, false);
      while (!stack.isEmpty()) {
        int top = stack.size() - 1;
        Iterator<Map.Entry<String, Ref>> edges = next.get(top);
        if (!edges.hasNext()) {
          done.put(stack.remove(top), true);
          next.remove(top);
          continue;
        }
        Map.Entry<String, Ref> edge = edges.next();
        String to = edge.getKey();
        Boolean state = done.get(to);
        if (state == null) {
          done.put(to, false);
          stack.add(to);
          Map<String, Ref> out = graph.get(to);
          next.add(out == null ? Collections.emptyIterator() : out.entrySet().iterator());
        } else if (!state) {
          List<String> cycle = new ArrayList<>();
          cycle.add(stack.get(top));
          cycle.addAll(stack.subList(stack.indexOf(to), top));
          cycle.add(stack.get(top));
          Ref ref = edge.getValue();
          problems.add(new CatalogProblem(ref.source(), ref.path(), prefix + String.join(" → ", cycle) + suffix));
        }
      }
    }
  }
}
