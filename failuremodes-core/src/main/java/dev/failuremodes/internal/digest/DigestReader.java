package dev.failuremodes.internal.digest;

import dev.failuremodes.CaseStudy;
import dev.failuremodes.CatalogException;
import dev.failuremodes.CatalogProblem;
import dev.failuremodes.Comparison;
import dev.failuremodes.DetectionMethod;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Fix;
import dev.failuremodes.Guidance;
import dev.failuremodes.Indicator;
import dev.failuremodes.Level;
import dev.failuremodes.Metric;
import dev.failuremodes.Outcome;
import dev.failuremodes.Presentation;
import dev.failuremodes.Reference;
import dev.failuremodes.RelatedMode;
import dev.failuremodes.Relation;
import dev.failuremodes.Signal;
import dev.failuremodes.Stage;
import dev.failuremodes.Symptom;
import dev.failuremodes.internal.CatalogData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.zip.CRC32;

/**
 * Reads the catalog digest: the bundled catalog, validated when the library was built, in a compact binary form read
 * straight into the domain objects, without Jackson and without validating again. It exists only to make the first
 * {@code FailureModes.catalog()} cheap; the JSON stays the source of truth.
 *
 * <p>A digest is used only for the exact JSON bytes it was made from (their length and CRC-32 are in its header),
 * and only in the format version this reader knows; otherwise the caller reads the JSON. A digest that is damaged
 * (bad header, checksum or content) fails with a {@link CatalogException} naming it, never with a wrong catalog.
 *
 * <p>The format, all integers big-endian: the magic {@code FMCD}; the format version (int); the JSON's length and
 * CRC-32 (ints); the payload's length and CRC-32 (ints); then the payload, whose numbers are unsigned varints unless
 * said otherwise. The payload starts with the string table: the count, then each string as its length in bytes
 * shifted left by one (the low bit set for UTF-8, clear for Latin-1) and its bytes. Strings elsewhere are indexes
 * into the table; an absent optional string is 0, a present one its index plus 1. Then come the schema version, the
 * catalog version, the stages, metrics, symptoms, failure modes, fixes and case studies (each a count, then the
 * entries' fields in the order of their accessors) and the guidance (a 0 or 1 byte, then its fields). Enums are one
 * byte, their ordinal; booleans one byte; doubles 8 bytes; lists a count then their elements.
 */
public final class DigestReader {
  /** The digest's resource in the core jar, written by the build next to this class. */
  public static final String RESOURCE = "/dev/failuremodes/internal/digest/catalog.digest";
  /** The first four bytes of a digest. */
  static final byte[] MAGIC = {'F', 'M', 'C', 'D'};
  /** The format this reader reads; a digest of another version is ignored. */
  static final int FORMAT_VERSION = 2;
  /** Magic, format version, JSON length and CRC, payload length and CRC. */
  static final int HEADER_LENGTH = 24;

  private static final Stage[] STAGES = Stage.values();
  private static final Level[] LEVELS = Level.values();
  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final Comparison[] COMPARISONS = Comparison.values();
  private static final Relation[] RELATIONS = Relation.values();

  private final byte[] bytes;
  private int pos;
  private String[] strings;

  private DigestReader(byte[] bytes, int pos) {
    this.bytes = bytes;
    this.pos = pos;
  }

  /**
   * Returns the catalog in the bundled digest if it was made from the JSON with this length and CRC-32, or null when
   * there is no digest, it is of another format version or it was made from other JSON.
   *
   * @throws CatalogException naming {@link #RESOURCE} if the digest cannot be read or is damaged
   */
  public static CatalogData readBundled(long jsonLength, long jsonCrc) {
    byte[] digest;
    try (InputStream in = DigestReader.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      digest = in.readAllBytes();
    } catch (IOException e) {
      throw new CatalogException(List.of(new CatalogProblem(RESOURCE, "class path", "cannot read: " + e)), e);
    }
    return read(digest, jsonLength, jsonCrc, RESOURCE);
  }

  /**
   * Returns the catalog in a digest if it was made from exactly these JSON bytes, or null when it is of another
   * format version or was made from other JSON.
   *
   * @throws CatalogException naming {@code source} if the digest is damaged
   */
  public static CatalogData read(byte[] digest, byte[] json, String source) {
    return read(digest, json.length, crc(json), source);
  }

  /**
   * Returns the catalog in a digest if it was made from the JSON with this length and CRC-32, or null when it is of
   * another format version or was made from other JSON.
   *
   * @throws CatalogException naming {@code source} if the digest is damaged
   */
  public static CatalogData read(byte[] digest, long jsonLength, long jsonCrc, String source) {
    if (digest.length < HEADER_LENGTH) {
      throw damaged(
          source, "header", "only " + digest.length + " bytes, shorter than the header (a damaged file)", null);
    }
    if (digest[0] != MAGIC[0] || digest[1] != MAGIC[1] || digest[2] != MAGIC[2] || digest[3] != MAGIC[3]) {
      throw damaged(source, "header", "not a catalog digest (it does not start with FMCD)", null);
    }
    DigestReader header = new DigestReader(digest, MAGIC.length);
    if (header.int32() != FORMAT_VERSION) {
      return null;
    }
    if (header.uint32() != jsonLength || header.uint32() != jsonCrc) {
      return null;
    }
    long payloadLength = header.uint32();
    long payloadCrc = header.uint32();
    if (payloadLength != digest.length - HEADER_LENGTH
        || payloadCrc != crc(digest, HEADER_LENGTH, digest.length - HEADER_LENGTH)) {
      throw damaged(source, "payload", "length or checksum does not match the header (a damaged file)", null);
    }
    DigestReader reader = new DigestReader(digest, HEADER_LENGTH);
    try {
      CatalogData data = reader.data();
      if (reader.pos != digest.length) {
        throw new IllegalStateException("unread bytes after the guidance");
      }
      return data;
    } catch (CatalogException e) {
      // A value's own check refused what was read: say which value and why, without the nested exception's lines.
      CatalogProblem first = e.problems().get(0);
      throw damaged(source, "byte " + reader.pos,
          "unreadable content: " + first.source() + " " + first.location() + ": " + first.message(), e);
    } catch (RuntimeException e) {
      throw damaged(source, "byte " + reader.pos, "unreadable content: " + e, e);
    }
  }

  /** Returns the CRC-32 of a whole array, as a jar records it for an entry. */
  public static long crc(byte[] bytes) {
    return crc(bytes, 0, bytes.length);
  }

  static long crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }

  private static CatalogException damaged(String source, String location, String message, Throwable cause) {
    return new CatalogException(
        List.of(new CatalogProblem(source, location, message + "; rebuild failuremodes-core to regenerate it")),
        cause);
  }

  private CatalogData data() {
    strings = stringTable();
    int schemaVersion = varint();
    String catalogVersion = string();
    Map<Stage, CatalogData.StageEntry> stages = new EnumMap<>(Stage.class);
    for (int i = count(); i > 0; i--) {
      Stage stage = STAGES[u8()];
      stages.put(stage, new CatalogData.StageEntry(string(), string()));
    }
    List<Metric> metrics = new ArrayList<>();
    for (int i = count(); i > 0; i--) {
      metrics.add(metric());
    }
    List<Symptom> symptoms = new ArrayList<>();
    for (int i = count(); i > 0; i--) {
      symptoms.add(symptom());
    }
    List<FailureMode> modes = new ArrayList<>();
    for (int i = count(); i > 0; i--) {
      modes.add(failureMode());
    }
    List<Fix> fixes = new ArrayList<>();
    for (int i = count(); i > 0; i--) {
      fixes.add(fix());
    }
    List<CaseStudy> caseStudies = new ArrayList<>();
    for (int i = count(); i > 0; i--) {
      caseStudies.add(caseStudy());
    }
    Optional<Guidance> guidance = bool() ? Optional.of(guidance()) : Optional.empty();
    return new CatalogData(
        schemaVersion, catalogVersion, stages, metrics, symptoms, modes, fixes, caseStudies, guidance);
  }

  /**
   * Decodes the string table. A string of Latin-1 characters (nearly all of them) is stored as Latin-1, which
   * decodes as a plain copy; UTF-8 decoding would run a loop over every byte in a JVM that has not compiled it yet.
   */
  private String[] stringTable() {
    int count = count();
    String[] table = new String[count];
    for (int i = 0; i < count; i++) {
      int header = varint();
      int length = header >>> 1;
      if (length > bytes.length - pos) {
        throw new IllegalStateException("a string of " + length + " bytes with " + (bytes.length - pos) + " left");
      }
      Charset charset = (header & 1) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
      table[i] = new String(bytes, pos, length, charset);
      pos += length;
    }
    return table;
  }

  private Metric metric() {
    return Metric.builder()
        .id(string())
        .name(string())
        .description(string())
        .aliases(strings())
        .min(optionalDouble())
        .max(optionalDouble())
        .build();
  }

  private Symptom symptom() {
    Symptom.Builder b = Symptom.builder().id(string()).name(string()).stage(STAGES[u8()]).description(string())
        .aliases(strings());
    for (int i = count(); i > 0; i--) {
      b.addSignal(Signal.builder()
          .metric(string())
          .comparator(COMPARISONS[u8()])
          .threshold(float64())
          .source(string())
          .build());
    }
    return b.deprecated(bool()).replacedBy(optionalString()).build();
  }

  private FailureMode failureMode() {
    FailureMode.Builder b = FailureMode.builder().id(string()).name(string()).stage(STAGES[u8()]).summary(string())
        .description(string()).aliases(strings());
    for (int i = count(); i > 0; i--) {
      b.addIndicator(Indicator.of(string(), float64()));
    }
    b.mechanisms(strings()).fixes(strings());
    for (int i = count(); i > 0; i--) {
      DetectionMethod.Builder d = DetectionMethod.builder()
          .id(optionalString())
          .name(string())
          .description(string())
          .effectiveness(LEVELS[u8()]);
      int effort = u8();
      if (effort > 0) {
        d.effort(LEVELS[effort - 1]);
      }
      d.observes(optionalString()).positive(optionalString()).negative(optionalString());
      for (int j = count(); j > 0; j--) {
        d.putPredict(string(), OUTCOMES[u8()]);
      }
      if (bool()) {
        d.source(reference());
      }
      b.addDetection(d.build());
    }
    for (int i = count(); i > 0; i--) {
      b.addRelated(RelatedMode.of(string(), RELATIONS[u8()]));
    }
    b.references(references());
    for (int i = count(); i > 0; i--) {
      b.addPresentation(Presentation.builder().text(string()).source(reference()).build());
    }
    return b.deprecated(bool()).replacedBy(optionalString()).build();
  }

  private Fix fix() {
    return Fix.builder()
        .id(string())
        .name(string())
        .description(string())
        .stage(STAGES[u8()])
        .leverage(LEVELS[u8()])
        .effort(LEVELS[u8()])
        .deprecated(bool())
        .replacedBy(optionalString())
        .build();
  }

  private CaseStudy caseStudy() {
    return CaseStudy.builder()
        .id(string())
        .organisation(string())
        .domain(string())
        .summary(string())
        .failureModes(strings())
        .references(references())
        .build();
  }

  private Guidance guidance() {
    return Guidance.builder()
        .probes(strings())
        .assesses(strings())
        .framing(string())
        .checklist(strings())
        .build();
  }

  private List<Reference> references() {
    int count = count();
    List<Reference> references = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      references.add(reference());
    }
    return references;
  }

  private Reference reference() {
    return Reference.builder()
        .title(string())
        .authors(string())
        .year(varint())
        .doi(optionalString())
        .url(optionalString())
        .build();
  }

  private List<String> strings() {
    int count = count();
    List<String> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(string());
    }
    return list;
  }

  private String string() {
    return strings[varint()];
  }

  private Optional<String> optionalString() {
    int index = varint();
    return index == 0 ? Optional.empty() : Optional.of(strings[index - 1]);
  }

  private OptionalDouble optionalDouble() {
    return bool() ? OptionalDouble.of(float64()) : OptionalDouble.empty();
  }

  private boolean bool() {
    int b = u8();
    if (b > 1) {
      throw new IllegalStateException("expected a boolean, found " + b);
    }
    return b == 1;
  }

  /** A count of elements, which can never exceed the bytes left. */
  private int count() {
    int count = varint();
    if (count > bytes.length - pos) {
      throw new IllegalStateException("a count of " + count + " with " + (bytes.length - pos) + " bytes left");
    }
    return count;
  }

  private int u8() {
    return bytes[pos++] & 0xff;
  }

  private int varint() {
    int value = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = u8();
      value |= (b & 0x7f) << shift;
      if (b < 0x80) {
        if (value < 0) {
          throw new IllegalStateException("a negative varint");
        }
        return value;
      }
    }
    throw new IllegalStateException("a varint longer than 5 bytes");
  }

  private int int32() {
    return (u8() << 24) | (u8() << 16) | (u8() << 8) | u8();
  }

  private long uint32() {
    return int32() & 0xffffffffL;
  }

  private double float64() {
    long high = int32() & 0xffffffffL;
    long low = int32() & 0xffffffffL;
    return Double.longBitsToDouble(high << 32 | low);
  }
}
