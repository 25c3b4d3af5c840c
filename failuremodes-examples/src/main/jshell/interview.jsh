// An interview, the way an experienced engineer debugs a failure: name the one check that best tells the top
// suspects apart, run it, re-rank, and ask again, until one cause stands out or no check could change the answer.
// Run it with the start-up script, whose interview(...) and answer(...) it uses:
//   jshell --class-path failuremodes-examples/target/failuremodes.jar --startup DEFAULT \
//          --startup failuremodes-examples/src/main/jshell/failuremodes.jsh failuremodes-examples/src/main/jshell/interview.jsh
// The answers below are what the team found; at a console you type your own. The build runs this file and fails if
// any step prints other than its //> lines.

// 1. What was seen: accuracy dropped right after the release. Four causes fit; the first question separates the
//    two that change the inputs the model sees (skew, a different population) from leakage, which does not.
interview("accuracy dropped after release");
//>   1. training-serving-skew        0.46  deployment-monitoring
//>   2. data-leakage                 0.33  data
//>   3. distribution-shift           0.33  data
//>   4. feature-leakage              0.26  feature-engineering
//> Next: Do per-feature PSI or KS tests between the training baseline and recent production inputs flag drift (PSI above 0.25, KS p below 0.05)?
//>   check feature-drift-tests (effort low): positive → training-serving-skew, distribution-shift; negative → data-leakage

// 2. The drift report flags three features. Leakage falls; drift-like causes come in.
answer("positive");
//> → recent production inputs have drifted from the training baseline
//>   1. training-serving-skew        0.63  deployment-monitoring
//>   2. distribution-shift           0.54  data
//>   3. data-drift                   0.31  deployment-monitoring
//>   4. input-corruption             0.31  deployment-monitoring
//>   5. upstream-data-change         0.31  deployment-monitoring
//> Next: Can a classifier tell training rows from the production rows of the first weeks after launch (AUC well above 0.5)?
//>   check domain-classifier-at-launch (effort medium): positive → training-serving-skew, distribution-shift; negative → data-drift, upstream-data-change

// 3. The inputs differed from day one: not a drift that came later.
answer("positive");
//> → a classifier tells training rows from early production rows
//>   1. training-serving-skew        0.74  deployment-monitoring
//>   2. distribution-shift           0.68  data
//>   3. sampling-bias                0.31  data
//>   4. input-corruption             0.31  deployment-monitoring
//>   5. feature-leakage              0.26  feature-engineering
//> Next: For the same requests, do the features logged at serving time differ from the values the training pipeline computes?
//>   check logged-feature-comparison (effort medium): positive → training-serving-skew, feature-leakage; negative → distribution-shift, input-corruption

// 4. The question that separates skew from the rest: the same requests, two pipelines, different values.
answer("positive");
//> → serving features differ from training for the same requests
//>   1. training-serving-skew        0.82  deployment-monitoring
//>   2. feature-leakage              0.49  feature-engineering
//>   3. distribution-shift           0.31  data
//>   4. sampling-bias                0.31  data
//>   5. input-corruption             0.14  deployment-monitoring
//> Next: Do per-feature PSI or KS tests between training data and the first production weeks show shift (PSI above 0.25 or KS p below 0.05)?
//>   check two-sample-tests-at-launch (effort low): positive → training-serving-skew, distribution-shift, sampling-bias; negative → feature-leakage

// 5. The early production inputs differ feature by feature, too; skew and a shifted population both fit that.
answer("positive");
//> → per-feature tests show early production inputs differ from training
//>   1. training-serving-skew        0.87  deployment-monitoring
//>   2. sampling-bias                0.49  data
//>   3. distribution-shift           0.35  data
//>   4. feature-leakage              0.29  feature-engineering
//>   5. input-corruption             0.14  deployment-monitoring
//> Next: On sample rows, is any feature's value available only after the prediction time?
//>   check timestamp-audit (effort medium): positive → feature-leakage; negative → training-serving-skew

// 6. A feature known only after the fact would also differ between the pipelines; the timestamps rule that out.
answer("negative");
//> → every feature is available at the prediction time
//>   1. training-serving-skew        0.90  deployment-monitoring
//>   2. sampling-bias                0.49  data
//>   3. distribution-shift           0.35  data
//>   4. input-corruption             0.14  deployment-monitoring
//>   5. data-leakage                 0.07  data
//> Next: Can a classifier tell recent production rows from training rows (AUC well above 0.5)?
//>   check domain-classifier-recent (effort medium): positive → training-serving-skew, distribution-shift, input-corruption; negative → against training-serving-skew, distribution-shift, input-corruption

// 7. Enough to act on: the evidence for the leader, each check's result on its own line, and what to do first.
current().top().get().evidence().forEach(System.out::println);
//> 'accuracy dropped after release' shows symptom launch-regression (0.46 × 1.00 = 0.46)
//> 'check feature-drift-tests: positive' supports it: recent production inputs have drifted from the training baseline (0.31 × 1.00 = 0.31)
//> 'check domain-classifier-at-launch: positive' supports it: a classifier tells training rows from early production rows (0.31 × 1.00 = 0.31)
//> 'check logged-feature-comparison: positive' supports it: serving features differ from training for the same requests (0.31 × 1.00 = 0.31)
//> 'check two-sample-tests-at-launch: positive' supports it: per-feature tests show early production inputs differ from training (0.26 × 1.00 = 0.26)
//> 'check timestamp-audit: negative' supports it: every feature is available at the prediction time (0.21 × 1.00 = 0.21)

current().plan().stream().limit(3).forEach(System.out::println);
//> share-feature-code → training-serving-skew
//> collect-representative-data → sampling-bias, distribution-shift
//> feature-parity-checks → training-serving-skew
/exit
