package dev.failuremodes.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failuremodes.Diagnosis;
import dev.failuremodes.FailureModes;
import dev.failuremodes.alerts.Report;
import dev.failuremodes.internal.json.Json;
import dev.failuremodes.signals.Observation;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The direct JSON writer produces exactly what Jackson's tree and default pretty printer produce for the same
 * document: parsing its output and writing the tree back gives the same text, for diagnoses of every shape.
 */
class JsonTextTest {
  static Stream<Diagnosis> diagnoses() {
    return Stream.of(
        FailureModes.forSymptoms("large train-test gap", "accuracy dropped after release").diagnose(),
        FailureModes.forSymptoms("PSI 0.05 on age").diagnose(),
        FailureModes.forSymptoms("xyzzy", "the model is not overfitting but \"quotes\" \\ and\ttabs\nlines \u0001")
            .diagnose(),
        FailureModes.forSymptoms("we suspect data leakage, ünïcödé — ✓").observe(Observation.of("psi", 0.31)
            .feature("age"), Observation.of("train-score", 0.99), Observation.of("validation-score", 0.7)).diagnose(),
        FailureModes.forReports(Report.parse("{\"receiver\":\"ml\",\"alerts\":[{\"labels\":{\"alertname\":\"Psi\","
            + "\"metric\":\"psi\",\"value\":\"0.4\",\"threshold\":\"0.2\",\"feature\":\"age\"}},{\"status\":\"resolved\","
            + "\"labels\":{\"alertname\":\"Old\"}}]}", "a.json")).diagnose(),
        FailureModes.forSymptoms("PSI 0.31 on age. " + "x ".repeat(50_000)).diagnose());
  }

  @ParameterizedTest
  @MethodSource("diagnoses")
  void toJson_isWhatJacksonsPrettyPrinterWrites(Diagnosis d) {
    String json = d.toJson();
    assertThat(Json.write(Json.parseReport(new StringReader(json), "diagnosis"))).isEqualTo(json);
  }

  @Test
  void emptyContainersAndEscapes_areWrittenAsJacksonWritesThem() {
    String json = new JsonText().beginObject().field("a", List.of()).name("o").beginObject().endObject()
        .field("s", "q\"b\\n\nt\tc\u0000e\u001f").field("d", 1.0).field("i", 3).field("b", false).endObject()
        .toString();
    assertThat(json).isEqualTo("{\n  \"a\" : [ ],\n  \"o\" : { },\n  \"s\" : \"q\\\"b\\\\n\\nt\\tc\\u0000e\\u001F\",\n"
        + "  \"d\" : 1.0,\n  \"i\" : 3,\n  \"b\" : false\n}\n");
    assertThat(Json.write(Json.parse(new StringReader(json), "x"))).isEqualTo(json);
  }
}
