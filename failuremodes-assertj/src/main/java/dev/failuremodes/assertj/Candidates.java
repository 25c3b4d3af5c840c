package dev.failuremodes.assertj;

import dev.failuremodes.Candidate;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.Evidence;
import dev.failuremodes.EvidenceKind;
import java.util.Optional;

/** Look-ups on a diagnosis's candidates shared by the assertions and their messages. */
final class Candidates {
  private Candidates() {}

  /** Returns the candidate for this failure mode, if the diagnosis has one. */
  static Optional<Candidate> find(Diagnosis diagnosis, String failureModeId) {
    return diagnosis.candidates().stream().filter(c -> c.id().equals(failureModeId)).findFirst();
  }

  /** Returns whether the evidence is a measured value that crossed one of the catalog's thresholds. */
  static boolean crossesThreshold(Evidence evidence) {
    return evidence.kind() == EvidenceKind.MEASURED && !evidence.against();
  }

  /**
   * Returns whether the candidate shows its failure mode's signature: at least one measured value that crossed one of
   * the catalog's thresholds.
   */
  static boolean showsSignature(Candidate candidate) {
    return candidate.evidence().stream().anyMatch(Candidates::crossesThreshold);
  }
}
