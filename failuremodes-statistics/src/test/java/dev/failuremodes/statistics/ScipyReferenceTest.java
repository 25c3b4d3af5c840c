package dev.failuremodes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares every statistic with the values that SciPy and NumPy computed for the same fixed samples, recorded in
 * {@code scipy-reference.json} by {@code src/test/python/make_reference.py}.
 *
 * <p>Agreement: within a relative tolerance of 1e-12, or an absolute one of 1e-15 for values within 1e-15 of zero
 * (where a relative tolerance means nothing: an exact 0 against 1e-17). The largest relative difference seen is
 * about 2e-14 (asymptotic Kolmogorov-Smirnov p-values); the tolerance leaves room for a different JDK's last bit
 * of {@code Math.log} or {@code Math.exp}.
 */
class ScipyReferenceTest {
  static final double RELATIVE_TOLERANCE = 1e-12;
  static final double ABSOLUTE_TOLERANCE = 1e-15;

  private static final JsonNode REFERENCE = read();

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : REFERENCE.get("cases")) {
      cases.add(Arguments.of(describe(c), c));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void statistic_fixedSample_matchesScipy(String description, JsonNode c) {
    JsonNode expected = c.get("expected");
    switch (c.get("statistic").asText()) {
      case "psi" -> {
        PopulationStabilityIndex psi =
            SampleStatistics.psi(sample(c, "reference"), sample(c, "production"), c.get("bins").asInt());
        assertClose(psi.value(), expected.get("value"));
        assertThat(psi.bins()).isEqualTo(expected.get("bins").asInt());
        assertThat(psi.edges()).containsExactlyElementsOf(doubles(expected.get("edges")));
        assertThat(psi.referenceSize()).isEqualTo(sample(c, "reference").length);
        assertThat(psi.productionSize()).isEqualTo(sample(c, "production").length);
      }
      case "psi-counts" -> {
        PopulationStabilityIndex psi =
            SampleStatistics.psiOfCounts(counts(c, "referenceCounts"), counts(c, "productionCounts"));
        assertClose(psi.value(), expected.get("value"));
        assertThat(psi.bins()).isEqualTo(expected.get("bins").asInt());
        assertThat(psi.edges()).isEmpty();
      }
      case "ks" -> {
        KolmogorovSmirnov.Method method = c.get("method").asText().equals("exact")
            ? KolmogorovSmirnov.Method.EXACT
            : KolmogorovSmirnov.Method.ASYMPTOTIC;
        KolmogorovSmirnov ks = SampleStatistics.kolmogorovSmirnov(sample(c, "reference"), sample(c, "production"),
            method);
        assertClose(ks.statistic(), expected.get("statistic"));
        assertClose(ks.pValue(), expected.get("pValue"));
        assertThat(ks.method()).isEqualTo(method);
      }
      case "jensenshannon" -> {
        double base = c.get("base").isNull() ? Math.E : c.get("base").asDouble();
        JensenShannon js = SampleStatistics.jensenShannon(sample(c, "reference"), sample(c, "production"),
            c.get("bins").asInt(), base);
        assertClose(js.value(), expected.get("value"));
        assertThat(js.low()).isEqualTo(expected.get("low").asDouble());
        assertThat(js.high()).isEqualTo(expected.get("high").asDouble());
      }
      case "wasserstein" -> {
        Wasserstein w = SampleStatistics.wasserstein(sample(c, "reference"), sample(c, "production"));
        assertClose(w.value(), expected.get("value"));
        assertClose(w.normed(), expected.get("normed"));
      }
      case "chi2" -> {
        ChiSquare chi2 = SampleStatistics.chiSquare(counts(c, "referenceCounts"), counts(c, "productionCounts"));
        assertClose(chi2.statistic(), expected.get("statistic"));
        assertClose(chi2.pValue(), expected.get("pValue"));
        assertThat(chi2.degreesOfFreedom()).isEqualTo(expected.get("degreesOfFreedom").asInt());
        assertThat(chi2.categories()).isEqualTo(expected.get("categories").asInt());
      }
      case "ece" -> {
        CalibrationError ece = SampleStatistics.expectedCalibrationError(sample(c, "probabilities"),
            outcomes(c.get("outcomes").asText()), c.get("bins").asInt());
        assertClose(ece.value(), expected.get("value"));
        assertThat(ece.bins()).isEqualTo(c.get("bins").asInt());
      }
      default -> throw new AssertionError("Unknown statistic in the reference file: " + c.get("statistic"));
    }
  }

  @Test
  void kolmogorovSmirnov_defaultMethod_followsScipyAutoRule() {
    List<KolmogorovSmirnov.Method> checked = new ArrayList<>();
    for (JsonNode c : REFERENCE.get("cases")) {
      if (!c.get("statistic").asText().equals("ks")) {
        continue;
      }
      double[] reference = sample(c, "reference");
      double[] production = sample(c, "production");
      boolean exact = Math.max(reference.length, production.length) <= 10_000;
      if (c.get("method").asText().equals(exact ? "exact" : "asymp")) {
        KolmogorovSmirnov ks = SampleStatistics.kolmogorovSmirnov(reference, production);
        assertThat(ks.method())
            .isEqualTo(exact ? KolmogorovSmirnov.Method.EXACT : KolmogorovSmirnov.Method.ASYMPTOTIC);
        assertClose(ks.pValue(), c.get("expected").get("pValue"));
        checked.add(ks.method());
      }
    }
    assertThat(checked).contains(KolmogorovSmirnov.Method.EXACT, KolmogorovSmirnov.Method.ASYMPTOTIC);
  }

  @Test
  void referenceFile_recordsVersionsAndCoversEveryStatistic() {
    assertThat(REFERENCE.get("scipy").asText()).isNotBlank();
    assertThat(REFERENCE.get("numpy").asText()).isNotBlank();
    List<String> statistics = new ArrayList<>();
    REFERENCE.get("cases").forEach(c -> statistics.add(c.get("statistic").asText()));
    assertThat(statistics).contains("psi", "psi-counts", "ks", "jensenshannon", "wasserstein", "chi2", "ece");
    assertThat(REFERENCE.get("cases")).hasSizeGreaterThan(40);
  }

  static void assertClose(double actual, JsonNode expectedNode) {
    double expected = expectedNode.asDouble();
    double tolerance = Math.max(RELATIVE_TOLERANCE * Math.abs(expected), ABSOLUTE_TOLERANCE);
    assertThat(actual).isCloseTo(expected, offset(tolerance));
  }

  private static String describe(JsonNode c) {
    StringBuilder s = new StringBuilder(c.get("statistic").asText());
    c.fieldNames().forEachRemaining(name -> {
      if (!name.equals("statistic") && !name.equals("expected") && !name.endsWith("Counts")) {
        s.append(' ').append(name).append('=').append(c.get(name).asText());
      }
    });
    return s.toString();
  }

  private static double[] sample(JsonNode c, String field) {
    JsonNode values = REFERENCE.get("samples").get(c.get(field).asText());
    double[] sample = new double[values.size()];
    for (int i = 0; i < sample.length; i++) {
      sample[i] = values.get(i).asDouble();
    }
    return sample;
  }

  private static int[] outcomes(String name) {
    JsonNode values = REFERENCE.get("samples").get(name);
    int[] outcomes = new int[values.size()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = values.get(i).asInt();
    }
    return outcomes;
  }

  private static long[] counts(JsonNode c, String field) {
    JsonNode values = c.get(field);
    long[] counts = new long[values.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = values.get(i).asLong();
    }
    return counts;
  }

  private static List<Double> doubles(JsonNode values) {
    List<Double> list = new ArrayList<>();
    values.forEach(v -> list.add(v.asDouble()));
    return list;
  }

  private static JsonNode read() {
    try (InputStream in = ScipyReferenceTest.class.getResourceAsStream("/scipy-reference.json")) {
      if (in == null) {
        throw new IllegalStateException("scipy-reference.json is missing from the test class path");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read scipy-reference.json", e);
    }
  }
}
