package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every item of the seed document (stages, symptoms, root causes, fixes, company examples, interview guidance) is
 * represented in the bundled catalog. Each row is one seed item, in short words, and what stands for it: catalog ids
 * of the given kind, or for guidance a key phrase that one entry of that part must contain.
 */
class SeedCoverageTest {
  private final Catalog catalog = FailureModes.catalog();

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
      stage | Problem framing | problem-framing
      stage | Data | data
      stage | Feature engineering | feature-engineering
      stage | Modeling | modeling
      stage | Evaluation | evaluation
      stage | Deployment & monitoring | deployment-monitoring
      symptom | strong offline metrics, weak business impact | offline-gain-no-business-impact
      symptom | model optimizes the wrong objective | wrong-objective-optimized
      symptom | stakeholders dissatisfied despite good performance | stakeholders-dissatisfied
      mode | misaligned target variable | misaligned-target
      mode | proxy metrics poorly correlated with business outcomes | proxy-metric-mismatch
      mode | ignoring constraints (latency, interpretability, risk) | ignored-constraints
      fix | revisit problem statement | revisit-problem-statement
      fix | align metrics with decision-making | align-metric-with-decision
      fix | validate assumptions with stakeholders | validate-with-stakeholders
      symptom | model performance unstable | unstable-performance
      symptom | large train-test gap | train-test-gap
      symptom | sudden production degradation | sudden-production-degradation
      mode | data leakage | data-leakage
      mode | label noise | label-noise
      mode | distribution shift | distribution-shift
      mode | missing or biased data | missing-data sampling-bias
      fix | strict train/test separation | strict-train-test-separation
      fix | time-based splits where appropriate | time-based-split
      fix | data validation and monitoring | data-validation monitoring-dashboards
      symptom | high training performance, poor generalization | high-train-poor-generalization
      symptom | model overly sensitive to certain features | feature-oversensitivity
      mode | leakage via future information | feature-leakage
      mode | over-engineered features | over-engineered-features
      mode | redundant or highly correlated features | redundant-features
      fix | feature audits | feature-audit
      fix | remove leaky features | remove-leaky-features
      fix | simpler representations | simplify-representation
      symptom | overfitting or underfitting | overfitting-observed underfitting-observed
      symptom | high variance across runs | high-variance-across-runs
      mode | model too complex or too simple | overfitting underfitting
      mode | poor regularization | poor-regularization
      mode | inadequate hyperparameter tuning | inadequate-tuning
      fix | adjust complexity | adjust-model-complexity
      fix | add regularization | add-regularization
      fix | tune hyperparameters properly | tune-hyperparameters
      symptom | inflated metrics | inflated-metrics
      symptom | surprising real-world behavior | surprising-real-world-behavior
      mode | wrong metrics | wrong-metric
      mode | test set contamination | test-set-contamination
      mode | ignoring class imbalance | ignored-class-imbalance
      fix | choose cost-aware metrics | cost-aware-metrics
      fix | lock test sets | lock-test-set
      fix | stratified or time-based evaluation | stratified-or-time-evaluation
      symptom | model degrades silently | silent-degradation
      symptom | predictions become unstable | unstable-predictions
      mode | no monitoring | no-monitoring
      mode | data drift | data-drift
      mode | concept drift | concept-drift
      fix | drift detection | drift-detection
      fix | retraining strategies | retraining-strategy
      fix | monitoring dashboards | monitoring-dashboards
      case | Instacart: feature leakage in demand forecasting | instacart-demand-forecast-leakage
      case | Affirm: stability and fairness failures in risk models | affirm-risk-model-stability-fairness
      case | Federato: distribution shift in rare-event prediction | federato-rare-event-shift
      probes | what could go wrong with this model | could fail
      probes | why did this model fail in production | broke after it shipped
      probes | how would you debug this | debug
      assesses | experience | experience
      assesses | judgment | judgment
      assesses | systems thinking | systems thinking
      framing | framing first, then data, then features, then modeling and evaluation | problem framing first, then the data, then the features
      framing | most failures happen before modeling | before the model
      checklist | identify failure modes by lifecycle stage | lifecycle stage
      checklist | prioritize fixes from highest leverage to lowest | leverage
      checklist | focus on data and framing before models | framing and the data before the model
      checklist | communicate tradeoffs clearly | trade-offs
      """)
  void seedItem_isRepresented(String kind, String item, String target) {
    Guidance guidance = catalog.guidance().orElseThrow();
    switch (kind) {
      case "stage":
        assertThat(Stage.find(target)).as(item).isPresent();
        assertThat(catalog.describe(Stage.of(target))).as(item).isNotBlank();
        break;
      case "symptom":
        ids(target).forEach(id -> assertThat(catalog.symptom(id)).as(item).isPresent());
        break;
      case "mode":
        ids(target).forEach(id -> assertThat(catalog.failureMode(id)).as(item).isPresent());
        break;
      case "fix":
        ids(target).forEach(id -> assertThat(catalog.fix(id)).as(item).isPresent());
        break;
      case "case":
        ids(target).forEach(id -> assertThat(catalog.caseStudy(id)).as(item).isPresent());
        break;
      case "probes":
        assertThat(anyContains(guidance.probes(), target)).as(item).isTrue();
        break;
      case "assesses":
        assertThat(anyContains(guidance.assesses(), target)).as(item).isTrue();
        break;
      case "framing":
        assertThat(anyContains(List.of(guidance.framing()), target)).as(item).isTrue();
        break;
      case "checklist":
        assertThat(anyContains(guidance.checklist(), target)).as(item).isTrue();
        break;
      default:
        throw new AssertionError("unknown kind " + kind);
    }
  }

  private static List<String> ids(String target) {
    return List.of(target.trim().split("\\s+"));
  }

  private static boolean anyContains(List<String> texts, String phrase) {
    String p = phrase.toLowerCase(Locale.ROOT);
    return texts.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(p));
  }
}
