package dev.failuremodes.internal.engine;

import dev.failuremodes.Candidate;
import dev.failuremodes.Catalog;
import dev.failuremodes.FailureModes;
import dev.failuremodes.Stage;
import dev.failuremodes.evaluation.Evaluation;
import dev.failuremodes.evaluation.Evaluator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Measures the engine on the development sets with some constants changed, for deciding what a constant is worth.
 * Held-out sets are never read. Run by hand, with changes as {@code name=value} arguments (array elements as {@code
 * fieldBoost[2]=1.5}); no argument measures {@link Tuning#DEFAULT}:
 *
 * <pre>{@code
 * java -cp "$(cat cp.txt)" dev.failuremodes.internal.engine.EngineLab specificityExponent=0
 * }</pre>
 */
public final class EngineLab {
  static final List<String> SETS = List.of("phrasings/practitioner.tsv", "phrasings/development.tsv",
      "cases/alerts-development.jsonl", "cases/incidents-development.jsonl", "cases/negations-development.jsonl",
      "cases/unrelated-development.jsonl", "phrasings/unrelated.tsv");

  private EngineLab() {}

  /** One line per set, then the sums: top-1 and top-3 hits, abstentions, ruled-out modes in the top three. */
  static String measure(Catalog catalog, Tuning tuning) {
    Engine engine = new Engine(catalog, tuning);
    Evaluator evaluator = Evaluator.of(catalog, "engine", inputs -> {
      List<String> ids = new ArrayList<>();
      for (Candidate c : engine.diagnose(inputs, EnumSet.allOf(Stage.class), 0, 10).candidates()) {
        ids.add(c.id());
      }
      return ids;
    });
    StringBuilder out = new StringBuilder();
    int top1 = 0;
    int top3 = 0;
    int scored = 0;
    for (String set : SETS) {
      Evaluation e = evaluator.evaluate(DetectorFit.cases(set));
      top1 += e.hits(1);
      top3 += e.hits(3);
      scored += e.scored();
      out.append(String.format(Locale.ROOT, "%-36s top-1 %3d top-3 %3d of %3d; abstained %3d of %3d; ruled out %d of %d%n",
          set, e.hits(1), e.hits(3), e.scored(), e.abstained(), e.unrelated(), e.violations().size(),
          e.withRuledOut()));
    }
    return out.append(String.format(Locale.ROOT, "all: top-1 %d, top-3 %d of %d%n", top1, top3, scored)).toString();
  }

  /** Measures the default tuning changed by the arguments. */
  public static void main(String[] args) {
    Tuning tuning = Tuning.DEFAULT;
    for (String arg : args) {
      int eq = arg.indexOf('=');
      tuning = tuning.with(arg.substring(0, eq), Double.parseDouble(arg.substring(eq + 1)));
    }
    System.out.print(measure(FailureModes.catalog(), tuning));
  }
}
