package dev.failuremodes;

import java.util.List;

/**
 * One step of a fix plan.
 *
 * @param fix the fix
 * @param addresses the ids of the candidates it addresses, most likely first
 * @param usefulness the summed scores of the candidates it addresses, each discounted by how late the fix comes in
 *     that candidate's own order of fixes
 */
public record PlannedFix(Fix fix, List<String> addresses, double usefulness) {
  /** Copies the list. */
  public PlannedFix {
    addresses = List.copyOf(addresses);
  }

  /** Returns {@code fix-id → addresses}. */
  @Override
  public String toString() {
    return fix.id() + " → " + String.join(", ", addresses);
  }
}
