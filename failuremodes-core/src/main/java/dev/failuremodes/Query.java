package dev.failuremodes;

import dev.failuremodes.internal.engine.Engine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable query: the observed symptoms and how to rank them. Each refinement returns a new query; {@link
 * #diagnose()} runs it. Thread-safe.
 */
public final class Query {
  private final Diagnoser diagnoser;
  private final List<String> inputs;
  private final int limit;
  private final Set<Stage> stages;
  private final boolean strict;
  private final double minScore;

  Query(Diagnoser diagnoser, List<String> inputs, int limit, Set<Stage> stages, boolean strict, double minScore) {
    this.diagnoser = diagnoser;
    this.inputs = inputs;
    this.limit = limit;
    this.stages = stages;
    this.strict = strict;
    this.minScore = minScore;
  }

  static Query of(Diagnoser diagnoser, List<String> raw, String parameter) {
    Objects.requireNonNull(raw, parameter);
    List<String> inputs = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      inputs.add(Objects.requireNonNull(raw.get(i), parameter + "[" + i + "]"));
    }
    if (inputs.stream().allMatch(String::isBlank)) {
      throw new IllegalArgumentException(
          "No symptoms given: pass at least one non-blank symptom id or phrase, such as 'large train-test gap'.");
    }
    return new Query(diagnoser, List.copyOf(inputs), 10, EnumSet.allOf(Stage.class), false, 0.0);
  }

  /**
   * Returns a query that keeps at most {@code max} candidates (default 10).
   *
   * @throws IllegalArgumentException if {@code max} is less than 1
   */
  public Query limit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + max);
    }
    return new Query(diagnoser, inputs, max, stages, strict, minScore);
  }

  /**
   * Returns a query that only considers failure modes of the given stages.
   *
   * @throws IllegalArgumentException if no stage is given
   */
  public Query inStages(Stage... only) {
    Objects.requireNonNull(only, "only");
    if (only.length == 0) {
      throw new IllegalArgumentException("inStages needs at least one stage; valid stages are " + Stage.validIds());
    }
    Arrays.stream(only).forEach(s -> Objects.requireNonNull(s, "stage"));
    return new Query(diagnoser, inputs, limit, EnumSet.copyOf(Arrays.asList(only)), strict, minScore);
  }

  /** Returns a query whose {@link #diagnose()} throws {@link UnknownSymptomException} if any input is unrecognised. */
  public Query strict() {
    return new Query(diagnoser, inputs, limit, stages, true, minScore);
  }

  /**
   * Returns a query that drops candidates scoring below {@code score}.
   *
   * @throws IllegalArgumentException if {@code score} is outside [0, 1]
   */
  public Query minScore(double score) {
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("minScore must be in [0, 1]: " + score);
    }
    return new Query(diagnoser, inputs, limit, stages, strict, score);
  }

  /** Returns the inputs as given. */
  public List<String> inputs() {
    return inputs;
  }

  /**
   * Reads the inputs and ranks the failure modes.
   *
   * @throws UnknownSymptomException in strict mode, if any input was read as nothing (a blank one included)
   */
  public Diagnosis diagnose() {
    Engine.Result r = diagnoser.engine().diagnose(inputs, stages, minScore, limit);
    if (strict && !r.unrecognized().isEmpty()) {
      throw new UnknownSymptomException(r.unrecognized());
    }
    return new Diagnosis(
        diagnoser.catalog().catalogVersion(), inputs, r.resolutions(), r.unrecognized(), r.candidates(), r.plan());
  }

  /** Returns the inputs and settings. */
  @Override
  public String toString() {
    return "Query" + inputs + "[limit " + limit + (strict ? ", strict" : "") + ", stages " + stages + "]";
  }
}
