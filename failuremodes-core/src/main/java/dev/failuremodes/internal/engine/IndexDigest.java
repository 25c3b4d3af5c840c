package dev.failuremodes.internal.engine;

import dev.failuremodes.Catalog;
import dev.failuremodes.FailureMode;
import dev.failuremodes.Symptom;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The digest of the bundled catalog's text index: the {@link ModeText} that the engine would build from the catalog
 * with the library's tuning, finished, and the catalog's names and aliases as the engine reads them (normalised, and
 * as stems), so that the first diagnosis in a JVM reads flat arrays instead of tokenising and stemming all of the
 * catalog's text in code not yet compiled. Written by the build after compiling
 * (see {@link #main}), which checks that it reads back equal to the index built from the catalog's JSON; read by
 * {@link Engine#bundled}. The JSON stays the source of truth: a digest is used only for the exact JSON bytes it was
 * made from (their length and CRC-32 are in its header), in the format version this class knows; otherwise the engine
 * builds its index from the catalog. A damaged digest fails loudly, never with a wrong index.
 *
 * <p>The format: the magic {@code FMTI}; the format version, the JSON's length and CRC-32, the payload's length and
 * CRC-32 (big-endian ints); then the payload, little-endian: the live modes' ids; the words of the index in their
 * numbered order, with the hashes and the table of their {@link Words}; {@code termStart}, {@code termIdf}, the
 * postings' modes, saturated counts, core counts and fields, and each document's relative field lengths; then the
 * names: the strings that are not words of the index, and one array of ints that holds the number of names and, per
 * name, where it is (three ints: its place in the catalog, as kind, entry and alias, see {@link #places}, or 0, a
 * string, 0), its normalised form (-2 when not read, -1 when the name itself, else a string), and its number of
 * tokens (-1 when not read) and the tokens. A string there is its number among the index's words followed by the
 * other strings. A single string is an int, its length in bytes shifted left by one (the low bit set for UTF-8,
 * clear for Latin-1), and its bytes; strings are an array of such ints, then the count and the bytes of all of them;
 * an array is its length, then its elements.
 */
public final class IndexDigest {
  /** The digest's resource in the core jar, written by the build next to this class. */
  public static final String RESOURCE = "/dev/failuremodes/internal/engine/text-index.digest";
  /** The bundled catalog's resource, in the failuremodes-catalog jar. */
  static final String JSON_RESOURCE = "dev/failuremodes/catalog/catalog.json";
  static final byte[] MAGIC = {'F', 'M', 'T', 'I'};
  /** The format this class reads; a digest of another version is ignored. */
  static final int FORMAT_VERSION = 1;
  /** Magic, format version, JSON length and CRC, payload length and CRC. */
  static final int HEADER_LENGTH = 24;

  private IndexDigest() {}

  /** What a digest holds: the text index, and a memo that has read the names and aliases. */
  record Index(ModeText text, Text.Memo names) {}

  /**
   * Writes the digest of the text index of the bundled catalog found on the class path to the file given as the only
   * argument, after checking that it reads back equal to the index built from the catalog's JSON.
   *
   * @throws IOException if the catalog cannot be read or the file cannot be written
   * @throws IllegalStateException if the digest would not read back equal (a defect of this class)
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: IndexDigest OUTPUT_FILE (the digest to write)");
    }
    byte[] json;
    try (InputStream in = IndexDigest.class.getClassLoader().getResourceAsStream(JSON_RESOURCE)) {
      if (in == null) {
        throw new IOException(JSON_RESOURCE + " is not on the class path; failuremodes-catalog must be");
      }
      json = in.readAllBytes();
    }
    Catalog catalog = Catalog.read(new ByteArrayInputStream(json), "bundled catalog /" + JSON_RESOURCE);
    byte[] digest = write(catalog, json);
    Path target = Path.of(args[0]);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.write(target, digest);
  }

  /**
   * Returns the digest of a catalog's text index, made from these JSON bytes, checked to read back equal to the index
   * built from the catalog.
   *
   * @throws IllegalStateException if the digest does not read back equal (a defect of this class)
   */
  static byte[] write(Catalog catalog, byte[] json) {
    Index index = build(catalog);
    byte[] digest = write(catalog, index, json.length, crc(json));
    Index read = read(digest, catalog, json.length, crc(json), "the new digest");
    if (read == null || !same(read, index)) {
      throw new IllegalStateException("the text index digest does not read back equal to the index it was made of");
    }
    return digest;
  }

  /**
   * Returns what the digest of a catalog holds, built from the catalog with the library's tuning: the text index,
   * and the names and aliases that an engine reads, read as it reads them.
   */
  static Index build(Catalog catalog) {
    ModeText text = ModeText.of(catalog, Tuning.DEFAULT, new Text.Memo());
    Text.Memo names = new Text.Memo();
    new Engine(catalog, Tuning.DEFAULT, text, names);
    return new Index(text, names);
  }

  /** Returns whether two digests' contents are equal: the same index, and the same names read the same way. */
  static boolean same(Index a, Index b) {
    return a.text().sameIndex(b.text()) && a.names().names.equals(b.names().names);
  }

  static byte[] write(Catalog catalog, Index digest, long jsonLength, long jsonCrc) {
    ModeText index = digest.text();
    Out out = new Out();
    List<FailureMode> modes = index.modes();
    out.int32(modes.size());
    for (FailureMode m : modes) {
      out.string(m.id());
    }
    List<String> words = index.terms.list();
    out.strings(words);
    out.ints(index.terms.hashes());
    out.ints(index.terms.table());
    out.ints(index.termStart);
    out.doubles(index.termIdf);
    out.ints(index.postingMode);
    out.doubles(index.postingSaturated);
    out.doubles(index.postingCore);
    out.int32(index.postingField.length);
    out.bytes.writeBytes(index.postingField);
    out.int32(index.relativeLength.length);
    for (double[] row : index.relativeLength) {
      out.doubles(row);
    }
    // The names, in order, so that the same catalog always gives the same bytes. A name is where the catalog has
    // it (so that the memo holds the catalog's own strings, whose hashes are worked out once for the build), or a
    // string of the table; other strings are the index's words or strings of the table.
    Map<String, Integer> table = new LinkedHashMap<>();
    for (String w : words) {
      table.put(w, table.size());
    }
    int wordCount = table.size();
    Map<String, int[]> places = places(catalog);
    List<Integer> refs = new ArrayList<>();
    Map<String, Text.Memo.Name> names = new TreeMap<>(digest.names().names);
    refs.add(names.size());
    for (Map.Entry<String, Text.Memo.Name> e : names.entrySet()) {
      name(refs, table, places, e.getKey());
      String normalized = e.getValue().normalized;
      refs.add(normalized == null ? -2 : normalized.equals(e.getKey()) ? -1 : ref(table, normalized));
      List<String> tokens = e.getValue().tokens;
      refs.add(tokens == null ? -1 : tokens.size());
      if (tokens != null) {
        for (String token : tokens) {
          refs.add(ref(table, token));
        }
      }
    }
    List<String> more = new ArrayList<>();
    int i = 0;
    for (String t : table.keySet()) {
      if (i++ >= wordCount) {
        more.add(t);
      }
    }
    out.strings(more);
    int[] flat = new int[refs.size()];
    for (int k = 0; k < flat.length; k++) {
      flat[k] = refs.get(k);
    }
    out.ints(flat);
    byte[] payload = out.bytes.toByteArray();
    ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH + payload.length);
    header.put(MAGIC);
    header.putInt(FORMAT_VERSION);
    header.putInt((int) jsonLength);
    header.putInt((int) jsonCrc);
    header.putInt(payload.length);
    header.putInt((int) crc(payload, 0, payload.length));
    header.put(payload);
    return header.array();
  }

  /** Where a name is in the catalog: a symptom's id, name or alias, or a mode's. */
  private static final int LITERAL = 0;
  private static final int SYMPTOM_ID = 1;
  private static final int SYMPTOM_NAME = 2;
  private static final int SYMPTOM_ALIAS = 3;
  private static final int MODE_ID = 4;
  private static final int MODE_NAME = 5;
  private static final int MODE_ALIAS = 6;

  /** Returns the first place in the catalog of each of its ids, names and aliases: kind, entry and alias. */
  private static Map<String, int[]> places(Catalog catalog) {
    Map<String, int[]> places = new HashMap<>();
    List<Symptom> symptoms = catalog.symptoms();
    for (int i = 0; i < symptoms.size(); i++) {
      Symptom s = symptoms.get(i);
      places.putIfAbsent(s.id(), new int[] {SYMPTOM_ID, i, 0});
      places.putIfAbsent(s.name(), new int[] {SYMPTOM_NAME, i, 0});
      for (int a = 0; a < s.aliases().size(); a++) {
        places.putIfAbsent(s.aliases().get(a), new int[] {SYMPTOM_ALIAS, i, a});
      }
    }
    List<FailureMode> modes = catalog.failureModes();
    for (int i = 0; i < modes.size(); i++) {
      FailureMode m = modes.get(i);
      places.putIfAbsent(m.id(), new int[] {MODE_ID, i, 0});
      places.putIfAbsent(m.name(), new int[] {MODE_NAME, i, 0});
      for (int a = 0; a < m.aliases().size(); a++) {
        places.putIfAbsent(m.aliases().get(a), new int[] {MODE_ALIAS, i, a});
      }
    }
    return places;
  }

  /** Adds a name: its place in the catalog, or a string of the table. */
  private static void name(List<Integer> refs, Map<String, Integer> table, Map<String, int[]> places, String name) {
    int[] place = places.get(name);
    if (place == null) {
      place = new int[] {LITERAL, ref(table, name), 0};
    }
    refs.add(place[0]);
    refs.add(place[1]);
    refs.add(place[2]);
  }

  /** Returns the name at a place in the catalog, or the string of the table. */
  private static String name(Catalog catalog, String[] table, int kind, int entry, int alias) {
    switch (kind) {
      case LITERAL:
        return table[entry];
      case SYMPTOM_ID:
        return catalog.symptoms().get(entry).id();
      case SYMPTOM_NAME:
        return catalog.symptoms().get(entry).name();
      case SYMPTOM_ALIAS:
        return catalog.symptoms().get(entry).aliases().get(alias);
      case MODE_ID:
        return catalog.failureModes().get(entry).id();
      case MODE_NAME:
        return catalog.failureModes().get(entry).name();
      case MODE_ALIAS:
        return catalog.failureModes().get(entry).aliases().get(alias);
      default:
        throw new IllegalStateException("a name of unknown kind " + kind);
    }
  }

  private static int ref(Map<String, Integer> table, String s) {
    Integer known = table.get(s);
    if (known == null) {
      known = table.size();
      table.put(s, known);
    }
    return known;
  }

  /**
   * Returns the text index of the bundled catalog from its digest, or null when there is no digest, it is of another
   * format version or it was made from other JSON.
   *
   * @throws IllegalStateException naming {@link #RESOURCE} if the digest cannot be read or is damaged
   */
  static Index readBundled(Catalog catalog, long jsonLength, long jsonCrc) {
    byte[] digest;
    try (InputStream in = IndexDigest.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      digest = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(RESOURCE + ": cannot read: " + e, e);
    }
    return read(digest, catalog, jsonLength, jsonCrc, RESOURCE);
  }

  /**
   * Returns the text index in a digest if it was made from the JSON with this length and CRC-32, or null when it is
   * of another format version or was made from other JSON.
   *
   * @throws IllegalStateException naming {@code source} if the digest is damaged or does not fit the catalog
   */
  static Index read(byte[] digest, Catalog catalog, long jsonLength, long jsonCrc, String source) {
    if (digest.length < HEADER_LENGTH || digest[0] != MAGIC[0] || digest[1] != MAGIC[1] || digest[2] != MAGIC[2]
        || digest[3] != MAGIC[3]) {
      throw damaged(source, "not a text index digest (it does not start with FMTI)", null);
    }
    ByteBuffer header = ByteBuffer.wrap(digest);
    header.position(MAGIC.length);
    if (header.getInt() != FORMAT_VERSION) {
      return null;
    }
    if ((header.getInt() & 0xffffffffL) != jsonLength || (header.getInt() & 0xffffffffL) != jsonCrc) {
      return null;
    }
    long payloadLength = header.getInt() & 0xffffffffL;
    long payloadCrc = header.getInt() & 0xffffffffL;
    if (payloadLength != digest.length - HEADER_LENGTH
        || payloadCrc != crc(digest, HEADER_LENGTH, digest.length - HEADER_LENGTH)) {
      throw damaged(source, "length or checksum does not match the header (a damaged file)", null);
    }
    In in = new In(ByteBuffer.wrap(digest, HEADER_LENGTH, digest.length - HEADER_LENGTH)
        .order(ByteOrder.LITTLE_ENDIAN));
    try {
      List<FailureMode> modes = ModeText.live(catalog.failureModes());
      if (in.count() != modes.size()) {
        throw new IllegalStateException("made for another number of modes");
      }
      for (FailureMode m : modes) {
        if (!in.string().equals(m.id())) {
          throw new IllegalStateException("made for other modes than " + m.id());
        }
      }
      Words terms = new Words(in.strings(), in.ints(), in.ints());
      int count = terms.size();
      int[] termStart = in.ints();
      double[] termIdf = in.doubles();
      int[] postingMode = in.ints();
      double[] postingSaturated = in.doubles();
      double[] postingCore = in.doubles();
      byte[] postingField = new byte[in.count()];
      in.buffer.get(postingField);
      double[][] relativeLength = new double[in.count()][];
      for (int d = 0; d < relativeLength.length; d++) {
        relativeLength[d] = in.doubles();
      }
      Text.Memo names = names(in, catalog, terms);
      if (in.buffer.hasRemaining()) {
        throw new IllegalStateException("unread bytes at the end");
      }
      int postings = postingMode.length;
      if (termStart.length != count + 1 || termIdf.length != count || termStart[count] != postings
          || postingSaturated.length != postings || postingCore.length != postings
          || postingField.length != postings || relativeLength.length != modes.size() + 1) {
        throw new IllegalStateException("arrays of inconsistent lengths");
      }
      return new Index(new ModeText(catalog.failureModes(), Tuning.DEFAULT, terms, termStart, termIdf, postingMode,
          postingSaturated, postingCore, postingField, relativeLength), names);
    } catch (RuntimeException e) {
      throw damaged(source, "unreadable content at byte " + in.buffer.position() + ": " + e, e);
    }
  }

  /**
   * Reads the names into a new memo: the names are the catalog's own strings where it has them, and every other
   * string is one of the index's words or of the table.
   */
  private static Text.Memo names(In in, Catalog catalog, Words terms) {
    String[] more = in.strings();
    String[] table = new String[terms.size() + more.length];
    for (int i = 0; i < table.length; i++) {
      table[i] = i < terms.size() ? terms.get(i) : more[i - terms.size()];
    }
    int[] refs = in.ints();
    Text.Memo names = new Text.Memo();
    int at = 0;
    for (int n = refs[at++]; n > 0; n--) {
      String name = name(catalog, table, refs[at], refs[at + 1], refs[at + 2]);
      int normalized = refs[at + 3];
      int count = refs[at + 4];
      at += 5;
      List<String> tokens = null;
      if (count >= 0) {
        String[] words = new String[count];
        for (int k = 0; k < count; k++) {
          words[k] = table[refs[at++]];
        }
        tokens = Collections.unmodifiableList(Arrays.asList(words));
      }
      names.names.put(name, new Text.Memo.Name(
          normalized == -2 ? null : normalized == -1 ? name : table[normalized], tokens));
    }
    if (at != refs.length) {
      throw new IllegalStateException("unread names at the end");
    }
    return names;
  }

  private static IllegalStateException damaged(String source, String message, Throwable cause) {
    return new IllegalStateException(source + ": " + message + "; rebuild failuremodes-core to regenerate it", cause);
  }

  static long crc(byte[] bytes) {
    return crc(bytes, 0, bytes.length);
  }

  static long crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }

  /** The payload as it is written. */
  private static final class Out {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    void int32(int v) {
      bytes.write(v);
      bytes.write(v >>> 8);
      bytes.write(v >>> 16);
      bytes.write(v >>> 24);
    }

    void string(String s) {
      boolean latin1 = true;
      for (int i = 0; i < s.length() && latin1; i++) {
        latin1 = s.charAt(i) <= 0xff;
      }
      byte[] encoded = s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      int32(encoded.length << 1 | (latin1 ? 0 : 1));
      bytes.writeBytes(encoded);
    }

    /** Writes strings as one array of headers (length in bytes shifted left by one, the low bit for UTF-8), then the
     * count of bytes and the bytes of all of them. */
    void strings(List<String> strings) {
      int[] headers = new int[strings.size()];
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int i = 0; i < headers.length; i++) {
        String s = strings.get(i);
        boolean latin1 = true;
        for (int k = 0; k < s.length() && latin1; k++) {
          latin1 = s.charAt(k) <= 0xff;
        }
        byte[] encoded = s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        headers[i] = encoded.length << 1 | (latin1 ? 0 : 1);
        all.writeBytes(encoded);
      }
      ints(headers);
      int32(all.size());
      bytes.writeBytes(all.toByteArray());
    }

    void ints(int[] values) {
      ByteBuffer b = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      b.asIntBuffer().put(values);
      int32(values.length);
      bytes.writeBytes(b.array());
    }

    void doubles(double[] values) {
      ByteBuffer b = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      b.asDoubleBuffer().put(values);
      int32(values.length);
      bytes.writeBytes(b.array());
    }
  }

  /** The payload as it is read: arrays in bulk, so that reading does not run a loop per element. */
  private static final class In {
    final ByteBuffer buffer;

    In(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    /** A count of elements, which can never exceed the bytes left. */
    int count() {
      int count = buffer.getInt();
      if (count < 0 || count > buffer.remaining()) {
        throw new IllegalStateException("a count of " + count + " with " + buffer.remaining() + " bytes left");
      }
      return count;
    }

    String string() {
      int header = buffer.getInt();
      int length = header >>> 1;
      if (length > buffer.remaining()) {
        throw new IllegalStateException("a string of " + length + " bytes with " + buffer.remaining() + " left");
      }
      String s = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length,
          (header & 1) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      buffer.position(buffer.position() + length);
      return s;
    }

    /** Reads strings written by {@code Out.strings}: no call per string into the buffer. */
    String[] strings() {
      int[] headers = ints();
      int length = count();
      byte[] array = buffer.array();
      int at = buffer.arrayOffset() + buffer.position();
      int end = at + length;
      String[] strings = new String[headers.length];
      for (int i = 0; i < strings.length; i++) {
        int n = headers[i] >>> 1;
        if (n > end - at) {
          throw new IllegalStateException("a string of " + n + " bytes with " + (end - at) + " left");
        }
        strings[i] = new String(array, at, n, (headers[i] & 1) == 0 ? StandardCharsets.ISO_8859_1
            : StandardCharsets.UTF_8);
        at += n;
      }
      if (at != end) {
        throw new IllegalStateException("strings of other lengths than their bytes");
      }
      buffer.position(buffer.position() + length);
      return strings;
    }

    int[] ints() {
      int[] values = new int[count()];
      buffer.asIntBuffer().get(values);
      buffer.position(buffer.position() + values.length * Integer.BYTES);
      return values;
    }

    double[] doubles() {
      int length = buffer.getInt();
      if (length < 0 || length > buffer.remaining() / Double.BYTES) {
        throw new IllegalStateException("an array of " + length + " doubles with " + buffer.remaining() + " bytes");
      }
      double[] values = new double[length];
      buffer.asDoubleBuffer().get(values);
      buffer.position(buffer.position() + length * Double.BYTES);
      return values;
    }
  }
}
