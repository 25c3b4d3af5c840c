package dev.failuremodes.internal.engine;

import dev.failuremodes.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The results a query was given, in the order given: check outcomes, symptoms confirmed or ruled out, and failure
 * modes ruled out. Immutable; {@link #with(Answer)} returns a copy. Contradictory results are refused when added.
 */
public final class Answers {
  /** No results. */
  public static final Answers NONE = new Answers(List.of());

  /** What a result says. */
  public enum Kind {
    /** A check came out positive or negative. */
    CHECK,
    /** A symptom was seen. */
    CONFIRMED,
    /** A symptom was looked for and is not there. */
    RULED_OUT_SYMPTOM,
    /** A failure mode is not the cause: it is dropped from the candidates. */
    RULED_OUT_MODE
  }

  /**
   * One result.
   *
   * @param kind what it says
   * @param id the check's, symptom's or mode's id
   * @param outcome the check's outcome; null for other kinds
   * @param given the id or name as the caller gave it, for messages
   * @param display how the diagnosis shows it among its inputs, such as {@code "check learning-curves: negative"}
   */
  public record Answer(Kind kind, String id, Outcome outcome, String given, String display) {}

  private final List<Answer> list;

  private Answers(List<Answer> list) {
    this.list = List.copyOf(list);
  }

  /** Returns the results in the order given. */
  public List<Answer> list() {
    return list;
  }

  /** Returns whether there are none. */
  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** Returns whether a check has been answered. */
  boolean answered(String checkId) {
    for (Answer a : list) {
      if (a.kind() == Kind.CHECK && a.id().equals(checkId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns these results and one more; the same result again changes nothing.
   *
   * @throws IllegalArgumentException if it contradicts one already given: a symptom both confirmed and ruled out,
   *     or a check both positive and negative; the message names both
   */
  public Answers with(Answer answer) {
    Objects.requireNonNull(answer, "answer");
    for (Answer a : list) {
      if (a.kind() == answer.kind() && a.id().equals(answer.id()) && Objects.equals(a.outcome(), answer.outcome())) {
        return this;
      }
      if (!a.id().equals(answer.id())) {
        continue;
      }
      if (a.kind() == Kind.CHECK && answer.kind() == Kind.CHECK) {
        throw new IllegalArgumentException("Check '" + a.id() + "' is both " + a.outcome() + " (checked(\"" + a.given()
            + "\", " + a.outcome().name() + ")) and " + answer.outcome() + " (checked(\"" + answer.given() + "\", "
            + answer.outcome().name() + ")); keep the result the check gave.");
      }
      boolean confirmedThenRuledOut = a.kind() == Kind.CONFIRMED && answer.kind() == Kind.RULED_OUT_SYMPTOM;
      boolean ruledOutThenConfirmed = a.kind() == Kind.RULED_OUT_SYMPTOM && answer.kind() == Kind.CONFIRMED;
      if (confirmedThenRuledOut || ruledOutThenConfirmed) {
        Answer confirmed = confirmedThenRuledOut ? a : answer;
        Answer ruledOut = confirmedThenRuledOut ? answer : a;
        throw new IllegalArgumentException("Symptom '" + a.id() + "' is both confirmed (confirmed(\""
            + confirmed.given() + "\")) and ruled out (ruledOut(\"" + ruledOut.given() + "\")); keep the one that"
            + " holds.");
      }
    }
    List<Answer> all = new ArrayList<>(list);
    all.add(answer);
    return new Answers(all);
  }

  /** Returns the results, as the diagnosis shows them. */
  @Override
  public String toString() {
    return list.stream().map(Answer::display).toList().toString();
  }
}
