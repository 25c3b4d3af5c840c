package dev.failuremodes.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled catalog conforms to the JSON Schema shipped beside it, and the schema rejects what it must. */
class CatalogSchemaTest {
  private static final String DIR = "/dev/failuremodes/catalog/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode read(String name) throws IOException {
    try (InputStream in = CatalogSchemaTest.class.getResourceAsStream(DIR + name)) {
      assertThat(in).as(name + " is on the class path").isNotNull();
      return JSON.readTree(in);
    }
  }

  private static Schema schema() throws IOException {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.writeValueAsString(read("catalog.schema.json")));
  }

  @Test
  void bundledCatalog_conformsToTheSchema() throws IOException {
    List<Error> errors = schema().validate(JSON.writeValueAsString(read("catalog.json")), InputFormat.JSON);
    assertThat(errors).isEmpty();
  }

  @Test
  void schema_rejectsABadWeightAnUnknownStageAndAnUnknownField() throws IOException {
    ObjectNode catalog = (ObjectNode) read("catalog.json");
    ObjectNode mode = (ObjectNode) catalog.withArray("failureModes").get(0);
    ((ObjectNode) mode.withArray("indicators").get(0)).put("weight", 1.5);
    mode.put("stage", "modelling");
    mode.put("sevrity", "high");

    List<Error> errors = schema().validate(JSON.writeValueAsString(catalog), InputFormat.JSON);

    assertThat(errors).extracting(e -> e.getInstanceLocation().toString())
        .containsExactlyInAnyOrder(
            "/failureModes/0/indicators/0/weight", "/failureModes/0/stage", "/failureModes/0");
  }
}
