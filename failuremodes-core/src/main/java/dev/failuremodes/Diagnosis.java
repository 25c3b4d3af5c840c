package dev.failuremodes;

import dev.failuremodes.alerts.Finding;
import dev.failuremodes.internal.render.DiagnosisRenderer;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The answer to a query: what each input resolved to, the inputs that were not recognised, the ranked candidates
 * and the fix plan. Immutable. {@code toString()} is a compact table, {@link #toMarkdown()} a report and {@link
 * #toJson()} the documented JSON shape.
 */
public final class Diagnosis {
  private final String catalogVersion;
  private final List<String> inputs;
  private final List<Resolution> resolutions;
  private final List<Unrecognized> unrecognized;
  private final List<Candidate> candidates;
  /** Makes the fix plan when it is first asked for (through the engine's result, which keeps it). */
  private final Supplier<List<PlannedFix>> plan;
  private final List<Finding> findings;
  private final List<String> notes;
  /** Chooses the next checks when they are first asked for: most callers never ask, and it costs a few µs. */
  private final Supplier<List<NextCheck>> nextCheckChooser;
  private volatile List<NextCheck> nextChecks;
  private final List<FailureMode> ruledOut;
  private final boolean standsOut;
  /** The diagnoser that made it, whose kept JSON parts {@link #toJson()} copies. */
  private final Diagnoser diagnoser;

  Diagnosis(
      String catalogVersion,
      List<String> inputs,
      List<Resolution> resolutions,
      List<Unrecognized> unrecognized,
      List<Candidate> candidates,
      Supplier<List<PlannedFix>> plan,
      List<Finding> findings,
      List<String> notes,
      Supplier<List<NextCheck>> nextChecks,
      List<FailureMode> ruledOut,
      boolean standsOut,
      Diagnoser diagnoser) {
    this.catalogVersion = catalogVersion;
    this.inputs = List.copyOf(inputs);
    this.resolutions = List.copyOf(resolutions);
    this.unrecognized = List.copyOf(unrecognized);
    this.candidates = List.copyOf(candidates);
    this.plan = plan;
    this.findings = List.copyOf(findings);
    this.notes = List.copyOf(notes);
    this.nextCheckChooser = nextChecks;
    this.ruledOut = List.copyOf(ruledOut);
    this.standsOut = standsOut;
    this.diagnoser = diagnoser;
  }

  /**
   * Returns the checks worth running next, the one that best tells the top candidates apart first: ordered by the
   * expected reduction in uncertainty over the candidates per unit of the check's effort (see {@link NextCheck}),
   * near-equal ones in debugging order. Each says which candidates a positive and a negative result favour. Checks
   * already answered, checks that could tell nothing new, and checks neither of whose results would change which
   * candidate leads are left out; empty when no check is left that could change the answer.
   */
  public List<NextCheck> nextChecks() {
    List<NextCheck> next = nextChecks;
    if (next == null) {
      // Racing threads compute equal lists from the same immutable inputs; either may be kept.
      next = List.copyOf(nextCheckChooser.get());
      nextChecks = next;
    }
    return next;
  }

  /** Returns the failure modes the query's results ruled out ({@link Query#ruledOut(String)}), in the order given. */
  public List<FailureMode> ruledOut() {
    return ruledOut;
  }

  /**
   * Returns the top candidate if it stands out: it holds at least two thirds of the candidates' combined scores,
   * counting the chance that the cause is none of them, so it is at least twice as likely as every alternative
   * together. An interview stops there.
   */
  public Optional<Candidate> standout() {
    return standsOut ? top() : Optional.empty();
  }

  /**
   * Returns what the reading of the inputs had to leave out, in words: an input beyond the limit per input is read
   * only up to it, and the note says how much was read. Empty when everything was read.
   */
  public List<String> notes() {
    return notes;
  }

  /** Returns the version of the catalog that produced it. */
  public String catalogVersion() {
    return catalogVersion;
  }

  /** Returns the inputs as given. */
  public List<String> inputs() {
    return inputs;
  }

  /**
   * Returns what each input resolved to, in input order; when several observations imply a value together (a
   * training and a validation score give their gap), one more at the end, {@code "derived from N observations"}.
   */
  public List<Resolution> resolutions() {
    return resolutions;
  }

  /** Returns the inputs that matched no symptom, with suggestions. */
  public List<Unrecognized> unrecognized() {
    return unrecognized;
  }

  /** Returns the candidates, most likely first. */
  public List<Candidate> candidates() {
    return candidates;
  }

  /** Returns the most likely candidate, if any input was recognised. */
  public Optional<Candidate> top() {
    return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
  }

  /**
   * Returns the fixes to try, most useful first, each naming the candidates it addresses. Made on the first call
   * (about a microsecond), so that callers who only rank do not pay for it.
   */
  public List<PlannedFix> plan() {
    return plan.get();
  }

  /**
   * Returns every finding of the tool reports the query read, whatever its kind, in report order: those that became
   * inputs, those that are no failure signal, and those listed as unrecognised.
   */
  public List<Finding> findings() {
    return findings;
  }

  /** Returns why there are no candidates, or empty when there are some. */
  public Optional<String> whyEmpty() {
    if (!candidates.isEmpty()) {
      return Optional.empty();
    }
    if (!ruledOut.isEmpty()) {
      List<String> ids = new java.util.ArrayList<>();
      ruledOut.forEach(m -> ids.add(m.id()));
      return Optional.of("No candidate is left once the ruled-out modes (" + String.join(", ", ids) + ") are"
          + " dropped: the cause may be none of them, or a result may be wrong; check the results, or describe more"
          + " of what was seen.");
    }
    if (resolutions.isEmpty() && !findings.isEmpty()) {
      return Optional.of("None of the reports' " + findings.size() + (findings.size() == 1 ? " finding is" : " findings"
          + " are") + " a failure signal: each check passed without a value or says nothing about a failure; see"
          + " findings().");
    }
    if (resolutions.stream().noneMatch(Resolution::recognized)) {
      return Optional.of("No input was recognised as a symptom; see the suggestions, or use ids from catalog.symptoms().");
    }
    List<String> measured = new java.util.ArrayList<>();
    resolutions.forEach(r -> measured.addAll(r.measurements()));
    if (!measured.isEmpty() && resolutions.stream().allMatch(r -> r.matches().isEmpty() && r.namedModes().isEmpty()
        && r.words().isEmpty())) {
      boolean allHealthy = measured.stream().allMatch(m -> m.contains(", healthy ("));
      return Optional.of((allHealthy ? "Every value read is on the healthy side of its threshold: "
          : "No value read crosses a threshold: ") + String.join("; ", measured) + ".");
    }
    return Optional.of("The recognised symptoms point to no failure mode within the chosen stages and minimum score.");
  }

  /** Returns a Markdown report: candidates, evidence and plan. */
  public String toMarkdown() {
    return DiagnosisRenderer.markdown(this);
  }

  /** Returns the diagnosis as JSON in the shape documented in the README. */
  public String toJson() {
    return DiagnosisRenderer.json(this, diagnoser.jsonParts());
  }

  /** Returns a compact table for JShell and test failures. */
  @Override
  public String toString() {
    return DiagnosisRenderer.table(this);
  }
}
