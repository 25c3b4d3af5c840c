package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Inputs from the wild: pasted URLs and base64 blobs (one long unbroken word), a word repeated without spaces,
 * random text of any length, a log beyond the limit per input. Each is read in bounded time and memory (before, a
 * 3,000-character word ran a 4 GB heap out of memory), noise matches nothing, and what is left unread is said.
 */
class HostileInputTest {
  private static String letters(int n, long seed) {
    Random r = new Random(seed);
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append((char) ('a' + r.nextInt(26)));
    }
    return out.toString();
  }

  /** Random words, a fifth of them common English ones, in sentences. */
  private static String randomText(int words, long seed) {
    Random r = new Random(seed);
    String[] common = "the of and to in is was for on that with as by at from this be are it an or which not have has"
        .split(" ");
    List<String> vocabulary = new ArrayList<>(List.of(common));
    for (int i = 0; i < 5000; i++) {
      vocabulary.add(letters(3 + r.nextInt(7), r.nextLong()));
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words; i++) {
      out.append(vocabulary.get(r.nextInt(vocabulary.size()))).append(i % 17 == 16 ? ". " : " ");
    }
    return out.toString();
  }

  @Test
  void oneLongUnbrokenWord_isReadAndMatchesNothing() {
    String blob = letters(100_000, 1);
    Diagnosis d = FailureModes.forSymptoms(blob).diagnose();

    assertThat(d.candidates()).isEmpty();
    assertThat(d.unrecognized()).singleElement().satisfies(u -> assertThat(u.input()).isEqualTo(blob));
    assertThat(d.notes()).isEmpty();
  }

  @Test
  void aLongRunOfTheLetterY_isReadAndMatchesNothing() {
    // Whether a 'y' is a consonant depends on the letter before it; asked recursively, a run of them overflowed the
    // stack.
    Diagnosis d = FailureModes.forSymptoms("y".repeat(200_000), "large train-test gap").diagnose();
    assertThat(d.top()).map(Candidate::id).hasValue("overfitting");
    assertThat(d.unrecognized()).singleElement().satisfies(u -> assertThat(u.input()).hasSize(200_000));
  }

  @Test
  void aWordRepeatedWithoutSpaces_isReadAndMatchesNothing() {
    Diagnosis d = FailureModes.forSymptoms("overfitting".repeat(1000)).diagnose();
    assertThat(d.candidates()).isEmpty();
    assertThat(d.unrecognized()).hasSize(1);
  }

  @Test
  void digitsOfOtherScripts_areNotReadAsNumbers() {
    // Character.isDigit accepts Arabic-Indic and NKo digits, which Double.parseDouble refuses (found by fuzzing).
    Diagnosis d = FailureModes.forSymptoms("accuracy dropped to \u0669\u0663%", "loss \u07C8", "\u0661\u0662\u0663",
        "large train-test gap").diagnose();
    assertThat(d.top()).map(Candidate::id).hasValue("overfitting");
    // Read as words the catalog does not know, never as measured values.
    assertThat(d.resolutions().subList(0, 3)).noneMatch(r -> r.recognized());
    assertThat(d.candidates()).flatExtracting(Candidate::evidence).extracting(e -> e.kind())
        .doesNotContain(EvidenceKind.MEASURED);
  }

  @Test
  void aPastedUrlOrBase64Blob_besideARealSymptom_leavesTheSymptom() {
    String url = "https://example.org/" + letters(3000, 2) + "?q=" + letters(2000, 3);
    Diagnosis d = FailureModes.forSymptoms("large train-test gap", url).diagnose();
    assertThat(d.top()).map(Candidate::id).hasValue("overfitting");
  }

  @Test
  void randomText_ofAnyLength_matchesNothing() {
    for (int words : new int[] {20, 200, 2_000, 100_000}) {
      Diagnosis d = FailureModes.forSymptoms(randomText(words, words)).diagnose();
      assertThat(d.candidates()).as("%d random words", words).isEmpty();
    }
  }

  @Test
  void anInputBeyondTheLimit_isReadUpToIt_andTheDiagnosisSaysSo() {
    String log = "PSI 0.31 on feature age. " + "INFO heartbeat ok\n".repeat(70_000);
    Diagnosis d = FailureModes.forSymptoms(log).diagnose();

    assertThat(d.top()).map(Candidate::id).hasValue("data-drift");
    assertThat(d.notes()).singleElement().asString()
        .startsWith("Input 1 is 1,260,025 characters; only the first 1,048,5")
        .endsWith("were read (the limit per input is 1,048,576 characters); pass the part that describes the failure,"
            + " or split it.");
    assertThat(d.inputs()).containsExactly(log);
    assertThat(d.toJson()).contains("\"notes\" : [ \"Input 1 is 1,260,025 characters");
    assertThat(d.toString()).contains("  note: Input 1 is 1,260,025 characters");
    assertThat(d.toMarkdown()).contains("> Note: Input 1 is").contains("… (1260025 characters)`");
  }

  @Test
  void aLongRepeatedReport_ranksTheSameCausesAsOneCopyOfIt() {
    String sentence = "After the release the accuracy dropped sharply and the validation AUC had been 0.99. ";
    Diagnosis once = FailureModes.forSymptoms(sentence).diagnose();
    Diagnosis many = FailureModes.forSymptoms(sentence.repeat(2000)).diagnose();

    assertThat(once.candidates()).isNotEmpty();
    assertThat(many.inputs()).containsExactly(sentence.repeat(2000));
    assertThat(many.candidates().stream().limit(3).map(Candidate::id).toList())
        .containsExactlyInAnyOrderElementsOf(once.candidates().stream().limit(3).map(Candidate::id).toList());
  }
}
