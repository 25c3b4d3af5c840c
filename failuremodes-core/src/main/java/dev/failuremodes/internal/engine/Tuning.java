package dev.failuremodes.internal.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Every constant of the engine, in one place, with what it does. {@link #DEFAULT} is what the library uses; tests
 * build variants with {@link #with(String, double)} to pin the arithmetic on a small frozen catalog and to measure
 * what each constant is worth on the development sets.
 *
 * @param passageWords content words per passage: a long sentence is read in stretches of this many, and long inputs
 *     are judged per this many words when deciding whether they report a failure
 * @param measuredConfidence confidence of a symptom read from a metric value against its threshold
 * @param typoFactor how much a word corrected from a typo counts, relative to one typed as in the catalog
 * @param specificityExponent a symptom's weight for a mode is the indicator's weight times the symptom's
 *     specificity, (number of modes it indicates) to the power of minus this: a symptom many modes share tells less,
 *     and no single shared symptom makes one mode certain
 * @param namedStrength what naming a failure mode outright contributes to it: strong, short of certain
 * @param bm25K1 BM25 term-frequency saturation
 * @param bm25B BM25 length normalisation, the same for every field
 * @param fieldBoost boost per field, in {@link ModeText.Field} order: names and symptoms tell the most
 * @param textWeight text evidence is this times the share of the input's telling words a mode's text explains, so
 *     that words alone stay weaker than a symptom or a name
 * @param unknownWordIdf what a word unknown to the catalog's text weighs in an input's mass: it explains nothing
 * @param routineWeight how much the routine document's score counts against the best mode's (see {@link Routine})
 * @param detectorWeights weights of the report detector's signals, in {@link Detector.Signals#features()} order
 * @param detectorBias the report detector's bias: words alone count when weights · signals + bias reaches zero
 * @param minCoverage words count only when the best mode's text explains at least this share of the input's telling
 *     words: in long noise (a pasted log, random text) every mode's text explains a sliver, however many words match
 * @param fixPositionDiscount a fix's usefulness for a candidate is the candidate's score / (1 + this × the fix's
 *     place in the mode's own order)
 * @param planBuckets usefulness is compared in steps of 1 / this, so near-equal fixes fall back to debugging order
 * @param checkWeight how reliably a check gives the outcome it predicts for a mode it predicts positive, by the
 *     check's effectiveness (low, medium, high): with probability {@code (1 + weight) / 2}. A contrary result
 *     counts this against the mode; a result as predicted counts {@code weight / (2 + weight)} for it (see {@link
 *     Checks})
 * @param crossFactor for a mode a check predicts negative, the weight is this times {@link #checkWeight}: a check
 *     is built to confirm its own modes, and tells less about the others; a negative result as predicted counts for
 *     such a mode only when other evidence already does
 * @param checkCost what running a check costs, by its effort (low, medium, high): next checks are ordered by
 *     expected information gain divided by this
 * @param checkBuckets gain per cost is compared in steps of 1 / this, so near-equal checks fall back to the
 *     debugging order of their stage (framing first, monitoring last)
 * @param minCheckGain a check whose expected gain is below this many bits is not offered as a next check
 * @param standOutShare the top candidate stands out (an interview stops) when its score is at least this share of
 *     the candidates' scores together with the chance that the cause is none of them, {@code Π(1 - score)}
 */
record Tuning(
    int passageWords,
    double measuredConfidence,
    double typoFactor,
    double specificityExponent,
    double namedStrength,
    double bm25K1,
    double bm25B,
    double[] fieldBoost,
    double textWeight,
    double unknownWordIdf,
    double routineWeight,
    double[] detectorWeights,
    double detectorBias,
    double minCoverage,
    double fixPositionDiscount,
    double planBuckets,
    double[] checkWeight,
    double crossFactor,
    double[] checkCost,
    double checkBuckets,
    double minCheckGain,
    double standOutShare) {

  /** The constants the library uses. */
  static final Tuning DEFAULT = new Tuning(
      40,
      0.95,
      0.8,
      0.3,
      0.9,
      1.2,
      0.75,
      new double[] {3.0, 1.5, 2.0, 1.0, 1.0, 0.7, 0.5},
      0.8,
      2.0,
      0.5,
      // Fitted by DetectorFit on the development sets (in its test sources); refit when the catalog changes.
      new double[] {0.9503, 1.2106, -1.4917, 1.0366, 1.9433, 3.4715, 2.2971, 1.8601, 2.1107, 7.7821, -1.0054},
      -12.4331,
      // Reports in the development sets explain at least 0.1 of their words; random text of any length 0.004 at most.
      0.05,
      0.25,
      10,
      // A high-effectiveness check gives the outcome it predicts 95% of the time, a low one 75%.
      new double[] {0.5, 0.7, 0.9},
      0.6,
      new double[] {1.0, 1.5, 2.5},
      20,
      0.01,
      // Stands out: at least twice as likely as every alternative together, "none of them" included.
      2.0 / 3);

  /** Copies the arrays, so that no caller can change a tuning after the fact. */
  Tuning {
    fieldBoost = fieldBoost.clone();
    detectorWeights = detectorWeights.clone();
    checkWeight = checkWeight.clone();
    checkCost = checkCost.clone();
  }

  /**
   * Returns a copy with one constant changed; an array constant is named with its index, such as {@code
   * fieldBoost[2]} or {@code checkWeight[0]}.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  Tuning with(String name, double value) {
    double[] f = fieldBoost.clone();
    double[] d = detectorWeights.clone();
    double[] w = checkWeight.clone();
    double[] c = checkCost.clone();
    double[] v = {passageWords, measuredConfidence, typoFactor, specificityExponent, namedStrength, bm25K1, bm25B,
        textWeight, unknownWordIdf, routineWeight, detectorBias, minCoverage, fixPositionDiscount, planBuckets,
        crossFactor, checkBuckets, minCheckGain, standOutShare};
    List<String> names = List.of("passageWords", "measuredConfidence", "typoFactor", "specificityExponent",
        "namedStrength", "bm25K1", "bm25B", "textWeight", "unknownWordIdf", "routineWeight", "detectorBias",
        "minCoverage", "fixPositionDiscount", "planBuckets", "crossFactor", "checkBuckets", "minCheckGain",
        "standOutShare");
    List<String> arrays = List.of("fieldBoost", "detectorWeights", "checkWeight", "checkCost");
    int bracket = name.indexOf('[');
    if (bracket > 0 && arrays.contains(name.substring(0, bracket))) {
      int i = Integer.parseInt(name.substring(bracket + 1, name.length() - 1));
      List.of(f, d, w, c).get(arrays.indexOf(name.substring(0, bracket)))[i] = value;
    } else if (names.contains(name)) {
      v[names.indexOf(name)] = value;
    } else {
      throw new IllegalArgumentException("unknown tuning constant " + name + "; valid: " + names
          + ", fieldBoost[i], detectorWeights[i], checkWeight[i], checkCost[i]");
    }
    return new Tuning((int) v[0], v[1], v[2], v[3], v[4], v[5], v[6], f, v[7], v[8], v[9], d, v[10], v[11], v[12],
        v[13], w, v[14], c, v[15], v[16], v[17]);
  }

  /** Two tunings are equal when every constant is. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Tuning t && toString().equals(t.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** Lists every constant. */
  @Override
  public String toString() {
    return "Tuning[passageWords=" + passageWords + ", measuredConfidence=" + measuredConfidence + ", typoFactor="
        + typoFactor + ", specificityExponent=" + specificityExponent + ", namedStrength=" + namedStrength + ", bm25K1=" + bm25K1 + ", bm25B=" + bm25B
        + ", fieldBoost=" + Arrays.toString(fieldBoost)
        + ", textWeight=" + textWeight + ", unknownWordIdf=" + unknownWordIdf + ", routineWeight=" + routineWeight
        + ", detectorWeights=" + Arrays.toString(detectorWeights) + ", detectorBias=" + detectorBias
        + ", minCoverage=" + minCoverage + ", fixPositionDiscount=" + fixPositionDiscount + ", planBuckets="
        + planBuckets + ", checkWeight=" + Arrays.toString(checkWeight) + ", crossFactor=" + crossFactor
        + ", checkCost=" + Arrays.toString(checkCost) + ", checkBuckets=" + checkBuckets + ", minCheckGain="
        + minCheckGain + ", standOutShare=" + standOutShare + "]";
  }
}
