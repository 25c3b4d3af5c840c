/**
 * Scoring a diagnoser on labelled cases: how often the expected failure mode is ranked first or in the top three,
 * the mean reciprocal rank, how often unrelated inputs get no candidate, results per stage, the misses with what was
 * ranked instead, and which mode is mistaken for which.
 *
 * <pre>{@code
 * List<LabelledCase> cases = LabelledCases.read(Path.of("our-incidents.jsonl"));
 * Evaluation e = Evaluator.of(FailureModes.using(ourCatalog)).evaluate(cases);
 * System.out.println(e.report());
 * }</pre>
 */
package dev.failuremodes.evaluation;
