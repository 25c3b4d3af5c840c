package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.alerts.Report;
import dev.failuremodes.evaluation.Evaluator;
import dev.failuremodes.evaluation.LabelledCase;
import dev.failuremodes.evaluation.LabelledCases;
import dev.failuremodes.signals.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public type prints in one readable line, as JShell shows it and as a test failure quotes it: no {@code
 * Optional[...]}, no record dump of every component. (A {@code Diagnosis} prints its table; exceptions print their
 * message.)
 */
class ToStringTest {
  static Stream<Object> instances() {
    Catalog c = FailureModes.catalog();
    FailureMode m = c.requireFailureMode("data-leakage");
    Diagnoser diagnoser = FailureModes.using(c);
    Query q = diagnoser.forSymptoms("PSI 0.31 on feature age", "xyzzy");
    Diagnosis d = q.diagnose();
    Report report = Report.parse("{\"receiver\":\"ml\",\"alerts\":[{\"labels\":{\"alertname\":\"Psi\","
        + "\"metric\":\"psi\",\"value\":\"0.4\",\"feature\":\"age\"}}]}", "alert.json");
    LabelledCase lc = LabelledCases.parse("model overfits\toverfitting\n", "cases.tsv").get(0);
    List<Object> all = new ArrayList<>(List.of(c, m, m.indicators().get(0), m.detection().get(0),
        m.references().get(0), m.presentations().get(0), c.fixes().get(0), c.caseStudies().get(0),
        c.symptoms().get(0), c.metrics().get(0), c.guidance().orElseThrow(), Stage.DATA, Level.HIGH,
        c.symptoms().stream().filter(s -> !s.signals().isEmpty()).findFirst().orElseThrow().signals().get(0),
        diagnoser, q, d.top().orElseThrow(), d.top().orElseThrow().evidence().get(0), d.resolutions().get(0),
        d.resolutions().get(1), d.resolutions().get(0).matches().get(0), d.unrecognized().get(0), d.plan().get(0),
        Observation.of("psi", 0.31).feature("age").reference(0.02), report, report.findings().get(0),
        report.format(), lc, Evaluator.of(diagnoser), Evaluator.of(diagnoser).evaluate(List.of(lc))));
    c.failureModes().stream().flatMap(x -> x.related().stream()).findFirst().ifPresent(all::add);
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instances")
  void toString_isOneReadableLine(Object value) {
    String s = value.toString();
    assertThat(s).as(value.getClass().getName()).doesNotContain("\n").doesNotContain("Optional[")
        .doesNotContain("Optional.empty").doesNotContain("Immutable").isNotBlank().hasSizeLessThan(400);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instances")
  void toString_ofRecordsAndValues_isNotTheDefaultDump(Object value) {
    assertThat(value.toString()).doesNotContainPattern("[a-z]+=\\S+, [a-z]+=");
  }
}
