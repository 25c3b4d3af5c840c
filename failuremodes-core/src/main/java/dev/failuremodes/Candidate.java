package dev.failuremodes;

import dev.failuremodes.internal.Explanations;
import dev.failuremodes.internal.MadeOnRead;
import dev.failuremodes.internal.Numbers;
import java.util.List;
import java.util.Objects;

/**
 * A failure mode that may explain the inputs, with its score and the evidence for it. Immutable and thread-safe; two
 * candidates are equal when their rank, failure mode, score, evidence and explanation are.
 */
public final class Candidate {
  private final int rank;
  private final FailureMode failureMode;
  private final double score;
  private final List<Evidence> evidence;
  /** Given, or made from the evidence when first asked for: most candidates of a ranking are never explained. */
  private volatile String explanation;

  /**
   * Returns a candidate with the explanation given.
   *
   * @param rank 1 for the most likely
   * @param failureMode the failure mode
   * @param score in [0, 1]: the combined evidence, comparable within one diagnosis
   * @param evidence the inputs that supported it, strongest first; copied (a diagnosis's own evidence, made when first read, is kept as it is)
   * @param explanation one sentence saying why it is ranked here
   * @throws NullPointerException if an argument is null
   */
  public Candidate(int rank, FailureMode failureMode, double score, List<Evidence> evidence, String explanation) {
    this.rank = rank;
    this.failureMode = Objects.requireNonNull(failureMode, "failureMode");
    this.score = score;
    this.evidence = evidence instanceof MadeOnRead ? evidence : List.copyOf(evidence);
    this.explanation = Objects.requireNonNull(explanation, "explanation");
  }

  /**
   * Returns a candidate whose explanation is made from its evidence when first asked for, as a diagnosis explains
   * its candidates: {@code "Overfitting (modeling) is indicated by 'train-test-gap' (train-test-gap)."}.
   *
   * @param evidence the inputs that supported it, strongest first, at least one; copied (a diagnosis's own evidence, made when first read, is kept as it is)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code evidence} is empty: there would be nothing to explain it by
   */
  public Candidate(int rank, FailureMode failureMode, double score, List<Evidence> evidence) {
    this.rank = rank;
    this.failureMode = Objects.requireNonNull(failureMode, "failureMode");
    this.score = score;
    // A diagnosis's evidence is made when first read; it is immutable already.
    this.evidence = evidence instanceof MadeOnRead ? evidence : List.copyOf(evidence);
    if (this.evidence.isEmpty()) {
      throw new IllegalArgumentException("A candidate explained by its evidence needs at least one piece of evidence;"
          + " for " + failureMode.id() + " none was given. Pass the evidence, or an explanation of your own.");
    }
  }

  /** Returns the rank: 1 for the most likely. */
  public int rank() {
    return rank;
  }

  /** Returns the failure mode. */
  public FailureMode failureMode() {
    return failureMode;
  }

  /** Returns the score, in [0, 1]: the combined evidence, comparable within one diagnosis. */
  public double score() {
    return score;
  }

  /**
   * Returns the inputs that supported it, strongest first: an immutable list. In a diagnosis, the pieces of evidence
   * are made when this list is first read, not while the candidates are ranked.
   */
  public List<Evidence> evidence() {
    return evidence;
  }

  /** Returns one sentence saying why it is ranked here. */
  public String explanation() {
    String made = explanation;
    if (made == null) {
      made = Explanations.of(failureMode, evidence);
      explanation = made;
    }
    return made;
  }

  /** Returns the failure mode's id. */
  public String id() {
    return failureMode.id();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Candidate c && rank == c.rank && Double.compare(score, c.score) == 0
        && failureMode.equals(c.failureMode) && evidence.equals(c.evidence) && explanation().equals(c.explanation());
  }

  @Override
  public int hashCode() {
    return Objects.hash(rank, failureMode, score, evidence, explanation());
  }

  /** Returns {@code #rank id score}. */
  @Override
  public String toString() {
    return "#" + rank + " " + failureMode.id() + " " + Numbers.twoDecimals(score);
  }
}
