package dev.failuremodes.internal.engine;

/**
 * Decides whether an input's words alone report a failure, so that routine or unrelated text ("the feature store
 * migration finished", "the coffee machine is leaking") gets no candidate from word overlap. A logistic score over
 * eleven signals of the input, whose weights were fitted on the development sets ({@code DetectorFit} in the tests
 * refits them and prints them); words count when the score reaches zero. Symptoms, names and measured values do not
 * go through it: they are precise on their own.
 */
final class Detector {
  private Detector() {}

  /**
   * What the input's words show.
   *
   * @param best the best mode's BM25F score
   * @param core the best mode's score from its core fields (names, summary, symptoms, mechanisms, detection)
   * @param routine the routine document's score
   * @param density how much of the input one passage is: min(1, passage words / content words)
   * @param problem whether it has a problem word ("dropped", "leaking")
   * @param contrast whether it has a word of contrast ("but", "despite", "only")
   * @param numberChange whether it shows a change between two numbers
   * @param negation whether it has a negation cue that denies something
   * @param matched how many of its distinct words the best mode's text shares
   * @param contentWords how many content words it has
   * @param coverage the share of its telling words that the best mode's text explains, in [0, 1]
   * @param rarest the largest idf among the words the best mode shares: words only one mode's story uses are weak
   */
  record Signals(double best, double core, double routine, double density, boolean problem, boolean contrast,
      boolean numberChange, boolean negation, int matched, int contentWords, double coverage, double rarest) {

    /** Returns the signals on the scale the weights apply to; long inputs are capped where the fit saw none. */
    double[] features(Tuning t) {
      double margin = Math.max(0, (best - t.routineWeight() * routine) * density);
      return new double[] {
        Math.log1p(margin),
        Math.log1p(core),
        Math.log1p(routine),
        problem ? 1 : 0,
        contrast ? 1 : 0,
        numberChange ? 1 : 0,
        negation ? 1 : 0,
        Math.log1p(matched),
        Math.log1p(Math.min(contentWords, MAX_CONTENT_WORDS)),
        coverage,
        rarest
      };
    }
  }

  /** Content words beyond this count as this many: the development sets hold no longer inputs. */
  static final int MAX_CONTENT_WORDS = 60;

  /** Returns the detector's score: at least zero means the words report a failure. */
  static double score(Tuning t, Signals s) {
    double[] f = s.features(t);
    double z = t.detectorBias();
    for (int i = 0; i < f.length; i++) {
      z += t.detectorWeights()[i] * f[i];
    }
    return z;
  }
}
