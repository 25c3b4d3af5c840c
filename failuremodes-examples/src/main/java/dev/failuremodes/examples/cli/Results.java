package dev.failuremodes.examples.cli;

import dev.failuremodes.Outcome;
import dev.failuremodes.Query;
import dev.failuremodes.UnknownIdException;
import java.util.List;

/**
 * The results a command line gives a diagnosis: {@code --check ID=OUTCOME}, {@code --confirmed SYMPTOM} and
 * {@code --ruled-out ID}, each repeatable. Shared by {@code diagnose} and {@code interview}.
 */
final class Results {
  private Results() {}

  /**
   * Returns the query with every result added, checks first, then confirmed symptoms, then what was ruled out.
   *
   * @throws Main.UsageException for a malformed {@code --check}, an unknown id (with suggestions) or contradictory
   *     results
   */
  static Query apply(Query query, List<String> checks, List<String> confirmed, List<String> ruledOut) {
    Query q = query;
    try {
      for (String c : checks) {
        int eq = c.indexOf('=');
        if (eq < 1) {
          throw new Main.UsageException("--check expects ID=OUTCOME, such as logged-feature-comparison=negative, but"
              + " was '" + c + "'; list a failure mode's checks with 'failuremodes show ID'");
        }
        Outcome outcome;
        try {
          outcome = Outcome.parse(c.substring(eq + 1));
        } catch (IllegalArgumentException e) {
          throw new Main.UsageException("--check '" + c + "': " + e.getMessage());
        }
        q = q.checked(c.substring(0, eq).strip(), outcome);
      }
      for (String s : confirmed) {
        q = q.confirmed(s);
      }
      for (String r : ruledOut) {
        q = q.ruledOut(r);
      }
    } catch (UnknownIdException e) {
      throw new Main.UsageException(e.getMessage() + "; 'failuremodes show ID' lists a mode's checks and symptoms");
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException(e.getMessage());
    }
    return q;
  }
}
