package dev.failuremodes;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The contract of {@link Diagnosis#toJson()}: diagnosis.schema.json from the core jar, loaded once. */
final class DiagnosisSchema {
  private static final Schema SCHEMA = load();

  private DiagnosisSchema() {}

  private static Schema load() {
    try (InputStream in = Diagnosis.class.getResourceAsStream("/dev/failuremodes/diagnosis.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("diagnosis.schema.json is not on the class path");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns what in {@code json} breaks the schema; empty when it conforms. */
  static List<Error> errors(String json) {
    return SCHEMA.validate(json, InputFormat.JSON);
  }
}
