// A walk-through, notebook style: from what was observed to what to do first.
// Run it:
//   jshell --class-path failuremodes-examples/target/failuremodes.jar failuremodes-examples/src/main/jshell/walkthrough.jsh
// Each step's output follows it as //> lines; the build runs this file and fails if any step prints otherwise.
import dev.failuremodes.*;
import dev.failuremodes.signals.*;

// 1. The catalog: what it holds, and the stages in the order to debug them.
Catalog catalog = FailureModes.catalog();
System.out.println(catalog);
System.out.println(Arrays.toString(Stage.values()));
//> Catalog[version 2026.11.3, 43 failure modes, 87 symptoms, 62 fixes, 15 case studies, 41 metrics, 58 checks]
//> [problem-framing, data, feature-engineering, modeling, evaluation, deployment-monitoring]

// 2. What we saw, in our own words: a launch that went badly, and a suspiciously good offline score.
Diagnosis d = FailureModes.forSymptoms("accuracy dropped right after the release", "validation AUC 0.995").
    limit(5).diagnose();
System.out.println(d);
//> Diagnosis of 2 inputs (catalog 2026.11.3)
//>   #   score failure mode                 stage                  evidence
//>   1   0.85  data-leakage                 data                   suspiciously-high-performance +2
//>   2   0.77  feature-leakage              feature-engineering    text:symptoms +2
//>   3   0.64  training-serving-skew        deployment-monitoring  text:symptoms +1
//>   4   0.59  distribution-shift           data                   text:symptoms +1
//>   5   0.52  concept-drift                deployment-monitoring  text:summary +1
//>   plan: 1. remove-leaky-features; 2. strict-train-test-separation; 3. time-based-split; 4. fit-preprocessing-in-pipeline; 5. collect-representative-data (+10 more)
//>   next check: feature-drift-tests (positive → training-serving-skew, distribution-shift; negative → data-leakage, concept-drift) (+11 more)

// 3. What each input was read as.
d.resolutions().forEach(System.out::println);
//> 'accuracy dropped right after the release' → words accuracy, dropped, right, after, release
//> 'validation AUC 0.995' → suspiciously-high-performance (signal 0.95); measured validation-score 0.995 > 0.99; words validation, auc

// 4. Why the top candidate ranks first: its evidence, strongest first.
d.top().get().evidence().forEach(System.out::println);
//> 'validation AUC 0.995' measures suspiciously-high-performance: validation-score 0.995 > 0.99 (0.59 × 0.95 = 0.56)
//> 'accuracy dropped right after the release' shares words with its symptoms: release, right, dropped, after, accuracy (0.80 × 0.68 = 0.54)
//> 'validation AUC 0.995' shares words with its symptoms: auc, validation (0.80 × 0.32 = 0.25)

// 5. A number from monitoring narrows it: features differ between training and serving for 8% of requests.
Diagnosis d2 = FailureModes.forSymptoms("accuracy dropped right after the release", "validation AUC 0.995").
    observe(Observation.of("serving-mismatch-rate", 0.08).feature("days_since_signup")).
    limit(5).diagnose();
System.out.println(d2);
//> Diagnosis of 3 inputs (catalog 2026.11.3)
//>   #   score failure mode                 stage                  evidence
//>   1   0.96  training-serving-skew        deployment-monitoring  feature-values-differ-serving +2
//>   2   0.85  data-leakage                 data                   suspiciously-high-performance +2
//>   3   0.77  feature-leakage              feature-engineering    text:symptoms +2
//>   4   0.59  distribution-shift           data                   text:symptoms +1
//>   5   0.52  concept-drift                deployment-monitoring  text:summary +1
//>   plan: 1. remove-leaky-features; 2. share-feature-code; 3. strict-train-test-separation; 4. feature-parity-checks; 5. time-based-split (+10 more)
//>   next check: feature-drift-tests (positive → training-serving-skew, distribution-shift; negative → data-leakage, concept-drift) (+11 more)

// 6. Rule a cause out and see it fall: the team checked the splits and found no data leakage.
Diagnosis d3 = FailureModes.forSymptoms("accuracy dropped right after the release", "validation AUC 0.995",
        "leakage was ruled out").
    observe(Observation.of("serving-mismatch-rate", 0.08).feature("days_since_signup")).
    limit(5).diagnose();
System.out.println(d3);
//> Diagnosis of 4 inputs (catalog 2026.11.3)
//>   #   score failure mode                 stage                  evidence
//>   1   0.96  training-serving-skew        deployment-monitoring  feature-values-differ-serving +2
//>   2   0.77  feature-leakage              feature-engineering    text:symptoms +2
//>   3   0.59  distribution-shift           data                   text:symptoms +1
//>   4   0.52  concept-drift                deployment-monitoring  text:summary +1
//>   5   0.48  preprocessing-leakage        data                   suspiciously-high-performance +2
//>   plan: 1. share-feature-code; 2. remove-leaky-features; 3. feature-parity-checks; 4. collect-representative-data; 5. point-in-time-features (+9 more)
//>   next check: feature-drift-tests (positive → training-serving-skew, distribution-shift; negative → concept-drift) (+11 more)

// 7. What to do first: the plan, highest leverage first, each fix naming the candidates it addresses.
d3.plan().stream().limit(3).forEach(System.out::println);
//> share-feature-code → training-serving-skew
//> remove-leaky-features → feature-leakage
//> feature-parity-checks → training-serving-skew

// 8. The top candidate in depth.
FailureMode skew = catalog.requireFailureMode(d3.top().get().id());
System.out.println(skew.name() + ": " + skew.summary());
catalog.fixesFor(skew).forEach(f ->
    System.out.println("  " + f.name() + " [leverage " + f.leverage() + ", effort " + f.effort() + "]"));
skew.references().forEach(r -> System.out.println("  see " + r));
//> Training-serving skew: Features are computed differently at serving time than in training.
//>   Share feature code between training and serving [leverage high, effort medium]
//>   Check feature parity [leverage high, effort low]
//>   Shadow or canary the new model [leverage high, effort medium]
//>   see Zinkevich, Google (2017). Rules of Machine Learning: Best Practices for ML Engineering
//>   see Breck, Polyzotis, Roy, Whang, Zinkevich (2019). Data Validation for Machine Learning

// 9. For the ticket: the same diagnosis as Markdown (first lines).
d3.toMarkdown().lines().limit(6).forEach(System.out::println);
//> ## Diagnosis
//>
//> Inputs: `accuracy dropped right after the release`, `validation AUC 0.995`, `leakage was ruled out`, `serving-mismatch-rate = 0.08 on days_since_signup` (catalog 2026.11.3)
//>
//> | # | Failure mode | Stage | Score | Why |
//> |---|---|---|---|---|
/exit
