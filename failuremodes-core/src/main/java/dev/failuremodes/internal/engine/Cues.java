package dev.failuremodes.internal.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that mark a report of something going wrong, as opposed to a routine statement: problem words ("dropped",
 * "leaking", "suspicious"), contrasts ("but", "despite", "only"), a change between two numbers ("from 0.91 to 0.78",
 * "0.99 vs 0.71", "(&gt; 0.1)"), and negated words of healthy behaviour ("does not converge", "never tuned"). A failure
 * description usually has one; an unrelated sentence that shares a topic word with the catalog usually has none.
 */
final class Cues {
  private Cues() {}

  /** Stems of words that say something is wrong or changed for the worse. */
  static final Set<String> PROBLEM = stems(
      "drop dropped fall fell decline degrade degraded degradation worse worsen worst fail failed failure broke broken"
      + " wrong incorrect error erroneous bug buggy spike surge jump plunge plummet tank crash collapse gap drift skew"
      + " shift leak leakage leaky noise noisy mislabel mislabeled mislabelled mismatch missing null nan infinite"
      + " explode vanish stuck plateau diverge divergence oscillate unstable instability flaky inconsistent"
      + " inconsistency disagree disagreement bias biased unfair discriminate discrimination disparity disparate"
      + " overfit overfitting underfit underfitting inflated suspicious suspiciously implausible impossible dead"
      + " saturated anomaly anomalous outlier alert alarm violation violated breach breached regression regressed"
      + " unexpected unexpectedly surprising surprisingly poor poorly bad badly slow stale outdated corrupt corrupted"
      + " garbage blurry duplicate duplicated contaminated contamination overlap reused untuned imbalance imbalanced"
      + " overconfident underconfident miscalibrated complaint complain exploit exploited gamed gaming hack attack"
      + " attacker adversarial poison poisoned stolen steal scrape scraping manipulate manipulation evasion loophole"
      + " flipped swapped struggle misses missed lost fluctuate swing terrible awful wildly unreliable underperform"
      + " fooled confused worthless useless overlooked underrepresented overrepresented shortcut spurious unseen"
      + " excessive huge tiny dying died frozen blew exceeded timeout slump dip sank harm backlash lawsuit rose rise"
      + " grew shrank doubled halved tripled climbed barely flat down perfect nearly almost too firing absent"
      + " unchanged overspend overpaid skewed lower higher low high");

  /** Words of contrast or surprise, as typed (several are stop words, so they are checked before stemming). */
  static final Set<String> CONTRAST = Set.of("but", "however", "although", "though", "yet", "despite", "whereas",
      "instead", "still", "only", "even", "vs", "versus", "unlike", "except", "nonetheless");

  /** Stems of words of healthy behaviour: denied, they describe a failure ("does not converge", "never tuned"). */
  static final Set<String> HEALTHY = stems(
      "converge decrease down improve learn fit generalize move budge lift help work match reproduce replicate"
      + " transfer tune monitor notice validate calibrate stop representative significant update trust explain"
      + " interpretable catch detect know own log track check measure agree consistent stable balanced cover hold"
      + " translate follow impact effect gain improvement benefit uplift traction");

  /**
   * A change between two numbers: "from 0.91 to 0.78", "0.99 vs 0.71", "0.9 -> 0.7", or a threshold "(> 0.1)".
   * Compiled when the first sentence with a digit is read: every branch needs one, and compiling it costs a fresh JVM
   * milliseconds.
   */
  private static final class NumberChange {
    static final Pattern PATTERN = Pattern.compile(
        // Bounded repetitions keep the scan linear however long a token is.
        "from\\s{1,3}\\S{0,12}?\\d\\S{0,12}\\s{1,3}to\\s{1,3}\\S{0,12}?\\d"
            + "|\\d\\S{0,12}\\s{0,3}(?:->|→|\\bvs\\.?|\\bversus)\\s{0,3}\\S{0,12}?\\d|\\(\\s{0,3}[<>]=?\\s{0,3}\\d");
  }

  private static Set<String> stems(String words) {
    Set<String> out = new HashSet<>();
    for (String w : words.split(" ")) {
      out.add(Text.stem(w));
    }
    return Set.copyOf(out);
  }

  /** Returns whether a raw sentence shows a change between two numbers. Linear in its length. */
  static boolean numberChange(String sentence) {
    // Every form has an ASCII digit (\\d is [0-9] here): a sentence without one is not scanned.
    // And each has a word or sign that a quick search finds: "from" with "to", an arrow, "vs", "versus", "(".
    return Text.hasAsciiDigit(sentence)
        && (sentence.contains("from") && sentence.contains("to") || sentence.contains("->")
            || sentence.indexOf('→') >= 0 || sentence.contains("vs") || sentence.contains("versus")
            || sentence.indexOf('(') >= 0)
        && numberChangeScanned(sentence);
  }

  /** As {@link #numberChange}, always by the pattern: what the quick searches before it must agree with. */
  static boolean numberChangeScanned(String sentence) {
    return NumberChange.PATTERN.matcher(sentence).find();
  }

  /** Returns whether any of the words is a problem word or a contrast. */
  static boolean any(List<Analysis.Word> words) {
    for (Analysis.Word w : words) {
      if (CONTRAST.contains(w.raw()) || (!w.negated() && PROBLEM.contains(w.stem()))) {
        return true;
      }
    }
    return false;
  }
}
