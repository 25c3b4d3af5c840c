package dev.failuremodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failuremodes.internal.CatalogData;
import dev.failuremodes.internal.Suggestions;
import dev.failuremodes.internal.json.CatalogValidator;
import dev.failuremodes.internal.json.CatalogWriter;
import dev.failuremodes.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A validated, immutable catalog of failure modes, their symptoms and fixes, case studies and guidance.
 *
 * <p>The bundled catalog is {@link FailureModes#catalog()}. Load your own with {@link #load(Path)}, {@link
 * #parse(String, String)} or {@link #read(InputStream, String)}, or add entries to one with {@link #extend()}. Every
 * catalog has passed validation: ids are unique and well formed and every reference resolves. Instances are
 * thread-safe.
 */
public final class Catalog {
  private final CatalogData data;
  private final Map<String, Metric> metricsById;
  private final Map<String, Symptom> symptomsById;
  private final Map<String, FailureMode> modesById;
  private final Map<String, Fix> fixesById;
  private final Map<String, CaseStudy> caseStudiesById;
  private final Map<String, DetectionMethod> checksById;
  private final List<DetectionMethod> checks;

  Catalog(CatalogData data) {
    this.data = data;
    // Plain loops rather than a helper taking a method reference: this runs on the first FailureModes.catalog(),
    // where each lambda costs a class spun at run time.
    Map<String, Metric> metrics = new LinkedHashMap<>();
    for (Metric m : data.metrics()) {
      metrics.put(m.id(), m);
    }
    this.metricsById = Collections.unmodifiableMap(metrics);
    Map<String, Symptom> symptoms = new LinkedHashMap<>();
    for (Symptom s : data.symptoms()) {
      symptoms.put(s.id(), s);
    }
    this.symptomsById = Collections.unmodifiableMap(symptoms);
    Map<String, FailureMode> modes = new LinkedHashMap<>();
    for (FailureMode m : data.failureModes()) {
      modes.put(m.id(), m);
    }
    this.modesById = Collections.unmodifiableMap(modes);
    Map<String, Fix> fixes = new LinkedHashMap<>();
    for (Fix f : data.fixes()) {
      fixes.put(f.id(), f);
    }
    this.fixesById = Collections.unmodifiableMap(fixes);
    Map<String, CaseStudy> caseStudies = new LinkedHashMap<>();
    for (CaseStudy c : data.caseStudies()) {
      caseStudies.put(c.id(), c);
    }
    this.caseStudiesById = Collections.unmodifiableMap(caseStudies);
    List<DetectionMethod> checks = new ArrayList<>();
    Map<String, DetectionMethod> checksById = new LinkedHashMap<>();
    for (FailureMode m : data.failureModes()) {
      for (DetectionMethod d : m.detection()) {
        if (d.id().isPresent()) {
          checks.add(d);
          checksById.put(d.id().get(), d);
        }
      }
    }
    this.checksById = Collections.unmodifiableMap(checksById);
    this.checks = List.copyOf(checks);
  }

  /**
   * Reads a catalog from a JSON file.
   *
   * @throws NullPointerException if {@code path} is null
   * @throws CatalogException if the file cannot be read or the catalog is invalid; the message lists every problem
   */
  public static Catalog load(Path path) {
    Objects.requireNonNull(path, "path");
    return new Catalog(CatalogValidator.validate(List.of(Documents.layer(path)), false));
  }

  /**
   * Reads a catalog from a JSON string.
   *
   * @param json the document
   * @param sourceName the name to use in error messages, such as a file name
   * @throws NullPointerException if an argument is null
   * @throws CatalogException if the catalog is invalid; the message lists every problem
   */
  public static Catalog parse(String json, String sourceName) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sourceName, "sourceName");
    return new Catalog(CatalogValidator.validate(List.of(Documents.layer(json, sourceName)), false));
  }

  /**
   * Reads a catalog from a UTF-8 JSON stream; the stream is read to its end but not closed.
   *
   * @throws NullPointerException if an argument is null
   * @throws CatalogException if the stream cannot be read or the catalog is invalid
   */
  public static Catalog read(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    return new Catalog(
        CatalogValidator.validate(List.of(new CatalogValidator.Layer(sourceName, Json.parse(in, sourceName))), false));
  }

  /**
   * The JSON side of reading and writing documents, in a class of its own: verifying a method that hands Jackson
   * trees or readers around loads their classes, and the bundled catalog, read from its digest, needs none of them.
   */
  private static final class Documents {
    private Documents() {}

    static CatalogValidator.Layer layer(String json, String sourceName) {
      return new CatalogValidator.Layer(sourceName, Json.parse(new StringReader(json), sourceName));
    }

    static CatalogValidator.Layer layer(Path path) {
      String source = path.toString();
      try (InputStream in = Files.newInputStream(path)) {
        return new CatalogValidator.Layer(source, Json.parse(in, source));
      } catch (NoSuchFileException e) {
        throw new CatalogException(
            List.of(new CatalogProblem(source, "file", "no such file; check the path (working directory: "
                + Path.of("").toAbsolutePath() + ")")), e);
      } catch (IOException e) {
        throw new CatalogException(List.of(new CatalogProblem(source, "file", "cannot read: " + e)), e);
      }
    }

    static String write(CatalogData data) {
      return Json.write(CatalogWriter.tree(data));
    }
  }

  /** Returns the version of the catalog format, such as 1. */
  public int schemaVersion() {
    return data.schemaVersion();
  }

  /** Returns the version of the catalog's content, such as {@code "2026.11.0"}. */
  public String catalogVersion() {
    return data.catalogVersion();
  }

  /** Returns the six stages in debugging order. */
  public List<Stage> stages() {
    return Stage.inDebuggingOrder();
  }

  /** Returns the catalog's description of a stage: what goes wrong there and what to check. */
  public String describe(Stage stage) {
    Objects.requireNonNull(stage, "stage");
    return data.stages().get(stage).description();
  }

  /** Returns the metrics that symptoms' signals measure, in catalog order; empty in a schemaVersion 1 catalog. */
  public List<Metric> metrics() {
    return data.metrics();
  }

  /** Returns the metric with this id. */
  public Optional<Metric> metric(String id) {
    return Optional.ofNullable(metricsById.get(Objects.requireNonNull(id, "id")));
  }

  /**
   * Returns the metric with this id.
   *
   * @throws UnknownIdException if there is none; the message suggests the nearest ids
   */
  public Metric requireMetric(String id) {
    return require(metricsById, "metric", id);
  }

  /** Returns every symptom, in catalog order. */
  public List<Symptom> symptoms() {
    return data.symptoms();
  }

  /** Returns every failure mode, in catalog order. */
  public List<FailureMode> failureModes() {
    return data.failureModes();
  }

  /** Returns the failure modes whose cause lives in the given stage, in catalog order. */
  public List<FailureMode> failureModes(Stage stage) {
    Objects.requireNonNull(stage, "stage");
    return data.failureModes().stream().filter(m -> m.stage() == stage).collect(Collectors.toUnmodifiableList());
  }

  /** Returns every fix, in catalog order. */
  public List<Fix> fixes() {
    return data.fixes();
  }

  /**
   * Returns every detection method that is a check (it has an id; schemaVersion 3), in catalog order: by failure
   * mode, then as each mode lists them.
   */
  public List<DetectionMethod> checks() {
    return checks;
  }

  /** Returns the check with this id. */
  public Optional<DetectionMethod> check(String id) {
    return Optional.ofNullable(checksById.get(Objects.requireNonNull(id, "id")));
  }

  /**
   * Returns the check with this id.
   *
   * @throws UnknownIdException if there is none; the message suggests the nearest ids
   */
  public DetectionMethod requireCheck(String id) {
    return require(checksById, "check", id);
  }

  /** Returns every case study, in catalog order. */
  public List<CaseStudy> caseStudies() {
    return data.caseStudies();
  }

  /** Returns the interview and review guidance, if the catalog has it. */
  public Optional<Guidance> guidance() {
    return data.guidance();
  }

  /** Returns the symptom with this id. */
  public Optional<Symptom> symptom(String id) {
    return Optional.ofNullable(symptomsById.get(Objects.requireNonNull(id, "id")));
  }

  /** Returns the failure mode with this id. */
  public Optional<FailureMode> failureMode(String id) {
    return Optional.ofNullable(modesById.get(Objects.requireNonNull(id, "id")));
  }

  /** Returns the fix with this id. */
  public Optional<Fix> fix(String id) {
    return Optional.ofNullable(fixesById.get(Objects.requireNonNull(id, "id")));
  }

  /** Returns the case study with this id. */
  public Optional<CaseStudy> caseStudy(String id) {
    return Optional.ofNullable(caseStudiesById.get(Objects.requireNonNull(id, "id")));
  }

  /**
   * Returns the symptom with this id.
   *
   * @throws UnknownIdException if there is none; the message suggests the nearest ids
   */
  public Symptom requireSymptom(String id) {
    return require(symptomsById, "symptom", id);
  }

  /**
   * Returns the failure mode with this id.
   *
   * @throws UnknownIdException if there is none; the message suggests the nearest ids
   */
  public FailureMode requireFailureMode(String id) {
    return require(modesById, "failure mode", id);
  }

  /**
   * Returns the fix with this id.
   *
   * @throws UnknownIdException if there is none; the message suggests the nearest ids
   */
  public Fix requireFix(String id) {
    return require(fixesById, "fix", id);
  }

  /**
   * Returns the case study with this id.
   *
   * @throws UnknownIdException if there is none; the message suggests the nearest ids
   */
  public CaseStudy requireCaseStudy(String id) {
    return require(caseStudiesById, "case study", id);
  }

  private static <T> T require(Map<String, T> byId, String kind, String id) {
    Objects.requireNonNull(id, "id");
    T value = byId.get(id);
    if (value == null) {
      throw new UnknownIdException(kind, id, Suggestions.nearest(id, byId.keySet(), 3));
    }
    return value;
  }

  /** Returns the fixes of a failure mode, in the order they should be tried. */
  public List<Fix> fixesFor(FailureMode mode) {
    Objects.requireNonNull(mode, "mode");
    return mode.fixes().stream().map(fixesById::get).filter(Objects::nonNull).collect(Collectors.toUnmodifiableList());
  }

  /** Returns the failure modes that list this fix, in catalog order. */
  public List<FailureMode> addressedBy(Fix fix) {
    Objects.requireNonNull(fix, "fix");
    return data.failureModes().stream()
        .filter(m -> m.fixes().contains(fix.id()))
        .collect(Collectors.toUnmodifiableList());
  }

  /** Returns the failure modes that list this symptom as an indicator, in catalog order. */
  public List<FailureMode> indicatedBy(Symptom symptom) {
    Objects.requireNonNull(symptom, "symptom");
    return data.failureModes().stream()
        .filter(m -> m.weightOf(symptom.id()).isPresent())
        .collect(Collectors.toUnmodifiableList());
  }

  /** Returns the case studies that illustrate this failure mode. */
  public List<CaseStudy> caseStudiesOf(FailureMode mode) {
    Objects.requireNonNull(mode, "mode");
    return data.caseStudies().stream()
        .filter(c -> c.failureModes().contains(mode.id()))
        .collect(Collectors.toUnmodifiableList());
  }

  /** Returns the catalog as JSON in the documented schema; {@link #parse(String, String)} reads it back equal. */
  public String toJson() {
    return Documents.write(data);
  }

  /** Starts an extension of this catalog: more entries from JSON documents or builders. This catalog is unchanged. */
  public Extension extend() {
    return new Extension(this);
  }

  /** Two catalogs are equal when their versions and every entry are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Catalog && ((Catalog) other).data.equals(data);
  }

  @Override
  public int hashCode() {
    return data.hashCode();
  }

  /** Returns the version and the number of each kind of entry. */
  @Override
  public String toString() {
    return "Catalog[version "
        + catalogVersion()
        + ", "
        + data.failureModes().size()
        + " failure modes, "
        + data.symptoms().size()
        + " symptoms, "
        + data.fixes().size()
        + " fixes, "
        + data.caseStudies().size()
        + " case studies"
        + (data.metrics().isEmpty() ? "" : ", " + data.metrics().size() + " metrics")
        + (checksById.isEmpty() ? "" : ", " + checksById.size() + " checks")
        + "]";
  }

  /**
   * Adds entries to a catalog: partial JSON documents (any of the catalog's sections, with a {@code schemaVersion})
   * and values made with builders. {@link #build()} validates the whole result; an id that already exists is an
   * error unless {@link #overrideExisting()} was called. Not thread-safe; the base catalog is never changed.
   */
  public static final class Extension {
    private final Catalog base;
    private final List<CatalogValidator.Layer> documents = new ArrayList<>();
    private final ObjectNode added = JsonNodeFactory.instance.objectNode();
    private boolean override;

    Extension(Catalog base) {
      this.base = base;
      added.put("schemaVersion", CatalogValidator.SCHEMA_VERSION);
    }

    /**
     * Adds a JSON document.
     *
     * @throws CatalogException if the file cannot be read or is not JSON; the extension is unchanged
     */
    public Extension addJson(Path path) {
      documents.add(Documents.layer(Objects.requireNonNull(path, "path")));
      return this;
    }

    /**
     * Adds a JSON document given as a string.
     *
     * @throws CatalogException if the text is not JSON; the extension is unchanged
     */
    public Extension addJson(String json, String sourceName) {
      Objects.requireNonNull(json, "json");
      Objects.requireNonNull(sourceName, "sourceName");
      documents.add(Documents.layer(json, sourceName));
      return this;
    }

    /** Adds a metric. */
    public Extension add(Metric metric) {
      section("metrics").add(CatalogWriter.metric(Objects.requireNonNull(metric, "metric")));
      return this;
    }

    /** Adds a symptom. */
    public Extension add(Symptom symptom) {
      section("symptoms").add(CatalogWriter.symptom(Objects.requireNonNull(symptom, "symptom")));
      return this;
    }

    /** Adds a failure mode. */
    public Extension add(FailureMode mode) {
      section("failureModes").add(CatalogWriter.failureMode(Objects.requireNonNull(mode, "mode")));
      return this;
    }

    /** Adds a fix. */
    public Extension add(Fix fix) {
      section("fixes").add(CatalogWriter.fix(Objects.requireNonNull(fix, "fix")));
      return this;
    }

    /** Adds a case study. */
    public Extension add(CaseStudy caseStudy) {
      section("caseStudies").add(CatalogWriter.caseStudy(Objects.requireNonNull(caseStudy, "caseStudy")));
      return this;
    }

    private ArrayNode section(String name) {
      JsonNode existing = added.get(name);
      return existing != null ? (ArrayNode) existing : added.putArray(name);
    }

    /** Lets an added entry replace an existing one with the same id instead of failing. */
    public Extension overrideExisting() {
      override = true;
      return this;
    }

    /**
     * Returns the extended catalog.
     *
     * @throws CatalogException listing every problem: conflicting ids, dangling references, invalid fields
     */
    public Catalog build() {
      List<CatalogValidator.Layer> layers = new ArrayList<>();
      layers.add(new CatalogValidator.Layer("catalog " + base.catalogVersion(), CatalogWriter.tree(base.data)));
      layers.addAll(documents);
      if (added.size() > 1) {
        layers.add(new CatalogValidator.Layer("entries added with builders", added.deepCopy()));
      }
      return new Catalog(CatalogValidator.validate(layers, override));
    }
  }
}
