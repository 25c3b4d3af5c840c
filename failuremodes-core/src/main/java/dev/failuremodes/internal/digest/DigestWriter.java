package dev.failuremodes.internal.digest;

import dev.failuremodes.CaseStudy;
import dev.failuremodes.DetectionMethod;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Fix;
import dev.failuremodes.Guidance;
import dev.failuremodes.Indicator;
import dev.failuremodes.Metric;
import dev.failuremodes.Outcome;
import dev.failuremodes.Presentation;
import dev.failuremodes.Reference;
import dev.failuremodes.RelatedMode;
import dev.failuremodes.Signal;
import dev.failuremodes.Stage;
import dev.failuremodes.Symptom;
import dev.failuremodes.internal.CatalogData;
import dev.failuremodes.internal.json.CatalogValidator;
import dev.failuremodes.internal.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Writes the digest that {@link DigestReader} reads: run by the build after compiling, it validates the bundled
 * catalog's JSON (so the build fails on an invalid catalog) and writes its digest into the classes directory.
 *
 * <pre>
 * java -cp CLASSPATH dev.failuremodes.internal.digest.DigestWriter \
 *     target/classes/dev/failuremodes/internal/digest/catalog.digest
 * </pre>
 */
public final class DigestWriter {
  /** The bundled catalog's resource, in the failuremodes-catalog jar. */
  static final String JSON_RESOURCE = "dev/failuremodes/catalog/catalog.json";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> strings = new ArrayList<>();

  private DigestWriter() {}

  /**
   * Writes the digest of the bundled catalog found on the class path to the file given as the only argument, after
   * checking that it reads back equal to the validated JSON.
   *
   * @throws IOException if the catalog cannot be read or the file cannot be written
   * @throws dev.failuremodes.CatalogException if the catalog is invalid
   * @throws IllegalStateException if the digest would not read back equal (a defect of this class)
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DigestWriter OUTPUT_FILE (the digest to write)");
    }
    byte[] json;
    try (InputStream in = DigestWriter.class.getClassLoader().getResourceAsStream(JSON_RESOURCE)) {
      if (in == null) {
        throw new IOException(JSON_RESOURCE + " is not on the class path; failuremodes-catalog must be");
      }
      json = in.readAllBytes();
    }
    byte[] digest = write(json, "bundled catalog /" + JSON_RESOURCE);
    Path target = Path.of(args[0]);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.write(target, digest);
  }

  /**
   * Returns the digest of a catalog document: validated, written, and read back to check it is equal.
   *
   * @throws dev.failuremodes.CatalogException if the document is invalid
   * @throws IllegalStateException if the digest does not read back equal (a defect of this class)
   */
  public static byte[] write(byte[] json, String source) {
    CatalogData data = CatalogValidator.validate(
        List.of(new CatalogValidator.Layer(source, Json.parse(new ByteArrayInputStream(json), source))), false);
    byte[] digest = write(data, json);
    if (!data.equals(DigestReader.read(digest, json, source + " (digest)"))) {
      throw new IllegalStateException("the digest of " + source + " does not read back equal to its JSON");
    }
    return digest;
  }

  /** Returns the digest of validated data, made from these JSON bytes. */
  static byte[] write(CatalogData data, byte[] json) {
    DigestWriter body = new DigestWriter();
    body.data(data);
    DigestWriter table = new DigestWriter();
    table.stringTable(body.strings);
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.writeBytes(table.out.toByteArray());
    payload.writeBytes(body.out.toByteArray());
    byte[] p = payload.toByteArray();

    DigestWriter header = new DigestWriter();
    header.out.writeBytes(DigestReader.MAGIC);
    header.int32(DigestReader.FORMAT_VERSION);
    header.int32(json.length);
    header.int32((int) DigestReader.crc(json));
    header.int32(p.length);
    header.int32((int) DigestReader.crc(p));
    header.out.writeBytes(p);
    return header.out.toByteArray();
  }

  private void stringTable(List<String> table) {
    varint(table.size());
    for (String s : table) {
      boolean latin1 = true;
      for (int i = 0; i < s.length() && latin1; i++) {
        latin1 = s.charAt(i) <= 0xff;
      }
      byte[] encoded = s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      varint(encoded.length << 1 | (latin1 ? 0 : 1));
      out.writeBytes(encoded);
    }
  }

  private void data(CatalogData data) {
    varint(data.schemaVersion());
    string(data.catalogVersion());
    varint(data.stages().size());
    for (Map.Entry<Stage, CatalogData.StageEntry> e : data.stages().entrySet()) {
      u8(e.getKey().ordinal());
      string(e.getValue().name());
      string(e.getValue().description());
    }
    varint(data.metrics().size());
    for (Metric m : data.metrics()) {
      string(m.id());
      string(m.name());
      string(m.description());
      strings(m.aliases());
      optionalDouble(m.min());
      optionalDouble(m.max());
    }
    varint(data.symptoms().size());
    for (Symptom s : data.symptoms()) {
      symptom(s);
    }
    varint(data.failureModes().size());
    for (FailureMode m : data.failureModes()) {
      failureMode(m);
    }
    varint(data.fixes().size());
    for (Fix f : data.fixes()) {
      fix(f);
    }
    varint(data.caseStudies().size());
    for (CaseStudy c : data.caseStudies()) {
      caseStudy(c);
    }
    u8(data.guidance().isPresent() ? 1 : 0);
    if (data.guidance().isPresent()) {
      Guidance g = data.guidance().get();
      strings(g.probes());
      strings(g.assesses());
      string(g.framing());
      strings(g.checklist());
    }
  }

  private void symptom(Symptom s) {
    string(s.id());
    string(s.name());
    u8(s.stage().ordinal());
    string(s.description());
    strings(s.aliases());
    varint(s.signals().size());
    for (Signal signal : s.signals()) {
      string(signal.metric());
      u8(signal.comparator().ordinal());
      float64(signal.threshold());
      string(signal.source());
    }
    u8(s.deprecated() ? 1 : 0);
    optionalString(s.replacedBy());
  }

  private void failureMode(FailureMode m) {
    string(m.id());
    string(m.name());
    u8(m.stage().ordinal());
    string(m.summary());
    string(m.description());
    strings(m.aliases());
    varint(m.indicators().size());
    for (Indicator i : m.indicators()) {
      string(i.symptom());
      float64(i.weight());
    }
    strings(m.mechanisms());
    strings(m.fixes());
    varint(m.detection().size());
    for (DetectionMethod d : m.detection()) {
      optionalString(d.id());
      string(d.name());
      string(d.description());
      u8(d.effectiveness().ordinal());
      u8(d.effort().isPresent() ? d.effort().get().ordinal() + 1 : 0);
      optionalString(d.observes());
      optionalString(d.positive());
      optionalString(d.negative());
      varint(d.predicts().size());
      for (Map.Entry<String, Outcome> e : d.predicts().entrySet()) {
        string(e.getKey());
        u8(e.getValue().ordinal());
      }
      u8(d.source().isPresent() ? 1 : 0);
      if (d.source().isPresent()) {
        reference(d.source().get());
      }
    }
    varint(m.related().size());
    for (RelatedMode r : m.related()) {
      string(r.mode());
      u8(r.relation().ordinal());
    }
    references(m.references());
    varint(m.presentations().size());
    for (Presentation p : m.presentations()) {
      string(p.text());
      reference(p.source());
    }
    u8(m.deprecated() ? 1 : 0);
    optionalString(m.replacedBy());
  }

  private void fix(Fix f) {
    string(f.id());
    string(f.name());
    string(f.description());
    u8(f.stage().ordinal());
    u8(f.leverage().ordinal());
    u8(f.effort().ordinal());
    u8(f.deprecated() ? 1 : 0);
    optionalString(f.replacedBy());
  }

  private void caseStudy(CaseStudy c) {
    string(c.id());
    string(c.organisation());
    string(c.domain());
    string(c.summary());
    strings(c.failureModes());
    references(c.references());
  }

  private void references(List<Reference> references) {
    varint(references.size());
    for (Reference r : references) {
      reference(r);
    }
  }

  private void reference(Reference r) {
    string(r.title());
    string(r.authors());
    varint(r.year());
    optionalString(r.doi());
    optionalString(r.url());
  }

  private void strings(List<String> list) {
    varint(list.size());
    for (String s : list) {
      string(s);
    }
  }

  private void string(String s) {
    varint(indexOf(s));
  }

  private void optionalString(Optional<String> s) {
    varint(s.isPresent() ? indexOf(s.get()) + 1 : 0);
  }

  private int indexOf(String s) {
    Integer i = index.get(s);
    if (i == null) {
      i = strings.size();
      strings.add(s);
      index.put(s, i);
    }
    return i;
  }

  private void optionalDouble(OptionalDouble d) {
    u8(d.isPresent() ? 1 : 0);
    if (d.isPresent()) {
      float64(d.getAsDouble());
    }
  }

  private void u8(int b) {
    out.write(b);
  }

  private void varint(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("a digest varint must not be negative: " + value);
    }
    int v = value;
    while (v >= 0x80) {
      out.write((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  private void int32(int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  private void float64(double d) {
    long bits = Double.doubleToLongBits(d);
    int32((int) (bits >>> 32));
    int32((int) bits);
  }
}
