package dev.failuremodes.internal;

import dev.failuremodes.CaseStudy;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Fix;
import dev.failuremodes.Guidance;
import dev.failuremodes.Metric;
import dev.failuremodes.Stage;
import dev.failuremodes.Symptom;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated content of a catalog, in document order. Only the validator creates it, and only from a document
 * with no problems.
 */
public record CatalogData(
    int schemaVersion,
    String catalogVersion,
    Map<Stage, StageEntry> stages,
    List<Metric> metrics,
    List<Symptom> symptoms,
    List<FailureMode> failureModes,
    List<Fix> fixes,
    List<CaseStudy> caseStudies,
    Optional<Guidance> guidance) {

  /** The catalog's own words about a stage. */
  public record StageEntry(String name, String description) {}

  /** Copies every collection so the data cannot change after validation. */
  public CatalogData {
    stages = Collections.unmodifiableMap(new EnumMap<>(stages));
    metrics = List.copyOf(metrics);
    symptoms = List.copyOf(symptoms);
    failureModes = List.copyOf(failureModes);
    fixes = List.copyOf(fixes);
    caseStudies = List.copyOf(caseStudies);
  }
}
