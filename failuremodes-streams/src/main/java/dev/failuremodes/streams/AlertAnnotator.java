package dev.failuremodes.streams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failuremodes.Candidate;
import dev.failuremodes.CatalogException;
import dev.failuremodes.Diagnoser;
import dev.failuremodes.Diagnosis;
import dev.failuremodes.Evidence;
import dev.failuremodes.FailureModes;
import dev.failuremodes.PlannedFix;
import dev.failuremodes.Query;
import dev.failuremodes.Unrecognized;
import dev.failuremodes.alerts.Format;
import dev.failuremodes.alerts.Report;
import dev.failuremodes.alerts.ReportException;
import dev.failuremodes.signals.Observation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Annotates alerts with a diagnosis: JSON in, JSON out, for a webhook or a stream processor. Thread-safe; build one
 * and share it, since each annotator holds one {@link Diagnoser} whose index is built on the first record.
 *
 * <pre>{@code
 * AlertAnnotator annotator = AlertAnnotator.create();
 * Annotation a = annotator.annotate("{\"id\": \"a-17\", \"text\": \"accuracy dropped after release\"}");
 * a.json();   // {"alert": {"id": "a-17", ...}, "annotation": {"catalogVersion": ..., "candidates": [...], ...}}
 * }</pre>
 *
 * <h2>What it reads</h2>
 * A record is one UTF-8 JSON object of at most {@link #DEFAULT_MAX_RECORD_BYTES} (1 MiB; see {@link
 * #withMaxRecordBytes}), either
 * <ul>
 *   <li>an <b>alert record</b>, an object with at least one of {@code text}, {@code observations} and {@code
 *       report}:
 *       <pre>{@code
 * {"id": "a-17",                                   // optional string, used in error reasons
 *  "text": "accuracy dropped after release",       // a string, or an array of strings
 *  "observations": [{"metric": "psi", "value": 0.31, "feature": "age",
 *                    "reference": 0.02, "threshold": 0.2, "samples": 5000, "referenceSamples": 50000}],
 *  "report": {...},                                // a tool's report JSON, as the tool wrote it
 *  "format": "sagemaker",                          // optional: the report's format id; detected when absent
 *  "context": {...}}                               // optional, anything: carried through, never read
 * }</pre>
 *       In an observation only {@code metric} (a catalog metric id or alias) and {@code value} (a number) are
 *       required; {@code samples} and {@code referenceSamples} are whole numbers. Any other field is an error, so
 *       that a misspelt field is not silently ignored; put what else the alert carries under {@code context}.</li>
 *   <li>a <b>tool's report</b> as it stands: a TFDV anomalies file, a SageMaker Model Monitor {@code
 *       constraint_violations.json}, an Evidently report or test suite, a Deepchecks or Great Expectations result, or
 *       an Alertmanager webhook payload, detected by {@link Report#parse(String, String)}.</li>
 * </ul>
 *
 * <h2>What it writes</h2>
 * <pre>{@code
 * {"alert": <the record's JSON exactly as sent, without surrounding whitespace>,
 *  "annotation": {
 *    "catalogVersion": "2026.11.2",
 *    "candidates": [                                  // the three most likely failure modes, most likely first
 *      {"rank": 1, "id": "data-drift", "name": "Data drift", "stage": "deployment-monitoring", "score": 0.9998,
 *       "explanation": "Data drift (deployment-monitoring) is measured in ...",
 *       "evidence": ["'...' measures feature-distribution-shift: psi 0.41 > 0.25 on tenure_months ..."],
 *       "moreEvidence": 1}],                          // present when evidence lines beyond five were left out
 *    "firstFixes": [                                  // the first three steps of the fix plan
 *      {"id": "drift-detection", "name": "Set up drift detection", "addresses": ["data-drift"]}],
 *    "unrecognized": [{"input": "...", "suggestions": ["..."]}],
 *    "note": "..."}}                                  // present only when there is no candidate, saying why
 * }</pre>
 * Arrays are always present; empty means none. Scores are in [0, 1], rounded to four decimals. Evidence lines are
 * {@link Evidence#describe()}, strongest first, at most five per candidate. A report that holds no finding (a
 * SageMaker file with no violations) is annotated with no candidate and a note saying so, not rejected.
 *
 * <h2>What it rejects</h2>
 * A record that cannot be annotated gives a {@link Rejection} whose reason names the problem and where it is, such as
 * {@code Cannot annotate alert 'a-17' at $.observations[0].value: expected a number, found string "0.31"}: a null
 * record, one above the size limit (refused before it is parsed), not JSON, not an object, an object of no known
 * shape, a missing, mistyped or unknown field, a value out of its metric's range, or a report its reader rejects.
 * {@link #annotate} never throws for what a record holds.
 */
public final class AlertAnnotator {
  /** The default size limit of a record: 1 MiB (1,048,576 bytes), the broker's default largest message. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

  private static final int CANDIDATES = 3;
  private static final int FIXES = 3;
  private static final int EVIDENCE_LINES = 5;
  /** As deep as core reads reports: tools nest their tables, but not this deep. */
  private static final int MAX_DEPTH = 128;
  private static final List<String> RECORD_FIELDS = List.of("id", "text", "observations", "report", "format",
      "context");
  private static final List<String> OBSERVATION_FIELDS = List.of("metric", "value", "feature", "reference",
      "threshold", "samples", "referenceSamples");
  private static final String NESTED_REPORT = "$.report";
  /** How Jackson names a place inside its messages, {@code [Source: REDACTED (...); line: 1, column: 1]}. */
  private static final Pattern JACKSON_SOURCE =
      Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");
  private static final String RECORD = "record";

  private final Diagnoser diagnoser;
  private final int maxRecordBytes;
  private final ObjectMapper mapper;

  private AlertAnnotator(Diagnoser diagnoser, int maxRecordBytes) {
    this.diagnoser = diagnoser;
    this.maxRecordBytes = maxRecordBytes;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
            .maxStringLength(Math.max(maxRecordBytes, StreamReadConstraints.DEFAULT_MAX_STRING_LEN)).build())
        .build();
    this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * Returns an annotator over the bundled catalog, with the default size limit.
   *
   * @throws CatalogException if the bundled catalog cannot be loaded (a packaging defect)
   */
  public static AlertAnnotator create() {
    return using(FailureModes.using(FailureModes.catalog()));
  }

  /**
   * Returns an annotator that diagnoses with the given diagnoser (over a catalog of your own), with the default size
   * limit.
   *
   * @throws NullPointerException if {@code diagnoser} is null
   */
  public static AlertAnnotator using(Diagnoser diagnoser) {
    return new AlertAnnotator(Objects.requireNonNull(diagnoser, "diagnoser"), DEFAULT_MAX_RECORD_BYTES);
  }

  /**
   * Returns an annotator like this one that refuses records above {@code maxBytes} of UTF-8 without parsing them.
   *
   * @throws IllegalArgumentException if {@code maxBytes} is less than 2 (the smallest object, {@code {}}) or above
   *     {@link Report#MAX_BYTES} (16 MiB), the largest report the readers take
   */
  public AlertAnnotator withMaxRecordBytes(int maxBytes) {
    if (maxBytes < 2 || maxBytes > Report.MAX_BYTES) {
      throw new IllegalArgumentException("maxBytes must be in [2, " + Report.MAX_BYTES + "] (16 MiB), was "
          + maxBytes);
    }
    return new AlertAnnotator(diagnoser, maxBytes);
  }

  /** Returns the size limit of a record, in bytes of UTF-8. */
  public int maxRecordBytes() {
    return maxRecordBytes;
  }

  /** Returns the diagnoser it annotates with. */
  public Diagnoser diagnoser() {
    return diagnoser;
  }

  /**
   * Annotates a record given as UTF-8 bytes, such as a Kafka record's value or a request body. A null record (a
   * tombstone) is rejected as {@link Rejection.Kind#NO_VALUE}.
   *
   * @throws CatalogException if the catalog's index cannot be built (a packaging defect, not the record's)
   */
  public Annotation annotate(byte[] record) {
    if (record == null) {
      return noValue();
    }
    if (record.length > maxRecordBytes) {
      return tooLarge(record.length);
    }
    try {
      return Annotation.of(annotateChecked(record));
    } catch (Problem p) {
      return Annotation.rejected(new Rejection(p.kind, p.location, p.reason()));
    }
  }

  /**
   * Annotates a record given as text. A null record is rejected as {@link Rejection.Kind#NO_VALUE}; the size limit
   * applies to the text's UTF-8 length.
   *
   * @throws CatalogException if the catalog's index cannot be built (a packaging defect, not the record's)
   */
  public Annotation annotate(String record) {
    if (record == null) {
      return noValue();
    }
    long size = utf8Length(record);
    if (size > maxRecordBytes) {
      return tooLarge(size);
    }
    return annotate(record.getBytes(StandardCharsets.UTF_8));
  }

  private static Annotation noValue() {
    return Annotation.rejected(new Rejection(Rejection.Kind.NO_VALUE, "", "Cannot annotate alert record: it has"
        + " no value (null, a tombstone); send an alert record or a tool's report as a JSON object"));
  }

  private Annotation tooLarge(long size) {
    return Annotation.rejected(new Rejection(Rejection.Kind.TOO_LARGE, "", "Cannot annotate alert record: it is "
        + size + " bytes, above the limit of " + maxRecordBytes + " bytes" + mebibytes(maxRecordBytes)
        + "; send only the failing checks, or split the report"));
  }

  private static String mebibytes(int bytes) {
    return bytes % (1 << 20) == 0 ? " (" + (bytes >> 20) + " MiB)" : "";
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private byte[] annotateChecked(byte[] record) {
    JsonNode root = parse(record);
    if (root == null || root.isMissingNode()) {
      throw new Problem(Rejection.Kind.NOT_JSON, "", RECORD, "it is empty; send an alert record or a tool's report"
          + " as a JSON object");
    }
    if (!root.isObject()) {
      throw new Problem(Rejection.Kind.NOT_AN_OBJECT, "$", RECORD, "expected a JSON object (an alert record or a"
          + " tool's report), found " + describe(root));
    }
    boolean alertRecord = root.has("text") || root.has("observations") || root.has("report");
    String label = root.path("id").isTextual() ? "alert '" + root.get("id").asText() + "'" : RECORD;
    Diagnosis diagnosis;
    String noFindings = null;
    if (alertRecord) {
      Read read = readRecord(root, label);
      if (read.query == null) {
        diagnosis = null;
        noFindings = noFindingsNote(read.report);
      } else {
        diagnosis = read.query.diagnose();
      }
    } else {
      Report report = readReport(new String(record, StandardCharsets.UTF_8), "", null, label,
          Suggestions.misspeltField(root, List.of("text", "observations", "report")));
      if (report.findings().isEmpty()) {
        diagnosis = null;
        noFindings = noFindingsNote(report);
      } else {
        diagnosis = diagnoser.forReports(report).diagnose();
      }
    }
    return write(record, diagnosis, noFindings);
  }

  private JsonNode parse(byte[] record) {
    String encoding = otherEncoding(record);
    if (encoding != null) {
      throw new Problem(Rejection.Kind.NOT_JSON, "", RECORD, "it is not UTF-8: " + encoding + "; send the record"
          + " as UTF-8");
    }
    try {
      return mapper.readTree(record);
    } catch (StreamConstraintsException e) {
      String message = e.getOriginalMessage();
      throw new Problem(Rejection.Kind.TOO_LARGE, at(e), RECORD, message.startsWith("Document nesting depth")
          ? "it nests arrays and objects deeper than " + MAX_DEPTH + " levels" : "it is beyond what the parser"
          + " reads: " + message);
    } catch (JsonProcessingException e) {
      throw new Problem(Rejection.Kind.NOT_JSON, at(e), RECORD, "not JSON: "
          + JACKSON_SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2"));
    } catch (IOException e) {
      // Not a syntax error but bytes the parser could not decode (a CharConversionException): what the record holds.
      throw new Problem(Rejection.Kind.NOT_JSON, "", RECORD, "its bytes cannot be read as JSON text: "
          + e.getMessage());
    }
  }

  /**
   * Returns why the record is in another encoding than UTF-8, or null. Jackson detects UTF-16 and UTF-32 from a
   * byte-order mark or from NUL bytes among the first four, and would read such a record in that encoding, though a
   * record is UTF-8 and its bytes are copied into the annotation as they are. UTF-8 JSON has no NUL byte there: its
   * first character is whitespace or a value's first, and a NUL inside a string must be escaped.
   */
  private static String otherEncoding(byte[] record) {
    if (record.length >= 2 && ((record[0] & 0xFF) == 0xFE && (record[1] & 0xFF) == 0xFF
        || (record[0] & 0xFF) == 0xFF && (record[1] & 0xFF) == 0xFE)) {
      return "it starts with a UTF-16 or UTF-32 byte-order mark";
    }
    for (int i = 0; i < Math.min(4, record.length); i++) {
      if (record[i] == 0) {
        return "byte " + (i + 1) + " is NUL, as in UTF-16 or UTF-32 text (and never at the start of UTF-8 JSON)";
      }
    }
    return null;
  }

  private static String at(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  /** The inputs of an alert record: a query to run, or a report with no finding and nothing else to read. */
  private static final class Read {
    final Query query;
    final Report report;

    Read(Query query, Report report) {
      this.query = query;
      this.report = report;
    }
  }

  private Read readRecord(JsonNode root, String label) {
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!RECORD_FIELDS.contains(name)) {
        throw new Problem(Rejection.Kind.INVALID_FIELD, "$." + name, label, "unknown field \"" + name + "\""
            + Suggestions.didYouMean(name, RECORD_FIELDS) + "; an alert record has " + String.join(", ",
                RECORD_FIELDS) + " (put anything else under \"context\")");
      }
    }
    JsonNode id = root.get("id");
    if (id != null && !id.isTextual()) {
      throw new Problem(Rejection.Kind.INVALID_FIELD, "$.id", label, "expected a string, found " + describe(id));
    }
    List<String> texts = texts(root.get("text"), label);
    List<Observation> observations = observations(root.get("observations"), label);
    Report report = null;
    JsonNode reportNode = root.get("report");
    JsonNode formatNode = root.get("format");
    Format format = null;
    if (formatNode != null) {
      if (!formatNode.isTextual()) {
        throw new Problem(Rejection.Kind.INVALID_FIELD, "$.format", label, "expected a format id (a string), found "
            + describe(formatNode) + "; valid: " + Format.validIds());
      }
      format = Format.find(formatNode.asText()).orElseThrow(() -> new Problem(Rejection.Kind.INVALID_FIELD,
          "$.format", label, "unknown format '" + formatNode.asText() + "'" + Suggestions.didYouMean(
              formatNode.asText(), Format.validIds().split(", ")) + "; valid: " + Format.validIds()));
      if (reportNode == null) {
        throw new Problem(Rejection.Kind.INVALID_FIELD, "$.format", label, "\"format\" names the format of"
            + " \"report\", which is missing; add the report or drop \"format\"");
      }
    }
    if (reportNode != null) {
      if (!reportNode.isObject()) {
        throw new Problem(Rejection.Kind.INVALID_FIELD, NESTED_REPORT, label, "expected a tool's report (a JSON"
            + " object), found " + describe(reportNode));
      }
      report = readReport(reportNode.toString(), NESTED_REPORT, format, label, null);
    }
    if (texts.isEmpty() && observations.isEmpty() && (report == null || report.findings().isEmpty())) {
      if (report != null) {
        return new Read(null, report);
      }
      throw new Problem(Rejection.Kind.INVALID_FIELD, "$", label, "nothing to diagnose: \"text\" and"
          + " \"observations\" are empty and there is no \"report\"");
    }
    Query query = null;
    if (!texts.isEmpty()) {
      query = diagnoser.forSymptoms(texts);
    }
    for (int i = 0; i < observations.size(); i++) {
      try {
        query = query == null ? diagnoser.forObservations(observations.get(i)) : query.observe(observations.get(i));
      } catch (IllegalArgumentException e) {
        // The only thing observe() rejects in a well-formed observation is a value outside its metric's range.
        throw new Problem(Rejection.Kind.OUT_OF_RANGE, "$.observations[" + i + "]", label, e.getMessage());
      }
    }
    if (report != null) {
      query = query == null ? diagnoser.forReports(report) : query.withReports(report);
    }
    return new Read(query, report);
  }

  private static List<String> texts(JsonNode text, String label) {
    if (text == null) {
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    if (text.isTextual()) {
      texts.add(text.asText());
    } else if (text.isArray()) {
      for (int i = 0; i < text.size(); i++) {
        JsonNode t = text.get(i);
        if (!t.isTextual()) {
          throw new Problem(Rejection.Kind.INVALID_FIELD, "$.text[" + i + "]", label, "expected a string, found "
              + describe(t));
        }
        texts.add(t.asText());
      }
    } else {
      throw new Problem(Rejection.Kind.INVALID_FIELD, "$.text", label, "expected a string or an array of strings,"
          + " found " + describe(text));
    }
    if (!texts.isEmpty() && texts.stream().allMatch(String::isBlank)) {
      throw new Problem(Rejection.Kind.INVALID_FIELD, "$.text", label, "the text is blank; describe what was"
          + " seen, such as \"accuracy dropped after release\", or leave \"text\" out");
    }
    return texts;
  }

  private static List<Observation> observations(JsonNode array, String label) {
    if (array == null) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new Problem(Rejection.Kind.INVALID_FIELD, "$.observations", label, "expected an array of observations"
          + " such as [{\"metric\": \"psi\", \"value\": 0.31}], found " + describe(array));
    }
    List<Observation> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(observation(array.get(i), "$.observations[" + i + "]", label));
    }
    return out;
  }

  private static Observation observation(JsonNode node, String path, String label) {
    if (!node.isObject()) {
      throw new Problem(Rejection.Kind.INVALID_FIELD, path, label, "expected an observation such as {\"metric\":"
          + " \"psi\", \"value\": 0.31}, found " + describe(node));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!OBSERVATION_FIELDS.contains(name)) {
        throw new Problem(Rejection.Kind.INVALID_FIELD, path + "." + name, label, "unknown field \"" + name + "\""
            + Suggestions.didYouMean(name, OBSERVATION_FIELDS) + "; an observation has " + String.join(", ",
                OBSERVATION_FIELDS));
      }
    }
    JsonNode metric = node.get("metric");
    if (metric == null) {
      throw new Problem(Rejection.Kind.INVALID_FIELD, path, label, "missing \"metric\": name a catalog metric,"
          + " such as \"psi\"");
    }
    if (!metric.isTextual() || metric.asText().isBlank()) {
      throw new Problem(Rejection.Kind.INVALID_FIELD, path + ".metric", label, "expected a metric id or alias such"
          + " as \"psi\", found " + describe(metric));
    }
    if (node.get("value") == null) {
      throw new Problem(Rejection.Kind.INVALID_FIELD, path, label, "missing \"value\": the measured value of "
          + metric.asText() + ", a number");
    }
    Observation o = Observation.of(metric.asText(), number(node, "value", path, label));
    JsonNode feature = node.get("feature");
    if (feature != null) {
      if (!feature.isTextual()) {
        throw new Problem(Rejection.Kind.INVALID_FIELD, path + ".feature", label, "expected a string, found "
            + describe(feature));
      }
      o = o.feature(feature.asText());
    }
    if (node.has("reference")) {
      o = o.reference(number(node, "reference", path, label));
    }
    if (node.has("threshold")) {
      o = o.threshold(number(node, "threshold", path, label));
    }
    if (node.has("samples")) {
      o = o.samples(count(node, "samples", path, label));
    }
    if (node.has("referenceSamples")) {
      o = o.referenceSamples(count(node, "referenceSamples", path, label));
    }
    return o;
  }

  private static double number(JsonNode node, String field, String path, String label) {
    JsonNode n = node.get(field);
    if (!n.isNumber()) {
      throw new Problem(Rejection.Kind.INVALID_FIELD, path + "." + field, label, "expected a number, found "
          + describe(n));
    }
    double v = n.asDouble();
    if (!Double.isFinite(v)) {
      throw new Problem(Rejection.Kind.INVALID_FIELD, path + "." + field, label, "expected a finite number, found "
          + n.asText());
    }
    return v;
  }

  private static long count(JsonNode node, String field, String path, String label) {
    JsonNode n = node.get(field);
    if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
      throw new Problem(Rejection.Kind.INVALID_FIELD, path + "." + field, label, "expected a number of rows (a"
          + " whole number, 0 or more), found " + describe(n));
    }
    return n.asLong();
  }

  /**
   * Reads a report through core's readers and turns a {@link ReportException} into a problem at the record's JSON
   * location. {@code ReportException} carries its location only in its message, in the documented form {@code
   * Cannot read report SOURCE at LOCATION: PROBLEM}, so the location is taken from there.
   *
   * @param shapeHint for a bare record, what to add when it is of no known format (a misspelt field); null for a
   *     nested report, whose format is unknown only as a report
   */
  private static Report readReport(String json, String prefix, Format format, String label, String shapeHint) {
    String source = prefix.isEmpty() ? RECORD : prefix;
    try {
      return Report.parse(json, source, format);
    } catch (ReportException e) {
      String message = e.getMessage();
      String head = "Cannot read report " + source;
      String location = "";
      String problem = message;
      if (message.startsWith(head + " at ")) {
        String rest = message.substring(head.length() + 4);
        int colon = rest.indexOf(": ");
        if (colon > 0) {
          location = rest.substring(0, colon);
          problem = rest.substring(colon + 2);
        }
      } else if (message.startsWith(head + ": ")) {
        problem = message.substring(head.length() + 2);
      }
      String where = prefix.isEmpty() ? (location.isEmpty() ? "$" : location)
          : location.startsWith("$") ? prefix + location.substring(1) : prefix;
      if (shapeHint != null && problem.startsWith("not a report of a known format")) {
        // A bare object of no known format may have been meant as an alert record.
        throw new Problem(Rejection.Kind.UNKNOWN_SHAPE, "$", label, "neither an alert record (an object with"
            + " \"text\", \"observations\" or \"report\") nor a report of a known format (" + Format.validIds()
            + ")" + shapeHint);
      }
      boolean detected = !problem.startsWith("not a report of a known format");
      throw new Problem(Rejection.Kind.REPORT_REJECTED, where, label, detected
          ? "the report is not what its reader expects: " + problem : problem);
    }
  }

  private static String noFindingsNote(Report report) {
    return "The " + report.format().tool() + " report holds no findings (no checks or alerts in it): nothing to"
        + " diagnose.";
  }

  private byte[] write(byte[] record, Diagnosis diagnosis, String noFindings) {
    int start = 0;
    int end = record.length;
    if (end >= 3 && (record[0] & 0xFF) == 0xEF && (record[1] & 0xFF) == 0xBB && (record[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    while (start < end && whitespace(record[start])) {
      start++;
    }
    while (end > start && whitespace(record[end - 1])) {
      end--;
    }
    JsonBytes out = new JsonBytes(end - start + 2048);
    out.raw("{\"alert\":").raw(record, start, end).raw(",\"annotation\":");
    out.raw("{\"catalogVersion\":").string(diagnoser.catalog().catalogVersion());
    out.raw(",\"candidates\":[");
    if (diagnosis != null) {
      List<Candidate> candidates = diagnosis.candidates();
      for (int i = 0; i < Math.min(CANDIDATES, candidates.size()); i++) {
        if (i > 0) {
          out.raw(',');
        }
        writeCandidate(out, candidates.get(i));
      }
    }
    out.raw("],\"firstFixes\":[");
    if (diagnosis != null) {
      List<PlannedFix> plan = diagnosis.plan();
      for (int i = 0; i < Math.min(FIXES, plan.size()); i++) {
        PlannedFix f = plan.get(i);
        out.raw(i > 0 ? ",{\"id\":" : "{\"id\":").string(f.fix().id());
        out.raw(",\"name\":").string(f.fix().name());
        writeStrings(out, ",\"addresses\":[", f.addresses());
        out.raw('}');
      }
    }
    out.raw("],\"unrecognized\":[");
    if (diagnosis != null) {
      List<Unrecognized> unrecognized = diagnosis.unrecognized();
      for (int i = 0; i < unrecognized.size(); i++) {
        Unrecognized u = unrecognized.get(i);
        out.raw(i > 0 ? ",{\"input\":" : "{\"input\":").string(u.input());
        writeStrings(out, ",\"suggestions\":[", u.suggestions());
        out.raw('}');
      }
    }
    out.raw(']');
    Optional<String> note = diagnosis == null ? Optional.of(noFindings) : diagnosis.whyEmpty();
    if (note.isPresent()) {
      out.raw(",\"note\":").string(note.get());
    }
    return out.raw("}}").toByteArray();
  }

  private static void writeCandidate(JsonBytes out, Candidate c) {
    out.raw("{\"rank\":").number(c.rank());
    out.raw(",\"id\":").string(c.id());
    out.raw(",\"name\":").string(c.failureMode().name());
    out.raw(",\"stage\":").string(c.failureMode().stage().id());
    out.raw(",\"score\":").number(Math.round(c.score() * 10_000) / 10_000.0);
    out.raw(",\"explanation\":").string(c.explanation());
    List<Evidence> evidence = c.evidence();
    out.raw(",\"evidence\":[");
    for (int i = 0; i < Math.min(EVIDENCE_LINES, evidence.size()); i++) {
      if (i > 0) {
        out.raw(',');
      }
      out.string(evidence.get(i).describe());
    }
    out.raw(']');
    if (evidence.size() > EVIDENCE_LINES) {
      out.raw(",\"moreEvidence\":").number(evidence.size() - EVIDENCE_LINES);
    }
    out.raw('}');
  }

  /** Writes {@code opening} (a field name and '['), the strings, and ']'. */
  private static void writeStrings(JsonBytes out, String opening, List<String> values) {
    out.raw(opening);
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.raw(',');
      }
      out.string(values.get(i));
    }
    out.raw(']');
  }

  private static boolean whitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  /** Returns a JSON value's type and, for scalars, its value, shortened: {@code string "0.31"}, {@code an array}. */
  static String describe(JsonNode n) {
    if (n.isTextual()) {
      String s = n.asText();
      return "string \"" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "\"";
    }
    if (n.isNumber()) {
      return "number " + n.asText();
    }
    if (n.isBoolean() || n.isNull()) {
      return n.asText();
    }
    return n.isArray() ? "an array" : "an object";
  }

  /** Returns the size limit and the diagnoser's catalog. */
  @Override
  public String toString() {
    return "AlertAnnotator[max " + maxRecordBytes + " bytes, " + diagnoser.catalog() + "]";
  }

  /**
   * A record's problem, thrown from deep in the reading and caught in {@link #annotate(byte[])}. No stack trace: it
   * is control flow for bad input, which a stream may see often.
   */
  private static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Rejection.Kind kind;
    final String location;
    final String label;

    Problem(Rejection.Kind kind, String location, String label, String problem) {
      super(problem, null, false, false);
      this.kind = kind;
      this.location = location;
      this.label = label;
    }

    String reason() {
      return "Cannot annotate " + (label.equals(RECORD) ? "alert record" : label)
          + (location.isEmpty() ? "" : " at " + location) + ": " + getMessage();
    }
  }
}
