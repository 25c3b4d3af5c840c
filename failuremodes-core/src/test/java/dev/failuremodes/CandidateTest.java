package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateTest {
  private static final Diagnosis DIAGNOSIS =
      FailureModes.forSymptoms("train-test-gap", "launch-regression", "not overfitting").diagnose();

  @Test
  void explanation_madeFromTheEvidence_saysWhyItRanks() {
    Candidate top = DIAGNOSIS.top().orElseThrow();
    assertThat(top.explanation()).isEqualTo(
        "Data leakage (data) is indicated by 'launch-regression' (launch-regression) and 1 more piece of evidence.");
  }

  @Test
  void candidateExplainedByItsEvidence_equalsTheDiagnosisOne() {
    for (Candidate c : DIAGNOSIS.candidates()) {
      Candidate rebuilt = new Candidate(c.rank(), c.failureMode(), c.score(), c.evidence());
      assertThat(rebuilt).isEqualTo(c).hasSameHashCodeAs(c);
      assertThat(rebuilt.explanation()).isEqualTo(c.explanation());
      assertThat(new Candidate(c.rank(), c.failureMode(), c.score(), c.evidence(), c.explanation())).isEqualTo(c);
      assertThat(new Candidate(c.rank(), c.failureMode(), c.score(), c.evidence(), "Another reason.")).isNotEqualTo(c);
    }
  }

  @Test
  void candidateWithoutEvidence_needsAnExplanationOfItsOwn() {
    FailureMode overfitting = FailureModes.catalog().requireFailureMode("overfitting");
    assertThat(new Candidate(1, overfitting, 0.5, List.of(), "Given.").explanation()).isEqualTo("Given.");
    assertThatThrownBy(() -> new Candidate(1, overfitting, 0.5, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A candidate explained by its evidence needs at least one piece of evidence; for overfitting none"
            + " was given. Pass the evidence, or an explanation of your own.");
    assertThatThrownBy(() -> new Candidate(1, overfitting, 0.5, List.of(), null))
        .isInstanceOf(NullPointerException.class).hasMessage("explanation");
  }

  @Test
  void toString_isRankIdAndScore() {
    assertThat(DIAGNOSIS.top().orElseThrow().toString()).matches("#1 data-leakage 0\\.\\d\\d");
  }

  /** A list that counts how often its elements are made. */
  private static final class Counted extends dev.failuremodes.internal.MadeOnRead<Evidence> {
    final java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
    private final List<Evidence> elements;

    Counted(int announced, List<Evidence> elements) {
      super(announced);
      this.elements = elements;
    }

    @Override
    protected Evidence[] make() {
      made.incrementAndGet();
      return elements.toArray(new Evidence[0]);
    }
  }

  @Test
  void diagnosisEvidence_isMadeWhenFirstRead_onceAndImmutable() {
    List<Evidence> given = DIAGNOSIS.top().orElseThrow().evidence();
    Counted lazy = new Counted(given.size(), List.copyOf(given));
    FailureMode mode = DIAGNOSIS.top().orElseThrow().failureMode();
    Candidate c = new Candidate(1, mode, 0.5, lazy);
    Candidate explained = new Candidate(1, mode, 0.5, lazy, "Given.");
    assertThat(lazy.made).as("made by the constructors").hasValue(0);
    assertThat(c.evidence()).as("kept without a copy").isSameAs(lazy).hasSize(given.size());
    assertThat(explained.evidence()).isSameAs(lazy);
    assertThat(lazy.made).as("made by asking the size").hasValue(0);
    assertThat(c.evidence()).isEqualTo(given).hasSameHashCodeAs(given);
    assertThat(c.evidence().get(0)).isSameAs(given.get(0));
    assertThat(lazy.made).as("made once, however often read").hasValue(1);
    assertThatThrownBy(() -> c.evidence().add(given.get(0))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.evidence().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(c.evidence()).hasSize(given.size());
    assertThatThrownBy(() -> c.evidence().get(given.size())).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(c.evidence().indexOf(given.get(0))).isZero();
    assertThat(c.evidence().contains(null)).isFalse();
    Counted wrong = new Counted(given.size() + 1, List.copyOf(given));
    assertThatThrownBy(() -> wrong.get(0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has " + given.size() + " elements where " + (given.size() + 1) + " were announced");
  }

  @Test
  void textDiagnosisEvidence_readByManyThreadsAtOnce_isTheSameForAll() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      readAtOnce(pool);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void readAtOnce(java.util.concurrent.ExecutorService pool) throws Exception {
    for (int round = 0; round < 20; round++) {
      Diagnosis d = FailureModes.forSymptoms("After the release the accuracy dropped sharply and the trian/test gap"
          + " looked suspicious", "PSI 0.31 on feature age").diagnose();
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
      List<java.util.concurrent.CompletableFuture<List<List<Evidence>>>> reads = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        reads.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          List<List<Evidence>> out = new java.util.ArrayList<>();
          for (Candidate c : d.candidates()) {
            out.add(List.copyOf(c.evidence()));
          }
          return out;
        }, pool));
      }
      List<List<Evidence>> first = reads.get(0).get();
      assertThat(first).hasSize(d.candidates().size()).allSatisfy(e -> assertThat(e).isNotEmpty());
      for (java.util.concurrent.CompletableFuture<List<List<Evidence>>> r : reads) {
        assertThat(r.get()).isEqualTo(first);
      }
      for (int i = 0; i < first.size(); i++) {
        assertThat(d.candidates().get(i).evidence()).isEqualTo(first.get(i));
        assertThat(d.candidates().get(i).evidence().get(0)).as("made once, then kept")
            .isSameAs(d.candidates().get(i).evidence().get(0));
      }
    }
  }
}
