package dev.failuremodes.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failuremodes.CatalogException;
import dev.failuremodes.internal.alerts.ReportReader;
import dev.failuremodes.internal.alerts.Readers;
import dev.failuremodes.internal.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A monitoring or data-validation tool's report, read into findings in the catalog's terms. The format is detected
 * from the document's shape, or named. Files larger than {@link #MAX_BYTES} are refused rather than read into
 * memory. Immutable.
 *
 * <pre>{@code
 * Report report = Report.read(Path.of("constraint_violations.json"));
 * FailureModes.forReports(report).diagnose();
 * }</pre>
 */
public final class Report {
  /** The largest report read: 16 MiB. A larger one is refused with a message saying so. */
  public static final long MAX_BYTES = 16L * 1024 * 1024;

  private final String source;
  private final Format format;
  private final List<Finding> findings;

  private Report(String source, Format format, List<Finding> findings) {
    this.source = source;
    this.format = format;
    this.findings = List.copyOf(findings);
  }

  /**
   * Reads a report file, detecting its format.
   *
   * @throws NullPointerException if {@code file} is null
   * @throws ReportException if the file cannot be read, is larger than {@link #MAX_BYTES}, is not JSON, has no
   *     known format, or is not what its format's reader expects
   */
  public static Report read(Path file) {
    return read(file, null);
  }

  /**
   * Reads a report file of the given format; a null format is detected.
   *
   * @throws NullPointerException if {@code file} is null
   * @throws ReportException if the file cannot be read or is not what the format's reader expects
   */
  public static Report read(Path file, Format format) {
    Objects.requireNonNull(file, "file");
    String source = file.toString();
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new ReportException(source, "", "the file is " + size + " bytes, above the limit of " + MAX_BYTES
            + " (16 MiB); pass a report of only the failing checks, or split it");
      }
      return parse(Files.readString(file), source, format);
    } catch (NoSuchFileException e) {
      throw new ReportException(source, "", "no such file; check the path", e);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new ReportException(source, "", "not UTF-8 text; tools write their reports as UTF-8 JSON", e);
    } catch (IOException e) {
      throw new ReportException(source, "", "cannot read: " + e, e);
    }
  }

  /**
   * Parses a report given as text, detecting its format.
   *
   * @param json the report
   * @param sourceName the name used in messages, such as a file name
   * @throws NullPointerException if an argument is null
   * @throws ReportException if the text is not JSON, has no known format, or is not what its reader expects
   */
  public static Report parse(String json, String sourceName) {
    return parse(json, sourceName, null);
  }

  /**
   * Parses a report given as text, of the given format; a null format is detected.
   *
   * @throws NullPointerException if {@code json} or {@code sourceName} is null
   * @throws ReportException if the text is not JSON or is not what the format's reader expects
   */
  public static Report parse(String json, String sourceName, Format format) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sourceName, "sourceName");
    if (json.length() > MAX_BYTES) {
      throw new ReportException(sourceName, "", "the report is " + json.length() + " characters, above the limit of "
          + MAX_BYTES + "; pass a report of only the failing checks, or split it");
    }
    JsonNode root;
    try {
      root = Json.parseReport(new StringReader(json), sourceName);
    } catch (CatalogException e) {
      throw new ReportException(sourceName, e.problems().get(0).location(), e.problems().get(0).message(), e);
    }
    ReportReader reader = format == null ? detect(root, sourceName) : Readers.of(format);
    try {
      return new Report(sourceName, reader.format(), reader.read(root, sourceName));
    } catch (IllegalArgumentException e) {
      // A number in the report's text that is no finite value (1e400), met where a reader builds an observation.
      throw new ReportException(sourceName, "", "a value in the report cannot be read: " + e.getMessage()
          + "; check the tool's output for an overflowed or corrupted number", e);
    }
  }

  private static ReportReader detect(JsonNode root, String source) {
    List<ReportReader> accepting = new ArrayList<>();
    for (ReportReader r : Readers.all()) {
      if (r.accepts(root)) {
        accepting.add(r);
      }
    }
    if (accepting.isEmpty()) {
      throw new ReportException(source, "$", "not a report of a known format; expected the JSON of one of "
          + Format.validIds() + "; name the format if the file is one of them");
    }
    return accepting.get(0);
  }

  /** Returns the report's name as given: a file path or the name passed to {@link #parse}. */
  public String source() {
    return source;
  }

  /** Returns the report's format. */
  public Format format() {
    return format;
  }

  /** Returns every finding, in the report's order. */
  public List<Finding> findings() {
    return findings;
  }

  /** Returns the findings of a kind. */
  public List<Finding> findings(Finding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /** Returns {@code Report[format source: n findings (...)]}. */
  @Override
  public String toString() {
    StringBuilder counts = new StringBuilder();
    for (Finding.Kind k : Finding.Kind.values()) {
      long n = findings.stream().filter(f -> f.kind() == k).count();
      if (n > 0) {
        counts.append(counts.length() == 0 ? "" : ", ").append(n).append(' ')
            .append(k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      }
    }
    return "Report[" + format.id() + " " + source + ": " + findings.size() + " findings"
        + (counts.length() == 0 ? "" : " (" + counts + ")") + "]";
  }
}
