package dev.failuremodes;

/**
 * One input's support for a candidate.
 *
 * @param input the input as given
 * @param symptom the id of the symptom it resolved to
 * @param contribution the amount it adds, before the candidate's evidence is combined: weight × confidence ×
 *     specificity
 */
public record Evidence(String input, String symptom, double contribution) {}
