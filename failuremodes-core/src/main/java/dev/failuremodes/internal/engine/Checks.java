package dev.failuremodes.internal.engine;

import dev.failuremodes.Candidate;
import dev.failuremodes.Catalog;
import dev.failuremodes.DetectionMethod;
import dev.failuremodes.Evidence;
import dev.failuremodes.EvidenceKind;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Level;
import dev.failuremodes.NextCheck;
import dev.failuremodes.Outcome;
import dev.failuremodes.Resolution;
import dev.failuremodes.SymptomMatch;
import dev.failuremodes.UnknownIdException;
import dev.failuremodes.internal.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog's checks as the engine uses them: results as evidence, and the checks worth running next.
 *
 * <p>One model of a check serves both the evidence and the choice of the next check. If mode {@code m} is the
 * cause, check {@code c} gives the outcome it predicts for {@code m} with probability {@code (1 + a) / 2}, where the
 * agreement {@code a} is {@link Tuning#checkWeight} for {@code c}'s effectiveness, times {@link Tuning#crossFactor}
 * when the prediction is negative; a mode without a prediction gives either outcome evenly. A result therefore has
 * a likelihood ratio {@code L} for {@code m} against a mode without a prediction: {@code 1 + a} as predicted, {@code
 * 1 - a} otherwise. Contrary to the prediction it counts against {@code m} with {@code 1 - L = a}, so the score is
 * multiplied by {@code L}; as predicted it counts for {@code m} with {@code (L - 1) / (L + 1)}, which moves even odds
 * by {@code L}. A negative result as predicted counts for a mode only when other evidence already does, so that "no
 * input drift" does not make every mode that predicts no drift a candidate.
 *
 * <p>The next check maximises the expected information gain per unit of effort. The candidates' scores, normalised
 * into shares together with the chance that the cause is none of them ({@code Π(1 - score)}), are the prior. The gain
 * is the mutual information between the outcome and the cause, {@code H(O) - H(O | cause)}, in bits: the expected
 * fall of the entropy over the causes. It is divided by {@link Tuning#checkCost} for the check's effort, compared in
 * steps of
 * {@code 1 / checkBuckets}, and ties go to the check of the earlier stage in the debugging order, then the lower
 * effort, then the id. A check is not offered when it was answered, when it predicts nothing for any candidate, when
 * it predicts for the candidates exactly what an answered check predicts (its answer would tell nothing new), when
 * its gain is below {@link Tuning#minCheckGain}, or when neither of its results would change which candidate leads
 * (the top candidate, or "none of them" when {@code Π(1 - score)} is above every score), the scores updated as the
 * evidence above would update them. Work is linear in checks times candidates. Immutable and thread-safe.
 */
public final class Checks {
  private static final byte NONE = 0;
  private static final byte POSITIVE = 1;
  private static final byte NEGATIVE = 2;
  /** Ends the source of a negative-as-predicted result's evidence: it supports a mode only beside other evidence. */
  private static final String SUPPORT_ONLY = "~";

  /** One check: its predictions by live-mode index and its arithmetic, fixed when the engine is built. */
  private static final class Check {
    final DetectionMethod method;
    final String id;
    final byte[] prediction;
    final boolean predicts;
    /** The agreement for a positive and for a negative prediction: {@code 2 P(outcome as predicted) - 1}. */
    final double[] agreement = new double[3];
    final double cost;
    final int stageOrder;
    /** Per prediction (none, positive, negative): the probability of a positive outcome, and its entropy. */
    final double[] positiveChance = new double[3];
    final double[] entropy = new double[3];

    Check(DetectionMethod method, byte[] prediction, boolean predicts, Tuning tuning, int stageOrder) {
      this.method = method;
      this.id = method.id().orElseThrow();
      this.prediction = prediction;
      this.predicts = predicts;
      double weight = tuning.checkWeight()[method.effectiveness().ordinal()];
      agreement[POSITIVE] = weight;
      agreement[NEGATIVE] = weight * tuning.crossFactor();
      this.cost = tuning.checkCost()[method.effort().orElse(Level.MEDIUM).ordinal()];
      this.stageOrder = stageOrder;
      positiveChance[NONE] = 0.5;
      positiveChance[POSITIVE] = (1 + agreement[POSITIVE]) / 2;
      positiveChance[NEGATIVE] = (1 - agreement[NEGATIVE]) / 2;
      for (int i = 0; i < 3; i++) {
        entropy[i] = entropy(positiveChance[i]);
      }
    }
  }

  private final Tuning tuning;
  private final List<FailureMode> liveModes;
  private final Map<String, Integer> modeIndex;
  private final SymptomIndex symptoms;
  private final ModeNames names;
  private final Set<String> symptomIds = new LinkedHashSet<>();
  /** Every check with an id, by id; those of deprecated modes too, so that an old answer still reads. */
  private final Map<String, Check> byId = new LinkedHashMap<>();
  /** The checks that make predictions, of live modes, in catalog order. */
  private final Check[] predicting;

  Checks(Catalog catalog, List<FailureMode> liveModes, Map<String, Integer> modeIndex, SymptomIndex symptoms,
      ModeNames names, Tuning tuning) {
    this.tuning = tuning;
    this.liveModes = liveModes;
    this.modeIndex = modeIndex;
    this.symptoms = symptoms;
    this.names = names;
    for (dev.failuremodes.Symptom s : catalog.symptoms()) {
      if (!s.deprecated()) {
        symptomIds.add(s.id());
      }
    }
    List<Check> live = new ArrayList<>();
    for (FailureMode owner : catalog.failureModes()) {
      for (DetectionMethod d : owner.detection()) {
        if (d.id().isEmpty()) {
          continue;
        }
        byte[] prediction = new byte[liveModes.size()];
        boolean predicts = false;
        for (Map.Entry<String, Outcome> p : d.predicts().entrySet()) {
          Integer m = modeIndex.get(p.getKey());
          if (m != null) {
            prediction[m] = p.getValue() == Outcome.POSITIVE ? POSITIVE : NEGATIVE;
            predicts = true;
          }
        }
        Check check = new Check(d, prediction, predicts, tuning, owner.stage().debuggingOrder());
        byId.putIfAbsent(check.id, check);
        if (predicts && !owner.deprecated()) {
          live.add(check);
        }
      }
    }
    this.predicting = live.toArray(new Check[0]);
  }

  // ---- Results as given: ids resolved, unknown ones refused with suggestions ----

  /**
   * Returns a check's result.
   *
   * @throws UnknownIdException if the catalog has no check with this id; the message suggests near ids
   */
  public Answers.Answer check(String checkId, Outcome outcome) {
    Objects.requireNonNull(checkId, "checkId");
    Objects.requireNonNull(outcome, "outcome");
    Check check = byId.get(checkId.strip());
    if (check == null) {
      throw new UnknownIdException("check", checkId, Suggestions.nearest(checkId, byId.keySet(), 3));
    }
    return new Answers.Answer(Answers.Kind.CHECK, check.id, outcome, checkId,
        "check " + check.id + ": " + outcome.id());
  }

  /**
   * Returns a symptom seen: its id, name or an alias.
   *
   * @throws UnknownIdException if no symptom has it; the message suggests near ids
   */
  public Answers.Answer confirmed(String symptom) {
    Objects.requireNonNull(symptom, "symptom");
    Optional<SymptomMatch> match = symptoms.exact(symptom);
    if (match.isEmpty()) {
      throw new UnknownIdException("symptom", symptom, Suggestions.nearest(symptom, symptomIds, 3));
    }
    String id = match.get().symptom().id();
    return new Answers.Answer(Answers.Kind.CONFIRMED, id, null, symptom, "confirmed: " + id);
  }

  /**
   * Returns a failure mode or a symptom ruled out: an id first (a mode's, then a symptom's), then a name or an alias
   * (a mode's, then a symptom's).
   *
   * @throws UnknownIdException if nothing has it; the message suggests near mode and symptom ids
   */
  public Answers.Answer ruledOut(String idOrName) {
    Objects.requireNonNull(idOrName, "idOrName");
    String key = idOrName.strip();
    FailureMode mode = modeIndex.containsKey(key) ? liveModes.get(modeIndex.get(key)) : null;
    String symptom = mode == null && symptomIds.contains(key) ? key : null;
    if (mode == null && symptom == null) {
      mode = names.exact(idOrName);
      if (mode == null) {
        symptom = symptoms.exact(idOrName).map(m -> m.symptom().id()).orElse(null);
      }
    }
    if (mode != null) {
      return new Answers.Answer(Answers.Kind.RULED_OUT_MODE, mode.id(), null, idOrName, "ruled out: " + mode.id());
    }
    if (symptom != null) {
      return new Answers.Answer(Answers.Kind.RULED_OUT_SYMPTOM, symptom, null, idOrName, "ruled out: " + symptom);
    }
    List<String> ids = new ArrayList<>(modeIndex.keySet());
    ids.addAll(symptomIds);
    throw new UnknownIdException("failure mode or symptom", idOrName, Suggestions.nearest(idOrName, ids, 3));
  }

  // ---- Results as evidence ----

  /** Reads one result into its resolution and evidence; symptom results go through the engine's symptom route. */
  Engine.Reading read(Answers.Answer a, Engine engine) {
    List<Engine.Item> items = new ArrayList<>();
    List<SymptomMatch> seen = new ArrayList<>();
    List<SymptomMatch> notSeen = new ArrayList<>();
    List<FailureMode> modes = new ArrayList<>();
    Map<String, Outcome> checked = new LinkedHashMap<>();
    switch (a.kind()) {
      case CHECK -> {
        Check check = byId.get(a.id());
        checked.put(a.id(), a.outcome());
        String meaning = check.method.meaning(a.outcome());
        for (int m = 0; m < check.prediction.length; m++) {
          byte p = check.prediction[m];
          if (p == NONE) {
            continue;
          }
          boolean predictedPositive = p == POSITIVE;
          boolean asPredicted = (a.outcome() == Outcome.POSITIVE) == predictedPositive;
          double agreement = check.agreement[p];
          double weight = Engine.round(asPredicted ? agreement / (2 + agreement) : agreement);
          Evidence e = new Evidence(a.display(), EvidenceKind.CHECK, !asPredicted, Optional.empty(),
              Optional.of(check.id), List.of(), meaning, weight, 1.0, weight);
          String source = "check:" + check.id + (asPredicted && !predictedPositive ? SUPPORT_ONLY : "");
          items.add(new Engine.Item(liveModes.get(m), m, source, e, null));
        }
      }
      case CONFIRMED -> {
        symptoms.exact(a.id()).ifPresent(seen::add);
        engine.resultEvidence(a.display(), a.id(), false, items);
      }
      case RULED_OUT_SYMPTOM -> {
        symptoms.exact(a.id()).ifPresent(notSeen::add);
        engine.resultEvidence(a.display(), a.id(), true, items);
      }
      case RULED_OUT_MODE -> modes.add(liveModes.get(modeIndex.get(a.id())));
      default -> throw new IllegalStateException("unknown kind of result " + a.kind());
    }
    Resolution r = new Resolution(a.display(), seen, List.of(), notSeen, modes, List.of(), List.of(), checked);
    return new Engine.Reading(r, items, null, true);
  }

  /**
   * Drops, from each mode whose only support is a negative result as predicted, that support: it may confirm a
   * suspicion, never raise one.
   */
  void dropUnsupported(List<List<Engine.Item>> touched) {
    for (List<Engine.Item> items : touched) {
      boolean supported = false;
      boolean supportOnly = false;
      for (Engine.Item item : items) {
        if (!item.against()) {
          boolean only = item.source().endsWith(SUPPORT_ONLY);
          supportOnly |= only;
          supported |= !only;
        }
      }
      if (supportOnly && !supported) {
        items.removeIf(item -> !item.against() && item.source().endsWith(SUPPORT_ONLY));
      }
    }
  }

  /** Returns, by live-mode index, the modes the results rule out; null when they rule out none. */
  boolean[] ruledOut(Answers answers) {
    boolean[] out = null;
    for (Answers.Answer a : answers.list()) {
      if (a.kind() == Answers.Kind.RULED_OUT_MODE) {
        if (out == null) {
          out = new boolean[liveModes.size()];
        }
        out[modeIndex.get(a.id())] = true;
      }
    }
    return out;
  }

  /** Returns the failure modes the results rule out, in the order given. */
  public List<FailureMode> ruledOutModes(Answers answers) {
    List<FailureMode> out = new ArrayList<>();
    for (Answers.Answer a : answers.list()) {
      if (a.kind() == Answers.Kind.RULED_OUT_MODE) {
        out.add(liveModes.get(modeIndex.get(a.id())));
      }
    }
    return out;
  }

  /**
   * Returns the candidates with each check result that counts for or against them said in their explanation:
   * {@code "... For it: serving features differ from training for the same requests."}.
   */
  List<Candidate> explain(List<Candidate> candidates) {
    List<Candidate> out = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      List<String> forIt = new ArrayList<>();
      List<String> against = new ArrayList<>();
      for (Evidence e : c.evidence()) {
        if (e.kind() == EvidenceKind.CHECK) {
          (e.against() ? against : forIt).add(e.detail());
        }
      }
      if (forIt.isEmpty() && against.isEmpty()) {
        out.add(c);
        continue;
      }
      StringBuilder explanation = new StringBuilder(c.explanation());
      if (!forIt.isEmpty()) {
        explanation.append(" For it: ").append(String.join("; ", forIt)).append('.');
      }
      if (!against.isEmpty()) {
        explanation.append(" Against it: ").append(String.join("; ", against)).append('.');
      }
      out.add(new Candidate(c.rank(), c.failureMode(), c.score(), c.evidence(), explanation.toString()));
    }
    return out;
  }

  /**
   * Returns the top candidate when it stands out: its share of the candidates' scores, with the chance that the
   * cause is none of them ({@code Π(1 - score)}), is at least {@link Tuning#standOutShare}.
   */
  public Optional<Candidate> standout(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    double none = 1.0;
    double total = 0;
    for (Candidate c : candidates) {
      none *= 1.0 - c.score();
      total += c.score();
    }
    Candidate top = candidates.get(0);
    return top.score() >= tuning.standOutShare() * (total + none) ? Optional.of(top) : Optional.empty();
  }

  // ---- The checks worth running next ----

  /** A check with its gain while the next checks are ordered. */
  private record Scored(Check check, double gain, double value, long bucket) {}

  /** Returns the checks worth running next for these candidates, best first; see the class comment. */
  public List<NextCheck> next(List<Candidate> candidates, Answers answers) {
    int n = candidates.size();
    if (n == 0) {
      return List.of();
    }
    int[] index = new int[n];
    double[] share = new double[n];
    double none = 1.0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      Candidate c = candidates.get(i);
      index[i] = modeIndex.get(c.id());
      share[i] = c.score();
      none *= 1.0 - c.score();
      total += c.score();
    }
    total += none;
    if (total <= 0) {
      return List.of();
    }
    for (int i = 0; i < n; i++) {
      share[i] /= total;
    }
    none /= total;
    List<Check> asked = new ArrayList<>();
    for (Answers.Answer a : answers.list()) {
      if (a.kind() == Answers.Kind.CHECK) {
        asked.add(byId.get(a.id()));
      }
    }
    List<Scored> scored = new ArrayList<>();
    for (Check check : predicting) {
      if (asked.contains(check)) {
        continue;
      }
      double positive = none * 0.5;
      double conditional = none; // a mode without a prediction: one full bit of uncertainty about the outcome
      boolean any = false;
      for (int i = 0; i < n; i++) {
        byte p = check.prediction[index[i]];
        any |= p != NONE;
        positive += share[i] * check.positiveChance[p];
        conditional += share[i] * check.entropy[p];
      }
      if (!any || sameAsAsked(check, asked, index)) {
        continue;
      }
      double gain = entropy(positive) - conditional;
      if (gain < tuning.minCheckGain() || !changesLeader(check, index, candidates)) {
        continue;
      }
      double value = gain / check.cost;
      scored.add(new Scored(check, gain, value, Math.round(value * tuning.checkBuckets())));
    }
    scored.sort((a, b) -> {
      int c = Long.compare(b.bucket(), a.bucket());
      if (c == 0) {
        c = Integer.compare(a.check().stageOrder, b.check().stageOrder);
      }
      if (c == 0) {
        c = Double.compare(a.check().cost, b.check().cost);
      }
      return c != 0 ? c : a.check().id.compareTo(b.check().id);
    });
    List<NextCheck> out = new ArrayList<>(scored.size());
    for (Scored s : scored) {
      List<String> ifPositive = new ArrayList<>(2);
      List<String> ifNegative = new ArrayList<>(2);
      for (int i = 0; i < n; i++) {
        byte p = s.check().prediction[index[i]];
        if (p == POSITIVE) {
          ifPositive.add(candidates.get(i).id());
        } else if (p == NEGATIVE) {
          ifNegative.add(candidates.get(i).id());
        }
      }
      out.add(new NextCheck(s.check().method, ifPositive, ifNegative, Engine.round(s.gain()),
          Engine.round(s.value())));
    }
    return out;
  }

  /**
   * Whether a positive or a negative result would change which candidate leads, or make "none of them" ({@code
   * Π(1 - score)}) lead instead of a candidate or the other way round.
   */
  private static boolean changesLeader(Check check, int[] index, List<Candidate> candidates) {
    int leader = leader(check, index, candidates, null);
    return leader(check, index, candidates, Outcome.POSITIVE) != leader
        || leader(check, index, candidates, Outcome.NEGATIVE) != leader;
  }

  /** Returns the leading candidate's position after a result ({@code null} for none), or -1 for "none of them". */
  private static int leader(Check check, int[] index, List<Candidate> candidates, Outcome outcome) {
    int best = -1;
    double bestScore = -1;
    double none = 1.0;
    for (int i = 0; i < index.length; i++) {
      double s = candidates.get(i).score();
      byte p = check.prediction[index[i]];
      if (outcome != null && p != NONE) {
        double a = check.agreement[p];
        boolean asPredicted = (outcome == Outcome.POSITIVE) == (p == POSITIVE);
        s = asPredicted ? 1 - (1 - s) * (1 - a / (2 + a)) : s * (1 - a);
      }
      none *= 1 - s;
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    }
    return none > bestScore ? -1 : best;
  }

  /** Whether an answered check predicts for these candidates exactly what this one does. */
  private static boolean sameAsAsked(Check check, List<Check> asked, int[] index) {
    for (Check a : asked) {
      boolean same = true;
      for (int i : index) {
        if (a.prediction[i] != check.prediction[i]) {
          same = false;
          break;
        }
      }
      if (same) {
        return true;
      }
    }
    return false;
  }

  /** Binary entropy in bits. */
  private static double entropy(double p) {
    if (p <= 0 || p >= 1) {
      return 0;
    }
    return -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / LN2;
  }

  private static final double LN2 = Math.log(2);

  /** Returns how many checks there are, and how many make predictions. */
  @Override
  public String toString() {
    return "Checks[" + byId.size() + " checks, " + predicting.length + " with predictions]";
  }
}
