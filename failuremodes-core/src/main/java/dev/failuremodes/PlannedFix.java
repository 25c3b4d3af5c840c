package dev.failuremodes;

import java.util.List;

/**
 * One step of a fix plan.
 *
 * @param fix the fix
 * @param addresses the ids of the candidates it addresses, most likely first
 * @param usefulness how much the candidates it addresses weigh, in [0, 1] times the number of them
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
