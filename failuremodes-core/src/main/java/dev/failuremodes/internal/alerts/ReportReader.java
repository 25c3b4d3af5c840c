package dev.failuremodes.internal.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.alerts.Finding;
import dev.failuremodes.alerts.Format;
import java.util.List;

/** Reads one tool's report format into findings. Implementations are stateless and thread-safe. */
public interface ReportReader {
  /** Returns the format this reader reads. */
  Format format();

  /** Returns whether a document has this format's shape, for detecting the format of a file. */
  boolean accepts(JsonNode root);

  /**
   * Reads every check of the report; a check this library does not know becomes an {@link Finding.Kind#UNKNOWN}
   * finding, never dropped.
   *
   * @throws dev.failuremodes.alerts.ReportException naming the source, the JSON location and what was expected
   */
  List<Finding> read(JsonNode root, String source);
}
