package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Diagnosis#toJson()} keeps the contract written down in diagnosis.schema.json, for every kind of answer. */
class DiagnosisJsonSchemaTest {
  private static Schema schema() throws IOException {
    try (InputStream in = Diagnosis.class.getResourceAsStream("/dev/failuremodes/diagnosis.schema.json")) {
      assertThat(in).as("diagnosis.schema.json on the class path").isNotNull();
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "large train-test gap|accuracy dropped after release",
    "PSI 0.31 on feature age",
    "xyzzy plugh",
    "model overfits|xyzzy plugh|  ",
    "train acc 0.99, test acc 0.72",
    "data leakage|we suspect concept drift in the fraud model"
  })
  void toJson_conformsToTheSchema(String inputs) throws IOException {
    String json = FailureModes.forSymptoms(List.of(inputs.split("\\|", -1))).diagnose().toJson();
    List<Error> errors = schema().validate(json, InputFormat.JSON);
    assertThat(errors).as(json).isEmpty();
  }

  @Test
  void toJson_withResults_conformsToTheSchema() throws IOException {
    Query q = FailureModes.forSymptoms("accuracy dropped after release", "large train-test gap")
        .checked("logged-feature-comparison", Outcome.NEGATIVE).confirmed("validation-loss-rising")
        .ruledOut("data-leakage").ruledOut("PSI alert");
    for (Diagnosis d : List.of(q.diagnose(), q.checked("learning-curves", Outcome.POSITIVE).diagnose(),
        FailureModes.forSymptoms("large train-test gap").ruledOut("overfitting").ruledOut("data-leakage").diagnose())) {
      String json = d.toJson();
      assertThat(schema().validate(json, InputFormat.JSON)).as(json).isEmpty();
    }
    assertThat(q.diagnose().toJson()).contains("\"kind\" : \"check\"", "\"check\" : \"logged-feature-comparison\"",
        "\"nextChecks\"", "\"ruledOut\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"catalogVersion\": \"x\", \"inputs\": [\"a\"], \"resolved\": [], \"unrecognized\": [], \"plan\": []}",
    "{\"catalogVersion\": \"x\", \"inputs\": [\"a\"], \"resolved\": [], \"unrecognized\": [], \"plan\": [],"
        + " \"candidates\": [{\"rank\": 0, \"id\": \"A\", \"name\": \"n\", \"stage\": \"modelling\", \"score\": 2,"
        + " \"evidence\": [], \"explanation\": \"e\"}]}"
  })
  void schema_rejectsBrokenPayloads(String json) throws IOException {
    assertThat(schema().validate(json, InputFormat.JSON)).isNotEmpty();
  }
}
