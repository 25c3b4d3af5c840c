package dev.failuremodes;

import dev.failuremodes.alerts.Finding;
import dev.failuremodes.alerts.Report;
import dev.failuremodes.internal.engine.Answers;
import dev.failuremodes.internal.engine.Engine;
import dev.failuremodes.signals.Observation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An immutable query: what was observed (text, measured values, tool reports) and how to rank it. Each refinement
 * returns a new query; {@link #diagnose()} runs it. Thread-safe.
 */
public final class Query {
  private final Diagnoser diagnoser;
  private final List<String> inputs;
  private final List<Observation> observations;
  /** Inputs from tool reports, already turned into the engine's inputs. */
  private final List<Engine.Input> findings;
  /** Every finding of the reports, whatever its kind, for the diagnosis to show. */
  private final List<Finding> reported;
  private final Map<String, Double> thresholds;
  private final int limit;
  private final Set<Stage> stages;
  private final boolean strict;
  private final double minScore;
  /** Results given: check outcomes, symptoms confirmed or ruled out, modes ruled out. */
  private final Answers answers;

  private Query(Diagnoser diagnoser, List<String> inputs, List<Observation> observations,
      List<Engine.Input> findings, List<Finding> reported, Map<String, Double> thresholds, int limit,
      Set<Stage> stages, boolean strict, double minScore) {
    this(diagnoser, inputs, observations, findings, reported, thresholds, limit, stages, strict, minScore,
        Answers.NONE);
  }

  private Query(Diagnoser diagnoser, List<String> inputs, List<Observation> observations,
      List<Engine.Input> findings, List<Finding> reported, Map<String, Double> thresholds, int limit,
      Set<Stage> stages, boolean strict, double minScore, Answers answers) {
    this.diagnoser = diagnoser;
    this.inputs = List.copyOf(inputs);
    this.observations = List.copyOf(observations);
    this.findings = List.copyOf(findings);
    this.reported = List.copyOf(reported);
    this.thresholds = Map.copyOf(thresholds);
    this.limit = limit;
    this.stages = stages;
    this.strict = strict;
    this.minScore = minScore;
    this.answers = answers;
  }

  /** Every stage; never changed (a query's stages are replaced, not changed). */
  private static final Set<Stage> ALL_STAGES = Collections.unmodifiableSet(EnumSet.allOf(Stage.class));

  static Query of(Diagnoser diagnoser, List<String> raw, String parameter) {
    Objects.requireNonNull(raw, parameter);
    List<String> inputs = new ArrayList<>(raw.size());
    boolean blank = true;
    for (int i = 0; i < raw.size(); i++) {
      String input = raw.get(i);
      if (input == null) {
        throw new NullPointerException(parameter + "[" + i + "]");
      }
      inputs.add(input);
      blank &= input.isBlank();
    }
    if (blank) {
      throw new IllegalArgumentException(
          "No symptoms given: pass at least one non-blank symptom id or phrase, such as 'large train-test gap'.");
    }
    return new Query(diagnoser, inputs, List.of(), List.of(), List.of(), Map.of(), 10, ALL_STAGES, false, 0.0);
  }

  static Query ofObservations(Diagnoser diagnoser, List<Observation> observations) {
    Query empty = new Query(diagnoser, List.of(), List.of(), List.of(), List.of(), Map.of(), 10, ALL_STAGES, false,
        0.0);
    if (observations.isEmpty()) {
      throw new IllegalArgumentException(
          "No observations given: pass at least one, such as Observation.of(\"psi\", 0.31).");
    }
    return empty.observe(observations);
  }

  static Query ofReports(Diagnoser diagnoser, Report... reports) {
    Query empty = new Query(diagnoser, List.of(), List.of(), List.of(), List.of(), Map.of(), 10, ALL_STAGES, false,
        0.0);
    Query query = empty.withReports(reports);
    if (query.reported.isEmpty()) {
      throw new IllegalArgumentException("No findings in " + (reports.length == 1 ? reports[0].source()
          : reports.length + " reports") + ": a report with no checks gives nothing to diagnose; pass a report"
          + " that lists its checks.");
    }
    return query;
  }

  private Query with(List<Observation> observations, List<Engine.Input> findings, Map<String, Double> thresholds,
      int limit, Set<Stage> stages, boolean strict, double minScore) {
    return new Query(diagnoser, inputs, observations, findings, reported, thresholds, limit, stages, strict,
        minScore, answers);
  }

  private Query with(Answers.Answer answer) {
    return new Query(diagnoser, inputs, observations, findings, reported, thresholds, limit, stages, strict,
        minScore, answers.with(answer));
  }

  /**
   * Returns a query with a check's result added: the outcome counts for the candidates the check predicts it for
   * and against those it predicts the other outcome for, with the check's own line in their explanation. The
   * diagnosis no longer offers the check as a next check.
   *
   * @param checkId the check's id, such as {@code "logged-feature-comparison"} (see {@link Catalog#checks()})
   * @throws NullPointerException if an argument is null
   * @throws UnknownIdException if the catalog has no such check; the message suggests near ids
   * @throws IllegalArgumentException if the same check was given the other outcome; the message names both
   */
  public Query checked(String checkId, Outcome outcome) {
    return with(diagnoser.engine().checks().check(checkId, outcome));
  }

  /**
   * Returns a query with a symptom confirmed: it counts as seen, like an input that names it.
   *
   * @param symptom the symptom's id, name or an alias
   * @throws NullPointerException if {@code symptom} is null
   * @throws UnknownIdException if no symptom has it; the message suggests near ids
   * @throws IllegalArgumentException if the symptom was ruled out; the message names both
   */
  public Query confirmed(String symptom) {
    return with(diagnoser.engine().checks().confirmed(symptom));
  }

  /**
   * Returns a query with a failure mode or a symptom ruled out. A ruled-out mode is dropped from the candidates and
   * listed in {@link Diagnosis#ruledOut()}; a ruled-out symptom counts against the modes it indicates. Ids come
   * first (a mode's, then a symptom's), then names and aliases.
   *
   * @throws NullPointerException if {@code idOrName} is null
   * @throws UnknownIdException if no failure mode or symptom has it; the message suggests near ids
   * @throws IllegalArgumentException if the symptom was confirmed; the message names both
   */
  public Query ruledOut(String idOrName) {
    return with(diagnoser.engine().checks().ruledOut(idOrName));
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
    return with(observations, findings, thresholds, max, stages, strict, minScore);
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
    return with(observations, findings, thresholds, limit, EnumSet.copyOf(Arrays.asList(only)), strict, minScore);
  }

  /** Returns a query whose {@link #diagnose()} throws {@link UnknownSymptomException} if any input is unrecognised. */
  public Query strict() {
    return with(observations, findings, thresholds, limit, stages, true, minScore);
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
    return with(observations, findings, thresholds, limit, stages, strict, score);
  }

  /**
   * Returns a query with measured values added, read against the catalog's signal rules beside the other inputs. A
   * metric name the catalog does not know is reported as unrecognised, with suggestions.
   *
   * @throws NullPointerException if the array or an element is null
   * @throws IllegalArgumentException if a value is outside its metric's range, such as a negative PSI or a p-value
   *     above 1; the message names the metric and its range
   */
  public Query observe(Observation... observations) {
    Objects.requireNonNull(observations, "observations");
    return observe(Arrays.asList(observations));
  }

  /**
   * Returns a query with measured values added; see {@link #observe(Observation...)}.
   *
   * @throws NullPointerException if the collection or an element is null
   * @throws IllegalArgumentException if a value is outside its metric's range
   */
  public Query observe(Collection<Observation> observations) {
    Objects.requireNonNull(observations, "observations");
    List<Observation> all = new ArrayList<>(this.observations);
    int i = 0;
    for (Observation o : observations) {
      Objects.requireNonNull(o, "observations[" + i++ + "]");
      checkRange(o);
      all.add(o);
    }
    return with(all, findings, thresholds, limit, stages, strict, minScore);
  }

  private void checkRange(Observation o) {
    String problem = rangeProblem(o);
    if (problem != null) {
      throw new IllegalArgumentException(problem + " in '" + o + "'; pass the value as measured, or check that the "
          + "metric is the one meant");
    }
  }

  /** Returns what is wrong with an observation's value or reference against its metric's range; null if nothing. */
  private String rangeProblem(Observation o) {
    Optional<Metric> metric = diagnoser.engine().metricId(o.metric()).flatMap(id -> diagnoser.catalog().metric(id));
    if (metric.isEmpty()) {
      return null;
    }
    Metric m = metric.get();
    if (!m.accepts(o.value())) {
      return m.id() + " must be " + m.range() + " (" + m.name() + "), was " + o.value();
    }
    if (o.reference().isPresent() && !m.accepts(o.reference().getAsDouble())) {
      return "the reference of " + m.id() + " must be " + m.range() + ", was " + o.reference().getAsDouble();
    }
    return null;
  }

  /**
   * Returns a query that reads a metric against its own threshold instead of the catalog's, for every signal of that
   * metric: a latency budget of 250 ms rather than the catalog's 100, a PSI alert level of 0.2.
   *
   * @param metric a metric id or alias
   * @throws NullPointerException if {@code metric} is null
   * @throws UnknownIdException if the catalog has no such metric; the message suggests near ones
   * @throws IllegalArgumentException if the threshold is NaN or infinite
   */
  public Query threshold(String metric, double threshold) {
    Objects.requireNonNull(metric, "metric");
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold for " + metric + " must be a finite number, was " + threshold);
    }
    String id = diagnoser.engine().metricId(metric).orElseThrow(() -> new UnknownIdException("metric", metric,
        diagnoser.engine().suggestMetrics(metric)));
    Map<String, Double> all = new LinkedHashMap<>(thresholds);
    all.put(id, threshold);
    return with(observations, findings, all, limit, stages, strict, minScore);
  }

  /**
   * Returns a query with the findings of tool reports added: symptoms they report, values they measured (read
   * against the catalog's thresholds, or the tool's own when the reader keeps them), and text to read. Findings that
   * are no failure signal are left out; checks this library does not know are listed as unrecognised.
   *
   * @throws NullPointerException if the array or an element is null
   */
  public Query withReports(Report... reports) {
    Objects.requireNonNull(reports, "reports");
    List<Engine.Input> all = new ArrayList<>(findings);
    List<Finding> found = new ArrayList<>(reported);
    for (int i = 0; i < reports.length; i++) {
      Report report = Objects.requireNonNull(reports[i], "reports[" + i + "]");
      all.addAll(inputs(report));
      found.addAll(report.findings());
    }
    return new Query(diagnoser, inputs, observations, all, found, thresholds, limit, stages, strict, minScore,
        answers);
  }

  /**
   * Returns a report's findings as the engine's inputs. A measured value outside its metric's range (a tool's
   * negative PSI) is listed as unrecognised with the range it breaks, so one bad value does not lose the report.
   */
  private List<Engine.Input> inputs(Report report) {
    List<Engine.Input> out = new ArrayList<>();
    for (Finding f : report.findings()) {
      String shown = f.toString();
      switch (f.kind()) {
        case SYMPTOM -> out.add(Engine.Input.symptom(shown, f.symptom().orElseThrow(), f.feature().orElse(null)));
        case MEASURED -> {
          String broken = rangeProblem(f.observation().orElseThrow());
          out.add(broken == null ? Engine.Input.of(shown, f.observation().orElseThrow())
              : Engine.Input.unknown(shown + " (not read: " + broken + ")"));
        }
        case TEXT -> out.add(Engine.Input.text(shown, f.text().orElseThrow()));
        case UNKNOWN -> out.add(Engine.Input.unknown(shown));
        default -> { } // no failure signal: nothing to weigh
      }
    }
    return out;
  }

  /** Returns the text inputs as given. */
  public List<String> inputs() {
    return inputs;
  }

  /** Returns the measured values, in the order given. */
  public List<Observation> observations() {
    return observations;
  }

  /**
   * Reads the inputs and ranks the failure modes.
   *
   * @throws UnknownSymptomException in strict mode, if any input was read as nothing (a blank one included)
   */
  public Diagnosis diagnose() {
    List<Engine.Input> all = new ArrayList<>(inputs.size() + observations.size() + findings.size());
    for (int i = 0; i < inputs.size(); i++) {
      all.add(Engine.Input.text(inputs.get(i)));
    }
    for (int i = 0; i < observations.size(); i++) {
      all.add(Engine.Input.of(observations.get(i)));
    }
    all.addAll(findings);
    Engine engine = diagnoser.engine();
    Engine.Result r = engine.diagnose(all, answers, thresholds, stages, minScore, limit);
    if (strict && !r.unrecognized().isEmpty()) {
      throw new UnknownSymptomException(r.unrecognized());
    }
    String[] shown = new String[all.size() + answers.list().size()];
    for (int i = 0; i < all.size(); i++) {
      shown[i] = all.get(i).display();
    }
    for (int i = 0; i < answers.list().size(); i++) {
      shown[all.size() + i] = answers.list().get(i).display();
    }
    return new Diagnosis(diagnoser.catalog().catalogVersion(), List.of(shown), r.resolutions(), r.unrecognized(),
        r.candidates(), new PlanOf(r), reported, r.notes(), new NextChecksOf(engine, r, answers),
        engine.checks().ruledOutModes(answers), engine.checks().standout(r.candidates()).isPresent(), diagnoser);
  }

  /** A result's fix plan, made when first asked for. */
  private static final class PlanOf implements Supplier<List<PlannedFix>> {
    private final Engine.Result result;

    PlanOf(Engine.Result result) {
      this.result = result;
    }

    @Override
    public List<PlannedFix> get() {
      return result.plan();
    }
  }

  /** The checks to run next after a result, chosen when first asked for. */
  private static final class NextChecksOf implements Supplier<List<NextCheck>> {
    private final Engine engine;
    private final Engine.Result result;
    private final Answers answers;

    NextChecksOf(Engine engine, Engine.Result result, Answers answers) {
      this.engine = engine;
      this.result = result;
      this.answers = answers;
    }

    @Override
    public List<NextCheck> get() {
      return engine.checks().next(result.candidates(), answers);
    }
  }

  /** Returns the inputs and settings. */
  @Override
  public String toString() {
    List<String> shown = new ArrayList<>(inputs);
    observations.forEach(o -> shown.add(o.toString()));
    findings.forEach(f -> shown.add(f.display()));
    answers.list().forEach(a -> shown.add(a.display()));
    return "Query" + shown + "[limit " + limit + (strict ? ", strict" : "") + ", stages " + stages
        + (thresholds.isEmpty() ? "" : ", thresholds " + thresholds) + "]";
  }
}
