package dev.failuremodes.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.CatalogProblem;
import dev.failuremodes.DetectionMethod;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Level;
import dev.failuremodes.Outcome;
import dev.failuremodes.Reference;
import dev.failuremodes.internal.Rules;
import dev.failuremodes.internal.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Reads and validates detection methods as checks (schemaVersion 3): each one's id, what it observes, what its
 * results mean and the outcome it predicts per failure mode; then, over the merged catalog, that check ids are
 * unique, that a check with predictions can come out positive for some mode, and that the checks can tell apart
 * every two failure modes they make predictions for. Kept apart from {@link CatalogValidator}, which calls it.
 */
final class CheckValidation {
  /** A level by its exact id, as every choice in a catalog is read. */
  private static final java.util.function.Function<String, java.util.Optional<Level>> EXACT_LEVEL = id -> {
    for (Level l : Level.values()) {
      if (l.id().equals(id)) {
        return java.util.Optional.of(l);
      }
    }
    return java.util.Optional.empty();
  };

  /** The first schema version whose detection methods may be checks. */
  static final int CHECKS_SINCE = 3;

  static final List<String> FIELDS = List.of("id", "name", "description", "effectiveness", "effort", "observes",
      "positive", "negative", "predicts", "source");
  /** The fields a detection method has had since schemaVersion 1. */
  private static final List<String> OLD_FIELDS = List.of("name", "description", "effectiveness");
  private static final List<String> LEVEL_IDS =
      Arrays.stream(Level.values()).map(Level::id).collect(Collectors.toList());
  private static final List<String> OUTCOME_IDS =
      Arrays.stream(Outcome.values()).map(Outcome::id).collect(Collectors.toList());

  private CheckValidation() {}

  /**
   * Reads one detection method, or returns null after recording its problems. Each failure mode its predictions
   * name is handed to {@code modeRef} with its JSON location, to be resolved once every document is merged.
   */
  static DetectionMethod read(Fields f, JsonNode n, String at, int layerVersion,
      BiConsumer<String, String> modeRef) {
    if (!f.object(n, at, FIELDS)) {
      return null;
    }
    int before = f.problemCount();
    if (layerVersion < CHECKS_SINCE) {
      List<String> newer = new ArrayList<>();
      for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (FIELDS.contains(name) && !OLD_FIELDS.contains(name)) {
          newer.add(name);
        }
      }
      if (!newer.isEmpty()) {
        f.problem(at, "check fields (" + String.join(", ", newer) + ") need schemaVersion " + CHECKS_SINCE
            + "; this document declares schemaVersion " + layerVersion + " (set \"schemaVersion\": " + CHECKS_SINCE
            + ")");
        return null;
      }
    }
    String id = f.id(n, at, "id", false);
    String name = f.text(n, at, "name", true);
    String description = f.text(n, at, "description", true);
    Level effectiveness = f.choice(n, at, "effectiveness", true, EXACT_LEVEL, LEVEL_IDS);
    Level effort = f.choice(n, at, "effort", false, EXACT_LEVEL, LEVEL_IDS);
    String observes = f.text(n, at, "observes", false);
    String positive = f.text(n, at, "positive", false);
    String negative = f.text(n, at, "negative", false);
    Map<String, Outcome> predicts = new LinkedHashMap<>();
    JsonNode p = n.get("predicts");
    if (p != null && !p.isNull()) {
      String where = at + ".predicts";
      if (!p.isObject() || p.size() == 0) {
        f.problem(where, "expected an object of failure-mode ids and outcomes, such as {\"data-drift\": \"positive\","
            + " \"concept-drift\": \"negative\"}, but found " + (p.isObject() ? "an empty object" : Fields.kind(p)));
      } else {
        for (Iterator<String> modes = p.fieldNames(); modes.hasNext(); ) {
          String mode = modes.next();
          String path = where + "." + mode;
          JsonNode value = p.get(mode);
          Outcome outcome = value.isTextual() ? Outcome.find(value.textValue()).orElse(null) : null;
          if (outcome == null) {
            List<String> near =
                value.isTextual() ? Suggestions.nearest(value.textValue(), OUTCOME_IDS, 1) : List.of();
            String shown = value.isTextual() ? "'" + value.textValue() + "'" : Fields.kind(value);
            f.problem(path, "unknown outcome " + shown
                + (near.isEmpty() ? "" : "; " + Suggestions.didYouMean(near)) + " Valid: positive, negative (leave a"
                + " mode out when the check predicts nothing for it)");
          }
          Optional<String> badId = Rules.id("failure mode", mode);
          badId.ifPresent(problem -> f.problem(path, problem));
          if (badId.isEmpty() && outcome != null) {
            predicts.put(mode, outcome);
            modeRef.accept(mode, path);
          }
        }
        if (!predicts.isEmpty() && !predicts.containsValue(Outcome.POSITIVE)) {
          f.problem(where, "a check must predict a positive outcome for at least one failure mode, or no result"
              + " could count for any; mark the modes it confirms \"positive\"");
        }
        List<String> missing = new ArrayList<>();
        if (id == null && n.get("id") == null) {
          missing.add("id");
        }
        if (observes == null && n.get("observes") == null) {
          missing.add("observes");
        }
        if (positive == null && n.get("positive") == null) {
          missing.add("positive");
        }
        if (negative == null && n.get("negative") == null) {
          missing.add("negative");
        }
        if (!missing.isEmpty()) {
          f.problem(at, "a check with predictions needs " + String.join(", ", missing) + ": an id to answer it by,"
              + " the question it answers and what each result means");
        }
      }
    }
    Reference source = null;
    JsonNode s = n.get("source");
    if (s != null && !s.isNull()) {
      source = CatalogValidator.readReference(f, s, at + ".source");
    }
    if (f.problemCount() != before) {
      return null;
    }
    return DetectionMethod.builder().id(Optional.ofNullable(id)).name(name).description(description)
        .effectiveness(effectiveness).effort(Optional.ofNullable(effort)).observes(Optional.ofNullable(observes))
        .positive(Optional.ofNullable(positive)).negative(Optional.ofNullable(negative)).predicts(predicts)
        .source(Optional.ofNullable(source)).build();
  }

  /** A failure mode of the merged catalog with where it was defined. */
  record Located(FailureMode mode, String source, String path) {}

  /**
   * Checks the merged catalog's checks: ids unique across the catalog, and every two live failure modes that some
   * check makes a prediction for told apart by at least one check (a different outcome, or a prediction for one and
   * none for the other).
   */
  static void validate(List<Located> modes, List<CatalogProblem> problems) {
    Map<String, String> seen = new LinkedHashMap<>();
    List<DetectionMethod> checks = new ArrayList<>();
    for (Located l : modes) {
      List<DetectionMethod> detection = l.mode().detection();
      for (int i = 0; i < detection.size(); i++) {
        DetectionMethod d = detection.get(i);
        if (d.id().isEmpty()) {
          continue;
        }
        String at = l.path() + ".detection[" + i + "].id";
        String first = seen.putIfAbsent(d.id().get(), l.source() + " at " + at);
        if (first != null) {
          problems.add(new CatalogProblem(l.source(), at, "duplicate check id '" + d.id().get() + "'; first defined in "
              + first + "; a check id is unique across the catalog"));
        }
        if (!l.mode().deprecated() && !d.predicts().isEmpty()) {
          checks.add(d);
        }
      }
    }
    // Two modes no check tells apart would be diagnosed as one whatever the answers: say which, once per group. A
    // mode's signature is the (check, outcome) pairs predicted for it, in check order, built from the predictions so
    // that the work grows with their number, not with modes times checks.
    Map<String, StringBuilder> signatures = new HashMap<>();
    for (int c = 0; c < checks.size(); c++) {
      for (Map.Entry<String, Outcome> p : checks.get(c).predicts().entrySet()) {
        signatures.computeIfAbsent(p.getKey(), k -> new StringBuilder())
            .append(c).append(p.getValue() == Outcome.POSITIVE ? '+' : '-');
      }
    }
    Map<String, Located> bySignature = new HashMap<>();
    for (Located l : modes) {
      StringBuilder signature = l.mode().deprecated() ? null : signatures.get(l.mode().id());
      if (signature == null) {
        continue;
      }
      Located twin = bySignature.putIfAbsent(signature.toString(), l);
      if (twin != null) {
        problems.add(new CatalogProblem(l.source(), l.path(), "failure modes '" + twin.mode().id() + "' and '"
            + l.mode().id() + "' get the same prediction from every check, so no check can tell them apart; give"
            + " one check a prediction that differs between them"));
      }
    }
  }
}
