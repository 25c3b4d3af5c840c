package dev.failuremodes.internal.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.alerts.Finding;
import dev.failuremodes.alerts.Format;
import dev.failuremodes.alerts.ReportException;
import dev.failuremodes.signals.Observation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Evidently output in its three documented JSON shapes: the Report ({@code report.json()} or {@code
 * save_json}: {@code {"version", "metrics": [{"metric": class name, "result": {...}}]}}), the TestSuite ({@code
 * {"version", "tests": [{"name", "description", "status", "group", "parameters"}], "summary": {...}}}, with the
 * optional {@code metric_results} of {@code include_metrics=True}) of the 0.4 line, and the snapshot {@code dict()}
 * of 0.7 and later ({@code {"metrics": [{"id", "metric_id" or "metric_name": "ValueDrift(column=age,method=PSI,
 * threshold=0.1)", "value"}], "tests": [{"name", "description", "status", "metric_config": {"params": {"type"}}}]}}).
 *
 * <p>A drift score is read as the catalog metric its statistical test measures, with the test's own threshold kept
 * as the observation's threshold: {@code psi} → {@code psi}, {@code ks} → {@code ks-p-value}, {@code chisquare} →
 * {@code chi2-p-value}, {@code jensenshannon} → {@code js-distance}, {@code wasserstein} → {@code
 * wasserstein-distance}, the other p-value tests ({@code z}, {@code anderson}, {@code fisher_exact}, {@code
 * cramer_von_mises}, {@code g_test}, {@code mannw}, {@code es}, {@code t_test}, {@code TVD}, {@code empirical_mmd})
 * → {@code drift-p-value}, the other distances ({@code kl_div}, {@code hellinger}, {@code ed}) → {@code
 * drift-distance}; a test the library does not name is read as a p-value or a distance from the tool's own verdict
 * ({@code drift_detected} with the score below or above the threshold). Tests are named by their display name (as
 * the JSON carries it) or their class name.
 *
 * <p>Checks that measure a catalog metric become {@code MEASURED} findings whatever their status (a healthy value is
 * evidence against the symptom); a condition derived from the reference ({@code approx(reference, relative=...)})
 * gives the observation its reference value, and a plain upper bound ({@code lt}, {@code lte}) on a metric read
 * upwards, or lower bound ({@code gt}, {@code gte}) on one read downwards, is kept as its threshold. Checks that only
 * pass or fail become a {@code SYMPTOM} when they fail (status {@code FAIL}, or {@code WARNING} for a non-critical
 * test) and {@code NOT_A_SIGNAL} when they pass, error or are skipped. The same value reported twice (a drift table and
 * a column drift test on one column) counts once.
 *
 * <p>Every column's value is measured, a column in good health beside flagged ones included: the diagnosis, not the
 * reader, judges what a healthy value says (a column in good health is no evidence against drift or missing values
 * measured on another). One reading needs the whole report: a quality value that fell beyond Evidently's default
 * tolerance around its reference (20% for classification, 10% for R²) in a report whose dataset drift verdict is
 * negative reads as {@code performance-drop-stable-inputs}.
 *
 * <table>
 * <caption>TestSuite tests (0.4): test → finding kind → catalog metric or symptom</caption>
 * <tr><th>Test (display name)</th><th>Kind</th><th>Metric or symptom</th></tr>
 * <tr><td>TestColumnDrift (Drift per Column)</td><td>MEASURED</td><td>by stattest, threshold kept</td></tr>
 * <tr><td>TestShareOfDriftedColumns, TestNumberOfDriftedColumns</td><td>MEASURED</td><td>each column by stattest;
 *     drifted-columns-share with the condition's bound (a count bound divided by the column count)</td></tr>
 * <tr><td>TestShareOfMissingValues, TestColumnShareOfMissingValues</td><td>MEASURED</td><td>missing-rate</td></tr>
 * <tr><td>TestShareOfOutListValues</td><td>MEASURED</td><td>new-category-rate</td></tr>
 * <tr><td>TestAccuracyScore, TestPrecisionScore, TestRecallScore, TestF1Score, TestRocAuc, TestValueR2Score,
 *     TestPrecisionByClass, TestRecallByClass, TestF1ByClass</td><td>MEASURED</td><td>score</td></tr>
 * <tr><td>TestTPR; TestFNR</td><td>MEASURED</td><td>minority-recall (the positive class's recall; 1 − FNR)</td></tr>
 * <tr><td>TestNumberOfColumns, TestColumnsType, TestColumnRegExp, TestNumberOfDifferentMissingValues,
 *     TestColumnNumberOfDifferentMissingValues, TestValueList, TestNumberOfOutListValues</td><td>SYMPTOM on
 *     failure</td><td>schema-change</td></tr>
 * <tr><td>TestNumberOfMissingValues, TestColumnNumberOfMissingValues, TestNumberOfColumnsWithMissingValues,
 *     TestShareOfColumnsWithMissingValues, TestNumberOfRowsWithMissingValues, TestShareOfRowsWithMissingValues,
 *     TestNumberOfEmptyRows, TestNumberOfEmptyColumns</td><td>SYMPTOM on failure</td><td>null-rate-spike</td></tr>
 * <tr><td>TestNumberOfConstantColumns, TestColumnAllConstantValues</td><td>SYMPTOM on failure</td>
 *     <td>stale-data</td></tr>
 * <tr><td>TestNumberOfDuplicatedRows</td><td>SYMPTOM on failure</td><td>duplicates-across-splits</td></tr>
 * <tr><td>TestNumberOfDuplicatedColumns, TestHighlyCorrelatedColumns</td><td>SYMPTOM on failure</td>
 *     <td>high-feature-correlation</td></tr>
 * <tr><td>TestConflictTarget</td><td>SYMPTOM on failure</td><td>label-errors-found</td></tr>
 * <tr><td>TestConflictPrediction</td><td>SYMPTOM on failure</td><td>unstable-predictions</td></tr>
 * <tr><td>TestTargetFeaturesCorrelations</td><td>SYMPTOM on failure upwards</td>
 *     <td>feature-unavailable-at-prediction (Evidently's target-leak check)</td></tr>
 * <tr><td>TestPredictionFeaturesCorrelations</td><td>SYMPTOM on failure upwards</td>
 *     <td>single-feature-dominance</td></tr>
 * <tr><td>TestColumnValueMin, TestColumnValueMax, TestColumnValueMean, TestColumnValueMedian, TestColumnValueStd,
 *     TestColumnQuantile, TestMeanInNSigmas, TestNumberOfUniqueValues, TestUniqueValuesShare,
 *     TestMostCommonValueShare, TestCategoryShare, TestCategoryCount, TestCorrelationChanges,
 *     TestEmbeddingsDrift</td><td>SYMPTOM on failure</td><td>feature-distribution-shift</td></tr>
 * <tr><td>TestValueRange, TestNumberOfOutRangeValues, TestShareOfOutRangeValues</td><td>SYMPTOM on failure</td>
 *     <td>unit-or-scale-change (values outside all the reference held)</td></tr>
 * <tr><td>TestValueMAE, TestValueRMSE, TestValueMAPE, TestValueAbsMaxError, TestValueMeanError,
 *     TestTargetPredictionCorrelation</td><td>SYMPTOM on failure in the worse direction</td>
 *     <td>sudden-production-degradation</td></tr>
 * <tr><td>TestLogLoss</td><td>SYMPTOM on failure upwards</td><td>probabilities-miscalibrated</td></tr>
 * <tr><td>TestTNR, TestFPR</td><td>SYMPTOM on failure in the worse direction</td>
 *     <td>threshold-poorly-chosen</td></tr>
 * <tr><td>TestNumberOfRows, TestColumnAllUniqueValues</td><td>NOT_A_SIGNAL</td><td>a volume or id-uniqueness
 *     check: no catalog symptom</td></tr>
 * <tr><td>any other test</td><td>UNKNOWN</td><td></td></tr>
 * </table>
 *
 * <table>
 * <caption>Report metrics (0.4): metric → finding kind → catalog metric or symptom</caption>
 * <tr><th>Metric</th><th>Kind</th><th>Metric or symptom</th></tr>
 * <tr><td>ColumnDriftMetric, DataDriftTable, TextDescriptorsDriftMetric</td><td>MEASURED</td><td>each column by
 *     stattest, threshold kept; drifted-columns-share; drift on a column named {@code prediction} also
 *     prediction-distribution-shift, on a categorical {@code target} class-prior-change</td></tr>
 * <tr><td>DatasetDriftMetric</td><td>MEASURED</td><td>drifted-columns-share, threshold {@code drift_share}</td></tr>
 * <tr><td>EmbeddingsDriftMetric</td><td>SYMPTOM when detected</td><td>feature-distribution-shift</td></tr>
 * <tr><td>DatasetMissingValuesMetric, ColumnMissingValuesMetric, ColumnSummaryMetric</td><td>MEASURED</td>
 *     <td>missing-rate with its reference; a category new in current (ColumnSummaryMetric): schema-change</td></tr>
 * <tr><td>ColumnValueListMetric</td><td>MEASURED</td><td>new-category-rate</td></tr>
 * <tr><td>ColumnValueRangeMetric</td><td>SYMPTOM when more values are out of range than in reference</td>
 *     <td>unit-or-scale-change</td></tr>
 * <tr><td>ColumnRegExpMetric</td><td>SYMPTOM when more values mismatch than in reference</td>
 *     <td>schema-change</td></tr>
 * <tr><td>DatasetSummaryMetric</td><td>SYMPTOM against the reference</td><td>column count changed:
 *     schema-change; more empty columns: null-rate-spike; more constant columns: stale-data</td></tr>
 * <tr><td>ColumnCategoryMetric on the {@code target} column</td><td>MEASURED</td><td>class-prevalence with its
 *     reference</td></tr>
 * <tr><td>ClassificationQualityMetric</td><td>MEASURED</td><td>score (accuracy, precision, recall, f1, roc_auc)
 *     with the reference's; minority-recall (tpr)</td></tr>
 * <tr><td>ClassificationQualityByClass</td><td>MEASURED</td><td>score (each class's recall)</td></tr>
 * <tr><td>RegressionQualityMetric</td><td>MEASURED</td><td>score (r2_score) with the reference's</td></tr>
 * <tr><td>DatasetCorrelationsMetric</td><td>SYMPTOM at Evidently's 0.9 default</td><td>features:
 *     high-feature-correlation; feature–target: feature-unavailable-at-prediction; feature–prediction:
 *     single-feature-dominance</td></tr>
 * <tr><td>ConflictTargetMetric; ConflictPredictionMetric</td><td>SYMPTOM when any</td><td>label-errors-found;
 *     unstable-predictions</td></tr>
 * <tr><td>plots, tables, dummy baselines, ranking metrics per k (see {@link #DESCRIPTIVE})</td>
 *     <td>NOT_A_SIGNAL</td><td></td></tr>
 * <tr><td>any other metric</td><td>UNKNOWN</td><td></td></tr>
 * </table>
 *
 * <table>
 * <caption>Snapshot (0.7+): metric type → finding kind → catalog metric or symptom; its tests by their metric's
 * type</caption>
 * <tr><th>Metric type</th><th>Kind</th><th>Metric or symptom</th></tr>
 * <tr><td>ValueDrift</td><td>MEASURED</td><td>by {@code method}, threshold kept</td></tr>
 * <tr><td>DriftedColumnsCount</td><td>MEASURED</td><td>drifted-columns-share, threshold {@code drift_share}</td></tr>
 * <tr><td>MissingValueCount, DatasetMissingValueCount</td><td>MEASURED</td><td>missing-rate</td></tr>
 * <tr><td>OutListValueCount</td><td>MEASURED</td><td>new-category-rate</td></tr>
 * <tr><td>Accuracy, Precision, Recall, F1Score, RocAuc, R2Score, *ByLabel</td><td>MEASURED</td><td>score</td></tr>
 * <tr><td>TPR; FNR</td><td>MEASURED</td><td>minority-recall</td></tr>
 * <tr><td>other statistics (counts, min, max, errors)</td><td>NOT_A_SIGNAL; their failed tests a SYMPTOM as for
 *     the 0.4 test of the same quantity</td><td></td></tr>
 * </table>
 */
final class EvidentlyReader implements ReportReader {
  private static final Format FORMAT = Format.EVIDENTLY;
  private static final String SHAPES = "an Evidently report ({\"metrics\": [...]}) or test suite ({\"tests\": [...]})";
  private static final List<String> STATUSES = List.of("SUCCESS", "FAIL", "WARNING", "ERROR", "SKIPPED");
  /** Splits {@code a=1,b=x (y),c=2} before each {@code name=}. */
  private static final Pattern PARAMS = Pattern.compile(",(?=\\s*[A-Za-z_][A-Za-z_0-9]*=)");
  /** Evidently's default bound for its correlation tests (correlation below 0.9). */
  private static final double CORRELATION_BOUND = 0.9;
  /** Evidently's default tolerance of its classification quality tests around the reference value. */
  private static final double CLASSIFICATION_TOLERANCE = 0.2;
  /** Evidently's default tolerance of its regression quality tests around the reference value. */
  private static final double REGRESSION_TOLERANCE = 0.1;

  /** What a test or metric reads as. */
  private enum Handling {
    COLUMN_DRIFT, DRIFT_SET, MEASURE, FAIL_SYMPTOM, WORSE_HIGHER, WORSE_LOWER, NONE
  }

  /**
   * How a check is read.
   *
   * @param handling what it reads as
   * @param target the catalog metric ({@code MEASURE}) or symptom (the others), or the reason ({@code NONE})
   * @param keys the parameter names that hold the value, after {@code value}
   */
  private record Spec(Handling handling, String target, List<String> keys) {
    static Spec measure(String metric, String... keys) {
      return new Spec(Handling.MEASURE, metric, List.of(keys));
    }

    static Spec fail(String symptom) {
      return new Spec(Handling.FAIL_SYMPTOM, symptom, List.of());
    }

    static Spec higher(String symptom, String... keys) {
      return new Spec(Handling.WORSE_HIGHER, symptom, List.of(keys));
    }

    static Spec lower(String symptom, String... keys) {
      return new Spec(Handling.WORSE_LOWER, symptom, List.of(keys));
    }

    static Spec none(String reason) {
      return new Spec(Handling.NONE, reason, List.of());
    }
  }

  /** TestSuite tests by the key of their class name and of their display name. */
  private static final Map<String, Spec> TESTS = new HashMap<>();
  /** The snapshot's metric types whose failed tests read as a symptom, or say nothing. */
  private static final Map<String, Spec> SNAPSHOT_TESTS = new HashMap<>();

  /** Report metrics that describe or plot and say nothing about a failure, with why. */
  static final Map<String, String> DESCRIPTIVE = new LinkedHashMap<>();

  static {
    test(new Spec(Handling.COLUMN_DRIFT, "feature-distribution-shift", List.of()), "TestColumnDrift",
        "Drift per Column", "Test Column Drift");
    test(new Spec(Handling.DRIFT_SET, "count", List.of()), "TestNumberOfDriftedColumns",
        "Number of Drifted Features", "Number of Drifted Columns");
    test(new Spec(Handling.DRIFT_SET, "share", List.of()), "TestShareOfDriftedColumns", "Share of Drifted Columns",
        "Share of Drifted Features");
    test(Spec.fail("feature-distribution-shift"), "TestEmbeddingsDrift", "Drift for embeddings");

    test(Spec.fail("schema-change"), "TestNumberOfColumns", "Number of Columns");
    test(Spec.none("the number of rows is a volume check; the catalog has no symptom for it"), "TestNumberOfRows",
        "Number of Rows");
    test(Spec.fail("schema-change"), "TestNumberOfDifferentMissingValues", "Different Types of Missing Values");
    test(Spec.fail("null-rate-spike"), "TestNumberOfMissingValues", "The Number of Missing Values");
    test(Spec.measure("missing-rate", "share_of_missing_values"), "TestShareOfMissingValues",
        "Share of Missing Values", "The Share of Missing Values");
    test(Spec.fail("null-rate-spike"), "TestNumberOfColumnsWithMissingValues",
        "The Number of Columns With Missing Values");
    test(Spec.fail("null-rate-spike"), "TestShareOfColumnsWithMissingValues",
        "The Share of Columns With Missing Values");
    test(Spec.fail("null-rate-spike"), "TestNumberOfRowsWithMissingValues",
        "The Number Of Rows With Missing Values");
    test(Spec.fail("null-rate-spike"), "TestShareOfRowsWithMissingValues", "The Share of Rows With Missing Values");
    test(Spec.fail("schema-change"), "TestColumnNumberOfDifferentMissingValues",
        "Different Types of Missing Values in a Column");
    test(Spec.fail("null-rate-spike"), "TestColumnNumberOfMissingValues", "The Number of Missing Values in a Column");
    test(Spec.measure("missing-rate", "share_of_missing_values"), "TestColumnShareOfMissingValues",
        "The Share of Missing Values in a Column");
    test(Spec.fail("stale-data"), "TestNumberOfConstantColumns", "Number of Constant Columns");
    test(Spec.fail("null-rate-spike"), "TestNumberOfEmptyRows", "Number of Empty Rows");
    test(Spec.fail("null-rate-spike"), "TestNumberOfEmptyColumns", "Number of Empty Columns");
    test(Spec.fail("duplicates-across-splits"), "TestNumberOfDuplicatedRows", "Number of Duplicate Rows");
    test(Spec.fail("high-feature-correlation"), "TestNumberOfDuplicatedColumns", "Number of Duplicate Columns");
    test(Spec.fail("schema-change"), "TestColumnsType", "Column Types");
    test(Spec.fail("stale-data"), "TestColumnAllConstantValues", "All Constant Values in a Column");
    test(Spec.none("uniqueness of an id column; the catalog has no symptom for it"), "TestColumnAllUniqueValues",
        "All Unique Values in a Column");
    test(Spec.fail("schema-change"), "TestColumnRegExp", "RegExp Match");

    test(Spec.fail("label-errors-found"), "TestConflictTarget", "Test number of conflicts in target");
    test(Spec.fail("unstable-predictions"), "TestConflictPrediction", "Test number of conflicts in prediction");
    test(Spec.lower("sudden-production-degradation", "target_prediction_correlation"),
        "TestTargetPredictionCorrelation", "Correlation between Target and Prediction");
    test(Spec.higher("high-feature-correlation", "abs_max_num_features_correlation", "abs_max_features_correlation"),
        "TestHighlyCorrelatedColumns", "Highly Correlated Columns");
    test(Spec.higher("feature-unavailable-at-prediction", "abs_max_target_features_correlation"),
        "TestTargetFeaturesCorrelations", "Correlation between Target and Features");
    test(Spec.higher("single-feature-dominance", "abs_max_prediction_features_correlation"),
        "TestPredictionFeaturesCorrelations", "Correlation between Prediction and Features");
    test(Spec.fail("feature-distribution-shift"), "TestCorrelationChanges", "Change in Correlation");
    test(Spec.fail("feature-distribution-shift"), "TestColumnValueMin", "Min Value");
    test(Spec.fail("feature-distribution-shift"), "TestColumnValueMax", "Max Value");
    test(Spec.fail("feature-distribution-shift"), "TestColumnValueMean", "Mean Value");
    test(Spec.fail("feature-distribution-shift"), "TestColumnValueMedian", "Median Value");
    test(Spec.fail("feature-distribution-shift"), "TestColumnValueStd", "Standard Deviation (SD)");
    test(Spec.fail("feature-distribution-shift"), "TestColumnQuantile", "Quantile Value");
    test(Spec.fail("feature-distribution-shift"), "TestMeanInNSigmas", "Mean Value Stability");
    test(Spec.fail("feature-distribution-shift"), "TestNumberOfUniqueValues", "Number of Unique Values");
    test(Spec.fail("feature-distribution-shift"), "TestUniqueValuesShare", "Share of Unique Values");
    test(Spec.fail("feature-distribution-shift"), "TestMostCommonValueShare", "Share of the Most Common Value");
    test(Spec.fail("feature-distribution-shift"), "TestCategoryShare", "Share of category");
    test(Spec.fail("feature-distribution-shift"), "TestCategoryCount", "Count of category");
    test(Spec.fail("unit-or-scale-change"), "TestValueRange", "Value Range");
    test(Spec.fail("unit-or-scale-change"), "TestNumberOfOutRangeValues", "Number of Out-of-Range Values");
    test(Spec.fail("unit-or-scale-change"), "TestShareOfOutRangeValues", "Share of Out-of-Range Values");
    test(Spec.fail("schema-change"), "TestValueList", "Out-of-List Values");
    test(Spec.fail("schema-change"), "TestNumberOfOutListValues", "Number Out-of-List Values");
    test(Spec.measure("new-category-rate", "share_not_in_list"), "TestShareOfOutListValues",
        "Share of Out-of-List Values");

    test(Spec.measure("score", "accuracy"), "TestAccuracyScore", "Accuracy Score");
    test(Spec.measure("score", "precision"), "TestPrecisionScore", "Precision Score");
    test(Spec.measure("score", "recall"), "TestRecallScore", "Recall Score");
    test(Spec.measure("score", "f1"), "TestF1Score", "F1 Score");
    test(Spec.measure("score", "roc_auc"), "TestRocAuc", "ROC AUC Score");
    test(Spec.higher("probabilities-miscalibrated", "log_loss"), "TestLogLoss", "Logarithmic Loss");
    test(Spec.measure("minority-recall", "tpr"), "TestTPR", "True Positive Rate");
    test(Spec.measure("minority-recall", "fnr"), "TestFNR", "False Negative Rate");
    test(Spec.lower("threshold-poorly-chosen", "tnr"), "TestTNR", "True Negative Rate");
    test(Spec.higher("threshold-poorly-chosen", "fpr"), "TestFPR", "False Positive Rate");
    test(Spec.measure("score", "precision"), "TestPrecisionByClass", "Precision Score by Class");
    test(Spec.measure("score", "recall"), "TestRecallByClass", "Recall Score by Class");
    test(Spec.measure("score", "f1"), "TestF1ByClass", "F1 Score by Class");

    test(Spec.higher("sudden-production-degradation", "mean_abs_error"), "TestValueMAE", "Mean Absolute Error (MAE)");
    test(Spec.higher("sudden-production-degradation", "rmse"), "TestValueRMSE", "Root Mean Square Error (RMSE)");
    test(Spec.higher("sudden-production-degradation", "mean_abs_perc_error"), "TestValueMAPE",
        "Mean Absolute Percentage Error (MAPE)");
    test(Spec.higher("sudden-production-degradation", "abs_error_max"), "TestValueAbsMaxError",
        "Max Absolute Error");
    test(Spec.fail("sudden-production-degradation"), "TestValueMeanError", "Mean Error (ME)");
    test(Spec.measure("score", "r2_score"), "TestValueR2Score", "R2 Score");

    snapshotTest(Spec.fail("schema-change"), "ColumnCount", "InListValueCount");
    snapshotTest(Spec.fail("null-rate-spike"), "EmptyRowsCount", "EmptyColumnsCount");
    snapshotTest(Spec.fail("stale-data"), "ConstantColumnsCount", "AlmostConstantColumnsCount");
    snapshotTest(Spec.fail("duplicates-across-splits"), "DuplicatedRowCount");
    snapshotTest(Spec.fail("high-feature-correlation"), "DuplicatedColumnsCount", "AlmostDuplicatedColumnsCount");
    snapshotTest(Spec.fail("unit-or-scale-change"), "OutRangeValueCount", "InRangeValueCount");
    snapshotTest(Spec.fail("feature-distribution-shift"), "MinValue", "MaxValue", "MeanValue", "StdValue",
        "MedianValue", "QuantileValue", "UniqueValueCount", "CategoryCount");
    snapshotTest(Spec.fail("sudden-production-degradation"), "MAE", "RMSE", "MeanError", "MAPE", "AbsMaxError");
    snapshotTest(Spec.fail("probabilities-miscalibrated"), "LogLoss");
    snapshotTest(Spec.fail("threshold-poorly-chosen"), "TNR", "FPR");
    snapshotTest(Spec.none("the number of rows is a volume check; the catalog has no symptom for it"), "RowCount");
    snapshotTest(Spec.none("the value is read from the metric's result"), "ValueDrift", "DriftedColumnsCount",
        "MissingValueCount", "DatasetMissingValueCount", "OutListValueCount", "Accuracy", "Precision", "Recall",
        "F1Score", "RocAuc", "R2Score", "TPR", "FNR", "PrecisionByLabel", "RecallByLabel", "F1ByLabel",
        "RocAucByLabel");

    for (String plot : List.of("ColumnDistributionMetric", "ColumnValuePlot", "ColumnInteractionPlot",
        "TargetByFeaturesTable", "ClassificationClassBalance", "ClassificationConfusionMatrix",
        "ClassificationClassSeparationPlot", "ClassificationProbDistribution", "ClassificationRocCurve",
        "ClassificationPRCurve", "ClassificationPRTable", "ClassificationLiftCurve", "ClassificationLiftTable",
        "ClassificationQualityByFeatureTable", "RegressionPredictedVsActualScatter",
        "RegressionPredictedVsActualPlot", "RegressionErrorPlot", "RegressionAbsPercentageErrorPlot",
        "RegressionErrorDistribution", "RegressionErrorNormality", "RegressionTopErrorMetric",
        "RegressionErrorBiasTable", "TextDescriptorsDistribution", "TextDescriptorsCorrelationMetric",
        "ScoreDistribution", "Comment")) {
      DESCRIPTIVE.put(plot, "a plot or table for reading by eye");
    }
    DESCRIPTIVE.put("ColumnQuantileMetric", "a descriptive statistic with no verdict");
    DESCRIPTIVE.put("ColumnCorrelationsMetric", "correlations of one column, with no verdict");
    DESCRIPTIVE.put("ClassificationDummyMetric", "the quality of a constant baseline model");
    DESCRIPTIVE.put("RegressionDummyMetric", "the quality of a constant baseline model");
    for (String ranking : List.of("PrecisionTopKMetric", "RecallTopKMetric", "FBetaTopKMetric", "MAPKMetric",
        "MARKMetric", "NDCGKMetric", "MRRKMetric", "HitRateKMetric", "DiversityMetric", "NoveltyMetric",
        "PersonalizationMetric", "PopularityBias", "SerendipityMetric", "ItemBiasMetric", "UserBiasMetric")) {
      DESCRIPTIVE.put(ranking, "a ranking metric per k; the catalog reads no ranking metric per k");
    }
  }

  private static void test(Spec spec, String... names) {
    for (String name : names) {
      TESTS.put(key(name), spec);
    }
  }

  private static void snapshotTest(Spec spec, String... types) {
    for (String type : types) {
      SNAPSHOT_TESTS.put(type, spec);
    }
  }

  /** Returns a name's letters and digits, lowercase: {@code "Drift per Column"} → {@code "driftpercolumn"}. */
  static String key(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public boolean accepts(JsonNode root) {
    if (!root.isObject()) {
      return false;
    }
    return legacyMetrics(root.get("metrics")) || snapshotMetrics(root.get("metrics"))
        || legacyTests(root) || snapshotTests(root.get("tests"));
  }

  private static boolean legacyMetrics(JsonNode metrics) {
    return anyItem(metrics, item -> item.has("metric") && item.has("result"));
  }

  private static boolean snapshotMetrics(JsonNode metrics) {
    return anyItem(metrics, item -> (item.has("metric_id") || item.has("metric_name")) && item.has("value"));
  }

  private static boolean legacyTests(JsonNode root) {
    JsonNode summary = root.path("summary");
    boolean suiteSummary = summary.isObject() && (summary.has("all_passed") || summary.has("by_status"));
    return root.path("tests").isArray() && (suiteSummary || anyItem(root.get("tests"),
        item -> item.has("name") && item.has("status") && (item.has("group") || item.has("parameters"))));
  }

  private static boolean snapshotTests(JsonNode tests) {
    return anyItem(tests, item -> item.has("metric_config") && item.has("status"));
  }

  private static boolean anyItem(JsonNode array, java.util.function.Predicate<JsonNode> test) {
    if (array == null || !array.isArray()) {
      return false;
    }
    for (JsonNode item : array) {
      if (item.isObject() && test.test(item)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<Finding> read(JsonNode root, String source) {
    Nodes n = new Nodes(source);
    if (!root.isObject() || !(root.has("metrics") || root.has("tests"))) {
      throw n.unexpected("$", SHAPES, root);
    }
    Out out = new Out();
    boolean snapshot = snapshotMetrics(root.get("metrics")) || snapshotTests(root.get("tests"));
    if (snapshot) {
      List<JsonNode> metrics = n.optionalArray(root, "$", "metrics");
      for (int i = 0; i < metrics.size(); i++) {
        snapshotMetric(n, metrics.get(i), "$.metrics[" + i + "]", out);
      }
      List<JsonNode> tests = n.optionalArray(root, "$", "tests");
      for (int i = 0; i < tests.size(); i++) {
        snapshotTest(n, tests.get(i), "$.tests[" + i + "]", out);
      }
      return out.finish();
    }
    if (root.has("tests")) {
      List<JsonNode> tests = n.array(root, "$", "tests");
      for (int i = 0; i < tests.size(); i++) {
        legacyTest(n, tests.get(i), "$.tests[" + i + "]", out);
      }
    }
    for (String field : List.of("metrics", "metric_results")) {
      List<JsonNode> metrics = n.optionalArray(root, "$", field);
      for (int i = 0; i < metrics.size(); i++) {
        legacyMetric(n, metrics.get(i), "$." + field + "[" + i + "]", out);
      }
    }
    return out.finish();
  }

  // ---- TestSuite (0.4) ----------------------------------------------------------------------------------------

  private void legacyTest(Nodes n, JsonNode test, String path, Out out) {
    if (!test.isObject()) {
      throw n.unexpected(path, "a test object {\"name\", \"status\", ...}", test);
    }
    String name = n.text(test, path, "name");
    String status = status(n, test, path);
    String description = n.optionalText(test, path, "description");
    JsonNode params = test.path("parameters");
    if (!params.isMissingNode() && !params.isNull() && !params.isObject()) {
      throw n.unexpected(path + ".parameters", "an object", params);
    }
    String ppath = path + ".parameters";
    String feature = firstText(n, params, ppath, "column_name", "feature_name");
    String label = firstText(n, params, ppath, "label");
    if (feature == null && label != null) {
      feature = "class " + label;
    }
    String detail = status + (description == null || description.isBlank() ? "" : ": " + description);
    Check c = out.check(name, feature);
    Spec spec = TESTS.get(key(name));
    if (spec == null) {
      c.unknown("a test this library does not know (" + detail + ")");
      return;
    }
    if (status.equals("ERROR") || status.equals("SKIPPED")) {
      c.none("the test did not run: " + detail);
      return;
    }
    boolean failed = status.equals("FAIL") || status.equals("WARNING");
    Condition condition = Condition.read(n, params.path("condition"), ppath + ".condition");
    switch (spec.handling()) {
      case COLUMN_DRIFT -> {
        if (params.has("score") || params.has("stattest")) {
          drift(n, params, ppath, "stattest", "score", "threshold", "detected", feature, c);
        } else if (params.path("features").isObject()) {
          driftSet(n, params, ppath, null, condition, c);
        } else if (failed) {
          c.symptom(spec.target(), detail);
        } else {
          c.none("passed: " + detail);
        }
      }
      case DRIFT_SET -> {
        out.datasetDrift(name, failed);
        driftSet(n, params, ppath, spec.target(), condition, c);
        if (c.emitted == 0 && c.repeated == 0) {
          if (failed) {
            c.symptom("feature-distribution-shift", detail);
          } else {
            c.none("passed: " + detail);
          }
        }
      }
      case MEASURE -> {
        Double value = value(n, params, ppath, spec.keys());
        if (value == null) {
          c.none("the test gives no value: " + detail);
        } else {
          measureTest(spec.target(), spec.keys(), value, condition, c, detail);
          Double reference = condition.reference();
          if (failed && spec.target().equals("score") && reference != null && value < reference) {
            out.qualityDrop(name, detail);
          }
        }
      }
      case FAIL_SYMPTOM -> {
        if (failed) {
          c.symptom(spec.target(), detail);
        } else {
          c.none("passed: " + detail);
        }
      }
      case WORSE_HIGHER, WORSE_LOWER -> {
        Double value = value(n, params, ppath, spec.keys());
        boolean higher = spec.handling() == Handling.WORSE_HIGHER;
        if (!failed) {
          c.none("passed: " + detail);
        } else if (condition.worse(value, higher)) {
          c.symptom(spec.target(), detail);
          if (spec.target().equals("sudden-production-degradation") && condition.reference() != null) {
            out.qualityDrop(name, detail);
          }
        } else {
          c.none("failed in the better direction (" + (higher ? "lower" : "higher") + " than expected): " + detail);
        }
      }
      case NONE -> c.none(spec.target() + ": " + detail);
      default -> throw new AssertionError(spec);
    }
    c.done();
  }

  private static String status(Nodes n, JsonNode item, String path) {
    String status = n.text(item, path, "status");
    if (!STATUSES.contains(status)) {
      throw new ReportException(n.source(), path + ".status", "expected one of "
          + String.join(", ", STATUSES) + " but found " + Nodes.kind(item.get("status"))
          + "; pass the test suite's JSON unchanged");
    }
    return status;
  }

  /** A value-measuring test: the metric, its reference and the tool's bound where they mean the same thing. */
  private static void measureTest(String metric, List<String> keys, double value, Condition condition, Check c,
      String detail) {
    boolean fnr = keys.contains("fnr");
    double v = fnr ? 1 - value : value;
    Observation o = Observation.of(metric, v);
    Double reference = condition.reference();
    if (reference != null) {
      o = o.reference(fnr ? 1 - reference : reference);
    }
    Double bound = switch (metric) {
      case "missing-rate", "new-category-rate" -> condition.upper();
      case "minority-recall" -> fnr ? complement(condition.upper()) : condition.lower();
      default -> null; // a score's bound is a floor, while the catalog reads a score upwards (too good to be true)
    };
    if (bound != null) {
      o = o.threshold(bound);
    }
    String text = (fnr ? "FNR " + num(value) + " (recall " + num(v) + "), " : "") + detail;
    c.measured(o, text);
  }

  private static Double complement(Double v) {
    return v == null ? null : 1 - v;
  }

  /** Reads a set of drifted columns ({@code parameters.features}) and, for the share and number tests, the share. */
  private void driftSet(Nodes n, JsonNode params, String ppath, String kind, Condition condition, Check c) {
    JsonNode features = params.path("features");
    int total = 0;
    int drifted = 0;
    if (features.isObject()) {
      for (Map.Entry<String, JsonNode> e : iterable(features)) {
        String fpath = ppath + ".features." + e.getKey();
        JsonNode f = e.getValue();
        if (!f.isObject()) {
          throw n.unexpected(fpath, "an object {\"stattest\", \"score\", \"threshold\", \"detected\"}", f);
        }
        String column = f.hasNonNull("column_name") ? f.get("column_name").asText() : e.getKey();
        boolean detected = drift(n, f, fpath, "stattest", "score", "threshold",
            f.has("detected") ? "detected" : "data_drift", column, c);
        total++;
        drifted += detected ? 1 : 0;
      }
    } else if (!features.isMissingNode() && !features.isNull()) {
      throw n.unexpected(ppath + ".features", "an object of columns", features);
    }
    if (kind == null) {
      return;
    }
    Double share = n.optionalNumber(params, ppath, "share_of_drifted_columns");
    Double value = n.optionalNumber(params, ppath, "value");
    if (share == null && value != null) {
      share = kind.equals("share") ? value : total > 0 ? value / total : null;
    }
    if (share == null && total > 0) {
      share = (double) drifted / total;
    }
    if (share == null) {
      return; // no column results and no share: the caller reads the status
    }
    Observation o = Observation.of("drifted-columns-share", share);
    Double bound = condition.upper();
    if (bound != null && kind.equals("count") && total > 0) {
      bound = bound / total;
    }
    if (bound != null) {
      o = o.threshold(bound);
    }
    c.measured(o, drifted + " of " + total + " columns drifted");
  }

  // ---- Report (0.4) -------------------------------------------------------------------------------------------

  private void legacyMetric(Nodes n, JsonNode metric, String path, Out out) {
    if (!metric.isObject()) {
      throw n.unexpected(path, "a metric object {\"metric\", \"result\"}", metric);
    }
    String name = n.text(metric, path, "metric");
    JsonNode result = n.object(metric, path, "result");
    String rpath = path + ".result";
    Check c = out.check(name, null);
    switch (name) {
      case "ColumnDriftMetric" -> {
        String column = n.optionalText(result, rpath, "column_name");
        boolean detected = drift(n, result, rpath, "stattest_name", "drift_score", "stattest_threshold",
            "drift_detected", column, c);
        targetDrift(n, result, rpath, column, detected, c);
      }
      case "DataDriftTable", "TextDescriptorsDriftMetric" -> {
        driftTable(n, result, rpath, c);
        Boolean datasetDrift = optionalBool(n, result, rpath, "dataset_drift");
        if (datasetDrift != null && name.equals("DataDriftTable")) {
          out.datasetDrift(name, datasetDrift);
        }
      }
      case "DatasetDriftMetric" -> {
        double share = number(n, result, rpath, "share_of_drifted_columns");
        Double threshold = n.optionalNumber(result, rpath, "drift_share");
        if (threshold == null) {
          threshold = n.optionalNumber(result, rpath, "threshold");
        }
        Boolean datasetDrift = optionalBool(n, result, rpath, "dataset_drift");
        if (datasetDrift != null) {
          out.datasetDrift(name, datasetDrift);
        }
        Observation o = Observation.of("drifted-columns-share", share);
        c.measured(threshold == null ? o : o.threshold(threshold), n.optionalText(result, rpath,
            "number_of_drifted_columns") + " of " + n.optionalText(result, rpath, "number_of_columns")
            + " columns drifted, dataset drift " + n.optionalText(result, rpath, "dataset_drift"));
      }
      case "EmbeddingsDriftMetric" -> {
        String embeddings = n.optionalText(result, rpath, "embeddings_name");
        String detail = n.optionalText(result, rpath, "method_name") + " drift score "
            + n.optionalText(result, rpath, "drift_score");
        if (bool(n, result, rpath, "drift_detected")) {
          c.symptom("feature-distribution-shift", embeddings, "drift detected: " + detail);
        } else {
          c.none("no drift detected: " + detail);
        }
      }
      case "DatasetMissingValuesMetric" -> datasetMissing(n, result, rpath, c);
      case "ColumnMissingValuesMetric" -> {
        String column = n.optionalText(result, rpath, "column_name");
        JsonNode current = n.object(result, rpath, "current");
        double share = number(n, current, rpath + ".current", "share_of_missing_values");
        Double ref = result.path("reference").isObject() ? n.optionalNumber(result.get("reference"),
            rpath + ".reference", "share_of_missing_values") : null;
        missingRate(column, share, ref, c);
      }
      case "ColumnSummaryMetric" -> columnSummary(n, result, rpath, c);
      case "DatasetSummaryMetric" -> datasetSummary(n, result, rpath, c);
      case "ColumnValueListMetric" -> {
        String column = n.optionalText(result, rpath, "column_name");
        JsonNode current = n.object(result, rpath, "current");
        double share = number(n, current, rpath + ".current", "share_not_in_list");
        Observation o = Observation.of("new-category-rate", share);
        c.measured(column == null ? o : o.feature(column), num(share) + " of values out of the list ("
            + n.optionalText(current, rpath + ".current", "number_not_in_list") + " rows)");
      }
      case "ColumnValueRangeMetric" -> compareShare(n, result, rpath, "share_not_in_range", "unit-or-scale-change",
          "of values out of the range", c);
      case "ColumnRegExpMetric" -> regExp(n, result, rpath, c);
      case "ColumnCategoryMetric" -> category(n, result, rpath, c);
      case "ClassificationQualityMetric" -> classification(n, result, rpath, c, out);
      case "ClassificationQualityByClass" -> byClass(n, result, rpath, c);
      case "RegressionQualityMetric" -> regression(n, result, rpath, c, out);
      case "DatasetCorrelationsMetric" -> correlations(n, result, rpath, c);
      case "ConflictTargetMetric" -> conflicts(n, result, rpath, "number_not_stable_target", "label-errors-found",
          "rows with the same input and a different target", c);
      case "ConflictPredictionMetric" -> conflicts(n, result, rpath, "number_not_stable_prediction",
          "unstable-predictions", "rows with the same input and a different prediction", c);
      default -> {
        if (DESCRIPTIVE.containsKey(name)) {
          c.none(DESCRIPTIVE.get(name));
        } else {
          c.unknown("a metric this library does not know");
        }
      }
    }
    c.done();
  }

  private void driftTable(Nodes n, JsonNode result, String rpath, Check c) {
    JsonNode columns = result.get("drift_by_columns");
    if (columns == null || !columns.isObject()) {
      throw n.unexpected(rpath + ".drift_by_columns", "an object of columns", columns);
    }
    int drifted = 0;
    for (Map.Entry<String, JsonNode> e : iterable(columns)) {
      String cpath = rpath + ".drift_by_columns." + e.getKey();
      JsonNode col = e.getValue();
      if (!col.isObject()) {
        throw n.unexpected(cpath, "a column drift object {\"column_name\", \"stattest_name\", \"drift_score\", ...}",
            col);
      }
      String column = col.hasNonNull("column_name") ? n.text(col, cpath, "column_name") : e.getKey();
      boolean detected = drift(n, col, cpath, "stattest_name", "drift_score", "stattest_threshold",
          "drift_detected", column, c);
      targetDrift(n, col, cpath, column, detected, c);
      drifted += detected ? 1 : 0;
    }
    Double share = n.optionalNumber(result, rpath, "share_of_drifted_columns");
    if (share != null) {
      c.measured(Observation.of("drifted-columns-share", share), drifted + " of " + columns.size()
          + " columns drifted");
    }
  }

  /**
   * Evidently's target and prediction drift (TargetDriftPreset) is a column drift on the columns named by the column
   * mapping, {@code target} and {@code prediction} by default: drift of the predictions, or of a categorical target
   * (the class balance), says more than an input's drift.
   */
  private static void targetDrift(Nodes n, JsonNode col, String cpath, String column, boolean detected, Check c) {
    if (!detected || column == null) {
      return;
    }
    String type = n.optionalText(col, cpath, "column_type");
    if (column.equalsIgnoreCase("prediction")) {
      c.symptom("prediction-distribution-shift", column, "the predictions drifted");
    } else if (column.equalsIgnoreCase("target") && "cat".equals(type)) {
      c.symptom("class-prior-change", column, "the categorical target drifted: the class balance changed");
    }
  }

  private static void datasetMissing(Nodes n, JsonNode result, String rpath, Check c) {
    JsonNode current = n.object(result, rpath, "current");
    String cpath = rpath + ".current";
    JsonNode reference = result.path("reference").isObject() ? result.get("reference") : null;
    JsonNode byColumn = current.path("share_of_missing_values_by_column");
    JsonNode refByColumn = reference == null ? null : reference.path("share_of_missing_values_by_column");
    boolean any = false;
    if (byColumn.isObject()) {
      for (Map.Entry<String, JsonNode> e : iterable(byColumn)) {
        double share = number(n, byColumn, cpath + ".share_of_missing_values_by_column", e.getKey());
        Double ref = refByColumn == null || !refByColumn.isObject() ? null
            : n.optionalNumber(refByColumn, rpath + ".reference.share_of_missing_values_by_column", e.getKey());
        if (share > 0 || (ref != null && ref > 0)) {
          missingRate(e.getKey(), share, ref, c);
          any = true;
        }
      }
    }
    if (!any) {
      double share = number(n, current, cpath, "share_of_missing_values");
      Double ref = reference == null ? null
          : n.optionalNumber(reference, rpath + ".reference", "share_of_missing_values");
      missingRate(null, share, ref, c);
    }
  }

  private static void missingRate(String column, double share, Double reference, Check c) {
    Observation o = Observation.of("missing-rate", share);
    if (column != null) {
      o = o.feature(column);
    }
    if (reference != null) {
      o = o.reference(reference);
    }
    String detail = "share of missing values " + num(share) + (reference == null ? "" : " (reference "
        + num(reference) + ")");
    c.measured(o, detail);
  }

  private static void columnSummary(Nodes n, JsonNode result, String rpath, Check c) {
    String column = n.optionalText(result, rpath, "column_name");
    JsonNode current = n.object(result, rpath, "current_characteristics");
    String cpath = rpath + ".current_characteristics";
    JsonNode reference = result.path("reference_characteristics");
    Double missing = n.optionalNumber(current, cpath, "missing_percentage");
    if (missing != null) {
      Double ref = reference.isObject() ? n.optionalNumber(reference, rpath + ".reference_characteristics",
          "missing_percentage") : null;
      missingRate(column, missing / 100, ref == null ? null : ref / 100, c);
    }
    Double newValues = n.optionalNumber(current, cpath, "new_in_current_values_count");
    if (newValues != null && newValues > 0) {
      c.symptom("schema-change", column, num(newValues) + " category values new in current data");
    }
    if (missing == null && (newValues == null || newValues == 0)) {
      c.none("descriptive statistics of the column");
    }
  }

  private static void datasetSummary(Nodes n, JsonNode result, String rpath, Check c) {
    JsonNode current = n.object(result, rpath, "current");
    JsonNode reference = result.path("reference");
    if (!reference.isObject()) {
      c.none("descriptive statistics of the dataset, with no reference to compare with");
      return;
    }
    String cpath = rpath + ".current";
    String refPath = rpath + ".reference";
    Double columns = n.optionalNumber(current, cpath, "number_of_columns");
    Double refColumns = n.optionalNumber(reference, refPath, "number_of_columns");
    if (columns != null && refColumns != null && !columns.equals(refColumns)) {
      c.symptom("schema-change", null, num(columns) + " columns, reference " + num(refColumns));
    }
    compareCount(n, current, reference, cpath, refPath, "number_of_empty_columns", "null-rate-spike",
        "empty columns", c);
    compareCount(n, current, reference, cpath, refPath, "number_of_constant_columns", "stale-data",
        "constant columns", c);
    if (c.emitted == 0) {
      c.none("the dataset's shape matches the reference");
    }
  }

  private static void compareCount(Nodes n, JsonNode current, JsonNode reference, String cpath, String refPath,
      String field, String symptom, String what, Check c) {
    Double now = n.optionalNumber(current, cpath, field);
    Double then = n.optionalNumber(reference, refPath, field);
    if (now != null && now > (then == null ? 0 : then)) {
      c.symptom(symptom, null, num(now) + " " + what + ", reference " + (then == null ? "none" : num(then)));
    }
  }

  /** A share that is a problem when it rises above the reference's (or above zero with no reference). */
  private static void compareShare(Nodes n, JsonNode result, String rpath, String field, String symptom, String what,
      Check c) {
    String column = n.optionalText(result, rpath, "column_name");
    JsonNode current = n.object(result, rpath, "current");
    double share = number(n, current, rpath + ".current", field);
    Double ref = result.path("reference").isObject() ? n.optionalNumber(result.get("reference"),
        rpath + ".reference", field) : null;
    String detail = num(share) + " " + what + (ref == null ? "" : " (reference " + num(ref) + ")");
    if (share > (ref == null ? 0 : ref)) {
      c.symptom(symptom, column, detail);
    } else {
      c.none(detail);
    }
  }

  private static void regExp(Nodes n, JsonNode result, String rpath, Check c) {
    String column = n.optionalText(result, rpath, "column_name");
    JsonNode current = n.object(result, rpath, "current");
    String cpath = rpath + ".current";
    double mismatched = number(n, current, cpath, "number_of_not_matched");
    double rows = number(n, current, cpath, "number_of_rows");
    JsonNode reference = result.path("reference");
    Double refShare = null;
    if (reference.isObject()) {
      double refMismatched = number(n, reference, rpath + ".reference", "number_of_not_matched");
      double refRows = number(n, reference, rpath + ".reference", "number_of_rows");
      refShare = refRows > 0 ? refMismatched / refRows : 0;
    }
    double share = rows > 0 ? mismatched / rows : 0;
    String detail = num(mismatched) + " of " + num(rows) + " values do not match "
        + n.optionalText(result, rpath, "reg_exp") + (refShare == null ? "" : " (reference share " + num(refShare)
        + ")");
    if (share > (refShare == null ? 0 : refShare)) {
      c.symptom("schema-change", column, detail);
    } else {
      c.none(detail);
    }
  }

  private static void category(Nodes n, JsonNode result, String rpath, Check c) {
    String column = n.optionalText(result, rpath, "column_name");
    JsonNode current = n.object(result, rpath, "current");
    double ratio = number(n, current, rpath + ".current", "category_ratio");
    String category = n.optionalText(result, rpath, "category");
    if (!"target".equalsIgnoreCase(column)) {
      c.none("the share of category " + category + " in a feature (" + num(ratio) + "), with no verdict");
      return;
    }
    Observation o = Observation.of("class-prevalence", ratio).feature(column + " = " + category);
    JsonNode reference = result.path("reference");
    if (reference.isObject()) {
      Double ref = n.optionalNumber(reference, rpath + ".reference", "category_ratio");
      if (ref != null) {
        o = o.reference(ref);
      }
    }
    c.measured(o, "share of class " + category + " " + num(ratio) + o.reference().stream()
        .mapToObj(r -> " (reference " + num(r) + ")").findFirst().orElse(""));
  }

  private static final List<String> SCORES = List.of("accuracy", "precision", "recall", "f1", "roc_auc");

  private static void classification(Nodes n, JsonNode result, String rpath, Check c, Out out) {
    JsonNode current = n.object(result, rpath, "current");
    JsonNode reference = result.path("reference").isObject() ? result.get("reference") : null;
    for (String score : SCORES) {
      double[] pair = quality(n, current, reference, rpath, score, "score", score, c);
      // Evidently's default classification tests fail beyond 20% of the reference value.
      if (pair != null && pair[0] < pair[1] * (1 - CLASSIFICATION_TOLERANCE)) {
        out.qualityDrop(c.check, score + " " + num(pair[0]) + " against " + num(pair[1]) + " in reference");
      }
    }
    quality(n, current, reference, rpath, "tpr", "minority-recall", "tpr (recall of the positive class)", c);
    if (c.emitted == 0) {
      c.none("no quality values in the result");
    }
  }

  /** Reads a quality value with its reference; returns both when there is a reference. */
  private static double[] quality(Nodes n, JsonNode current, JsonNode reference, String rpath, String field,
      String metric, String what, Check c) {
    Double value = n.optionalNumber(current, rpath + ".current", field);
    if (value == null) {
      return null;
    }
    Observation o = Observation.of(metric, value);
    Double ref = reference == null ? null : n.optionalNumber(reference, rpath + ".reference", field);
    if (ref != null) {
      o = o.reference(ref);
    }
    c.measured(o, what + " " + num(value) + (ref == null ? "" : " (reference " + num(ref) + ")"));
    return ref == null ? null : new double[] {value, ref};
  }

  private static void byClass(Nodes n, JsonNode result, String rpath, Check c) {
    JsonNode current = result.path("current").path("metrics");
    JsonNode reference = result.path("reference").path("metrics");
    String cpath = rpath + ".current.metrics";
    if (!current.isObject()) {
      current = result.path("current_metrics");
      reference = result.path("reference_metrics");
      cpath = rpath + ".current_metrics";
    }
    if (!current.isObject()) {
      throw n.unexpected(rpath + ".current.metrics", "an object of per-class metrics", result.path("current")
          .get("metrics"));
    }
    for (Map.Entry<String, JsonNode> e : iterable(current)) {
      Double recall = e.getValue().isObject() ? n.optionalNumber(e.getValue(), cpath + "." + e.getKey(), "recall")
          : null;
      if (recall == null) {
        continue;
      }
      Observation o = Observation.of("score", recall).feature("class " + e.getKey());
      Double ref = reference.path(e.getKey()).isObject() ? n.optionalNumber(reference.get(e.getKey()),
          rpath + ".reference.metrics." + e.getKey(), "recall") : null;
      if (ref != null) {
        o = o.reference(ref);
      }
      c.measured(o, "recall of class " + e.getKey() + " " + num(recall) + (ref == null ? "" : " (reference "
          + num(ref) + ")"));
    }
    if (c.emitted == 0) {
      c.none("no per-class recall in the result");
    }
  }

  private static void regression(Nodes n, JsonNode result, String rpath, Check c, Out out) {
    double[] pair = null;
    if (result.path("current").isObject()) {
      pair = quality(n, result.get("current"), result.path("reference").isObject() ? result.get("reference") : null,
          rpath, "r2_score", "score", "r2", c);
    } else {
      Double r2 = n.optionalNumber(result, rpath, "r2_score");
      if (r2 != null) {
        Observation o = Observation.of("score", r2);
        Double ref = n.optionalNumber(result, rpath, "r2_score_ref");
        c.measured(ref == null ? o : o.reference(ref), "r2 " + num(r2) + (ref == null ? "" : " (reference "
            + num(ref) + ")"));
        pair = ref == null ? null : new double[] {r2, ref};
      }
    }
    // Evidently's default R2 test fails beyond 10% of the reference value.
    if (pair != null && pair[0] < pair[1] - Math.abs(pair[1]) * REGRESSION_TOLERANCE) {
      out.qualityDrop(c.check, "r2 " + num(pair[0]) + " against " + num(pair[1]) + " in reference");
    }
    if (c.emitted == 0) {
      c.none("no r2 score in the result; the error metrics (MAE, RMSE) are no catalog metric");
    }
  }

  private static void correlations(Nodes n, JsonNode result, String rpath, Check c) {
    JsonNode stats = n.object(n.object(result, rpath, "current"), rpath + ".current", "stats");
    double features = 0;
    double target = 0;
    double prediction = 0;
    for (Map.Entry<String, JsonNode> e : iterable(stats)) {
      String mpath = rpath + ".current.stats." + e.getKey();
      if (!e.getValue().isObject()) {
        throw n.unexpected(mpath, "an object of correlation statistics", e.getValue());
      }
      features = Math.max(features, abs(n.optionalNumber(e.getValue(), mpath, "abs_max_features_correlation")));
      target = Math.max(target, abs(n.optionalNumber(e.getValue(), mpath, "abs_max_target_features_correlation")));
      prediction = Math.max(prediction, abs(n.optionalNumber(e.getValue(), mpath,
          "abs_max_prediction_features_correlation")));
    }
    if (features >= CORRELATION_BOUND) {
      c.symptom("high-feature-correlation", null, "two features correlate at " + num(features));
    }
    if (target >= CORRELATION_BOUND) {
      c.symptom("feature-unavailable-at-prediction", null, "a feature correlates with the target at " + num(target)
          + ": possible target leak");
    }
    if (prediction >= CORRELATION_BOUND) {
      c.symptom("single-feature-dominance", null, "a feature correlates with the prediction at " + num(prediction));
    }
    if (c.emitted == 0) {
      c.none("no correlation at or above " + CORRELATION_BOUND);
    }
  }

  private static double abs(Double v) {
    return v == null ? 0 : Math.abs(v);
  }

  private static void conflicts(Nodes n, JsonNode result, String rpath, String field, String symptom, String what,
      Check c) {
    double count = number(n, result, rpath, field);
    if (count > 0) {
      c.symptom(symptom, null, num(count) + " " + what);
    } else {
      c.none("no " + what);
    }
  }

  // ---- Snapshot (0.7+) ----------------------------------------------------------------------------------------

  /** A metric id such as {@code ValueDrift(column=age,method=PSI,threshold=0.1)}: its type and parameters. */
  private record MetricId(String type, Map<String, String> params) {
    static MetricId parse(String id) {
      int open = id.indexOf('(');
      String type = (open < 0 ? id : id.substring(0, open)).strip();
      Map<String, String> params = new LinkedHashMap<>();
      if (open >= 0) {
        int close = id.lastIndexOf(')');
        String inner = id.substring(open + 1, close > open ? close : id.length());
        for (String part : PARAMS.split(inner)) {
          int eq = part.indexOf('=');
          if (eq > 0) {
            params.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
          }
        }
      }
      int colon = type.lastIndexOf(':');
      return new MetricId(colon >= 0 ? type.substring(colon + 1) : type, params);
    }
  }

  private void snapshotMetric(Nodes n, JsonNode metric, String path, Out out) {
    if (!metric.isObject()) {
      throw n.unexpected(path, "a metric object {\"metric_id\", \"value\"}", metric);
    }
    String field = metric.has("metric_name") ? "metric_name" : "metric_id";
    String id = n.text(metric, path, field);
    MetricId mid = MetricId.parse(id);
    Map<String, String> params = new LinkedHashMap<>(mid.params());
    JsonNode config = metric.path("config");
    if (config.isObject()) {
      for (Map.Entry<String, JsonNode> e : iterable(config)) {
        if (e.getValue().isValueNode() && !e.getValue().isNull()) {
          params.putIfAbsent(e.getKey(), e.getValue().asText());
        }
      }
    }
    String column = params.get("column");
    JsonNode value = metric.get("value");
    String vpath = path + ".value";
    Check c = out.check(mid.type(), column);
    switch (mid.type()) {
      case "ValueDrift" -> {
        double score = single(n, value, vpath);
        String method = params.get("method");
        if (method == null) {
          c.unknown("the drift method is not named in " + id + "; name it with ValueDrift(method=...)");
        } else {
          Double threshold = params.containsKey("threshold") ? parse(n, params.get("threshold"), path + "." + field)
              : null;
          driftValue(method, score, threshold, null, column, c);
        }
      }
      case "DriftedColumnsCount" -> {
        double share = part(n, value, vpath, "share");
        Observation o = Observation.of("drifted-columns-share", share);
        String threshold = params.get("drift_share");
        if (threshold != null) {
          out.datasetDrift(mid.type(), share >= parse(n, threshold, path + "." + field));
        }
        c.measured(threshold == null ? o : o.threshold(parse(n, threshold, path + "." + field)),
            num(part(n, value, vpath, "count")) + " columns drifted, share " + num(share));
      }
      case "MissingValueCount", "DatasetMissingValueCount" -> missingRate(column, part(n, value, vpath, "share"),
          null, c);
      case "OutListValueCount" -> {
        double share = part(n, value, vpath, "share");
        Observation o = Observation.of("new-category-rate", share);
        c.measured(column == null ? o : o.feature(column), num(share) + " of values out of the list");
      }
      case "Accuracy", "Precision", "Recall", "F1Score", "RocAuc", "R2Score" -> {
        double v = single(n, value, vpath);
        c.measured(Observation.of("score", v), mid.type() + " " + num(v));
      }
      case "TPR" -> {
        double v = single(n, value, vpath);
        c.measured(Observation.of("minority-recall", v), "TPR " + num(v));
      }
      case "FNR" -> {
        double v = single(n, value, vpath);
        c.measured(Observation.of("minority-recall", 1 - v), "FNR " + num(v) + " (recall " + num(1 - v) + ")");
      }
      case "PrecisionByLabel", "RecallByLabel", "F1ByLabel", "RocAucByLabel" -> {
        if (value == null || !value.isObject()) {
          throw n.unexpected(vpath, "an object of values by label", value);
        }
        for (Map.Entry<String, JsonNode> e : iterable(value)) {
          double v = single(n, e.getValue(), vpath + "." + e.getKey());
          c.measured(Observation.of("score", v).feature("class " + e.getKey()), mid.type() + " of class "
              + e.getKey() + " " + num(v));
        }
      }
      default -> {
        if (SNAPSHOT_TESTS.containsKey(mid.type())) {
          c.none("a statistic (" + id + "); its tests, when present, carry the verdict");
        } else {
          c.unknown("a metric this library does not know (" + id + ")");
        }
      }
    }
    c.done();
  }

  private void snapshotTest(Nodes n, JsonNode test, String path, Out out) {
    if (!test.isObject()) {
      throw n.unexpected(path, "a test object {\"name\", \"status\", \"metric_config\"}", test);
    }
    String name = n.text(test, path, "name");
    String status = status(n, test, path);
    JsonNode config = n.object(test, path, "metric_config");
    JsonNode params = config.path("params");
    String type = params.isObject() ? n.optionalText(params, path + ".metric_config.params", "type") : null;
    if (type == null) {
      type = n.optionalText(config, path + ".metric_config", "metric_id");
    }
    String metricType = type == null ? name : MetricId.parse(type).type();
    String column = params.isObject() ? n.optionalText(params, path + ".metric_config.params", "column") : null;
    String description = n.optionalText(test, path, "description");
    String detail = status + (description == null || description.isBlank() ? "" : ": " + description);
    Check c = out.check(name, column);
    Spec spec = SNAPSHOT_TESTS.get(metricType);
    if (spec == null) {
      c.unknown("a test of a metric this library does not know (" + metricType + "; " + detail + ")");
    } else if (status.equals("ERROR") || status.equals("SKIPPED")) {
      c.none("the test did not run: " + detail);
    } else if (spec.handling() == Handling.NONE) {
      c.none(spec.target() + ": " + detail);
    } else if (status.equals("FAIL") || status.equals("WARNING")) {
      c.symptom(spec.target(), detail);
    } else {
      c.none("passed: " + detail);
    }
    c.done();
  }

  private static double single(Nodes n, JsonNode value, String path) {
    if (value != null && value.isNumber()) {
      return value.doubleValue();
    }
    if (value != null && value.isObject() && value.path("value").isNumber()) {
      return value.get("value").doubleValue();
    }
    if (value != null && value.isObject() && value.path("mean").isNumber()) {
      return value.get("mean").doubleValue();
    }
    throw n.unexpected(path, "a number", value);
  }

  private static double part(Nodes n, JsonNode value, String path, String field) {
    if (value == null || !value.isObject()) {
      throw n.unexpected(path, "an object {\"count\", \"share\"}", value);
    }
    return single(n, value.get(field), path + "." + field);
  }

  private static double parse(Nodes n, String text, String path) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new ReportException(n.source(), path, "expected a number in the metric id but"
          + " found \"" + text + "\"; pass the snapshot's JSON unchanged", e);
    }
  }

  // ---- Drift --------------------------------------------------------------------------------------------------

  /** Reads one column's drift result; returns whether drift was detected. */
  private static boolean drift(Nodes n, JsonNode node, String path, String testField, String scoreField,
      String thresholdField, String detectedField, String column, Check c) {
    String stattest = n.text(node, path, testField);
    double score = number(n, node, path, scoreField);
    Double threshold = n.optionalNumber(node, path, thresholdField);
    Boolean detected = optionalBool(n, node, path, detectedField);
    driftValue(stattest, score, threshold, detected, column, c);
    return detected != null ? detected : false;
  }

  private static void driftValue(String stattest, double score, Double threshold, Boolean detected, String column,
      Check c) {
    String metric = driftMetric(stattest);
    if (metric == null && detected != null && threshold != null) {
      // A test the library does not name: the tool's verdict says which way its score reads.
      metric = detected == (score < threshold) ? "drift-p-value" : "drift-distance";
    }
    String detail = stattest + " " + num(score) + (threshold == null ? "" : " (threshold " + num(threshold) + ")")
        + (detected == null ? "" : detected ? ", drift detected" : ", no drift");
    if (metric == null) {
      c.unknown("a drift test this library cannot read: " + detail);
      return;
    }
    Observation o = Observation.of(metric, score);
    if (column != null) {
      o = o.feature(column);
    }
    if (threshold != null) {
      o = o.threshold(threshold);
    }
    c.measured(o, detail);
  }

  /** Returns the catalog metric a statistical test's score is, by its name or display name; null if not named. */
  static String driftMetric(String stattest) {
    String k = key(stattest);
    switch (k) {
      case "psi", "populationstabilityindex", "psivalue":
        return "psi";
      case "ks", "kspvalue", "kolmogorovsmirnov":
        return "ks-p-value";
      case "chisquare", "chisquarepvalue", "chi2":
        return "chi2-p-value";
      case "jensenshannon", "jensenshannondistance":
        return "js-distance";
      case "wasserstein", "wassersteindistancenormed", "wassersteindistance":
        return "wasserstein-distance";
      case "kldiv", "kullbackleiblerdivergence", "hellinger", "hellingerdistancenormed", "ed", "energydistance":
        return "drift-distance";
      case "z", "ztestpvalue", "anderson", "andersondarlingpvalue", "fisherexact", "fishersexacttestpvalue",
          "cramervonmises", "cramervonmisespvalue", "gtest", "gtestpvalue", "mannw", "mannwhitneyurank",
          "mannwhitneyuranktestpvalue", "es", "eppssingletonpvalue", "ttest", "ttestpvalue", "tvd",
          "totalvariationdistancepvalue", "empiricalmmd", "empiricalmmdpvalue":
        return "drift-p-value";
      default:
        if (k.contains("pvalue")) {
          return "drift-p-value";
        }
        if (k.contains("distance") || k.contains("divergence")) {
          return "drift-distance";
        }
        return null;
    }
  }

  // ---- Values -------------------------------------------------------------------------------------------------

  private static double number(Nodes n, JsonNode node, String path, String field) {
    Double v = n.optionalNumber(node, path, field);
    if (v == null) {
      throw n.unexpected(path + "." + field, "a number", node.get(field));
    }
    return v;
  }

  private static boolean bool(Nodes n, JsonNode node, String path, String field) {
    Boolean b = optionalBool(n, node, path, field);
    if (b == null) {
      throw n.unexpected(path + "." + field, "true or false", node.get(field));
    }
    return b;
  }

  private static Boolean optionalBool(Nodes n, JsonNode node, String path, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw n.unexpected(path + "." + field, "true or false", v);
    }
    return v.booleanValue();
  }

  private static Double value(Nodes n, JsonNode params, String path, List<String> keys) {
    if (!params.isObject()) {
      return null;
    }
    Double v = n.optionalNumber(params, path, "value");
    for (int i = 0; v == null && i < keys.size(); i++) {
      v = n.optionalNumber(params, path, keys.get(i));
    }
    return v;
  }

  private static String firstText(Nodes n, JsonNode node, String path, String... fields) {
    if (!node.isObject()) {
      return null;
    }
    for (String field : fields) {
      String v = n.optionalText(node, path, field);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
    return object.properties();
  }

  private static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * A test's condition: {@code eq}, {@code gt}, {@code gte}, {@code lt}, {@code lte}, each a number or an {@code
   * approx} object {@code {"value", "relative", "absolute"}} (a band around a reference value).
   */
  private record Condition(Map<String, Double> plain, Map<String, double[]> approx) {
    private static final List<String> OPERATORS = List.of("eq", "gt", "gte", "lt", "lte");

    static Condition read(Nodes n, JsonNode node, String path) {
      Map<String, Double> plain = new HashMap<>();
      Map<String, double[]> approx = new HashMap<>();
      if (node.isMissingNode() || node.isNull()) {
        return new Condition(plain, approx);
      }
      if (!node.isObject()) {
        throw n.unexpected(path, "a condition object such as {\"lt\": 0.3}", node);
      }
      for (String op : OPERATORS) {
        JsonNode v = node.get(op);
        if (v == null || v.isNull()) {
          continue;
        }
        if (v.isNumber()) {
          plain.put(op, v.doubleValue());
        } else if (v.isObject() && v.path("value").isNumber()) {
          double center = v.get("value").doubleValue();
          double relative = v.path("relative").isNumber() ? v.get("relative").doubleValue() : 1e-6;
          double absolute = v.path("absolute").isNumber() ? v.get("absolute").doubleValue() : 1e-12;
          approx.put(op, new double[] {center, Math.max(Math.abs(center) * relative, absolute)});
        } else {
          throw n.unexpected(path + "." + op, "a number or an approx object {\"value\", \"relative\", \"absolute\"}",
              v);
        }
      }
      return new Condition(plain, approx);
    }

    /** The reference value a condition was derived from: the centre of its approx band. */
    Double reference() {
      for (String op : List.of("eq", "lte", "lt", "gte", "gt")) {
        if (approx.containsKey(op)) {
          return approx.get(op)[0];
        }
      }
      return null;
    }

    /** A plain upper bound, {@code lt} or {@code lte}. */
    Double upper() {
      return plain.containsKey("lt") ? plain.get("lt") : plain.get("lte");
    }

    /** A plain lower bound, {@code gt} or {@code gte}. */
    Double lower() {
      return plain.containsKey("gt") ? plain.get("gt") : plain.get("gte");
    }

    /** Whether a failed value failed in the worse direction; true when the condition does not say. */
    boolean worse(Double value, boolean higherIsWorse) {
      if (value != null) {
        Double center = approx.containsKey("eq") ? Double.valueOf(approx.get("eq")[0]) : plain.get("eq");
        if (center != null) {
          return higherIsWorse ? value > center : value < center;
        }
      }
      boolean upper = upper() != null || approx.containsKey("lt") || approx.containsKey("lte");
      boolean lower = lower() != null || approx.containsKey("gt") || approx.containsKey("gte");
      if (upper != lower) {
        return upper == higherIsWorse;
      }
      return true;
    }
  }

  /**
   * The findings so far; the values and symptoms already counted, so that one value counts once; and what the whole
   * report says about quality and drift.
   */
  private static final class Out {
    final List<Finding> findings = new ArrayList<>();
    final Set<String> counted = new HashSet<>();
    String qualityCheck;
    String qualityDetail;
    String driftCheck;
    Boolean datasetDrift;

    Check check(String name, String feature) {
      return new Check(this, name, feature);
    }

    /** A quality value fell beyond the tool's tolerance around its reference. */
    void qualityDrop(String check, String detail) {
      if (qualityCheck == null) {
        qualityCheck = check;
        qualityDetail = detail;
      }
    }

    /** A dataset-level drift verdict; any check that finds drift outweighs those that do not. */
    void datasetDrift(String check, boolean drift) {
      if (datasetDrift == null || (drift && !datasetDrift)) {
        datasetDrift = drift;
        driftCheck = check;
      }
    }

    /** Returns the findings, with what the report says as a whole: quality fell while the inputs did not drift. */
    List<Finding> finish() {
      if (qualityCheck != null && Boolean.FALSE.equals(datasetDrift)
          && counted.add("s:performance-drop-stable-inputs:")) {
        findings.add(Finding.symptom(FORMAT, qualityCheck, null, "performance-drop-stable-inputs", qualityDetail
            + ", while " + driftCheck + " finds no dataset drift"));
      }
      return findings;
    }
  }

  /** The findings of one check. */
  private static final class Check {
    private final Out out;
    private final String check;
    private final String feature;
    int emitted;
    int repeated;
    private String repeatedDetail = "";

    Check(Out out, String check, String feature) {
      this.out = out;
      this.check = check;
      this.feature = feature;
    }

    /** Adds a measured finding unless the same value was counted already. */
    void measured(Observation o, String detail) {
      Observation withFeature = o.feature().isEmpty() && feature != null ? o.feature(feature) : o;
      // The same value of the same metric on the same column: one fact, reported by two checks (a suite rounds
      // drift scores to three decimals, so the comparison does too).
      String value = String.format(Locale.ROOT, "%.3f/%s", o.value(),
          o.reference().isPresent() ? String.format(Locale.ROOT, "%.3f", o.reference().getAsDouble()) : "");
      if (!out.counted.add("m:" + o.metric() + ":" + withFeature.feature().orElse("") + ":" + value)) {
        repeated(o.metric() + " = " + num(o.value()), detail);
        return;
      }
      out.findings.add(Finding.measured(FORMAT, check, withFeature.source("Evidently " + check), detail));
      emitted++;
    }

    void symptom(String symptom, String detail) {
      symptom(symptom, feature, detail);
    }

    void symptom(String symptom, String on, String detail) {
      String f = on != null ? on : feature;
      if (!out.counted.add("s:" + symptom + ":" + (f == null ? "" : f))) {
        repeated(symptom, detail);
        return;
      }
      out.findings.add(Finding.symptom(FORMAT, check, f, symptom, detail));
      emitted++;
    }

    void none(String detail) {
      out.findings.add(Finding.notASignal(FORMAT, check, feature, detail));
      emitted++;
    }

    void unknown(String detail) {
      out.findings.add(Finding.unknown(FORMAT, check, feature, detail));
      emitted++;
    }

    private void repeated(String what, String detail) {
      repeated++;
      repeatedDetail = "counted once, by an earlier check of this report (" + what + "): " + detail;
    }

    /** Lists a check whose every value was already counted by an earlier one, so that no check goes missing. */
    void done() {
      if (emitted == 0 && repeated > 0) {
        none(repeatedDetail);
      }
    }
  }
}
