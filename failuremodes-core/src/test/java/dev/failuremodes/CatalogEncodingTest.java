package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A catalog file is UTF-8; anything else is refused with a message that says so, never decoded by guesswork. */
class CatalogEncodingTest {
  private static final String FOOTER =
      "\nFix each problem and load again; catalog.schema.json documents every field.";

  private static byte[] bytes(String text, Charset charset) {
    return text.getBytes(charset);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static Catalog read(byte[] bytes) {
    return Catalog.read(new ByteArrayInputStream(bytes), "stream.json");
  }

  @Test
  void read_utf8WithByteOrderMark_loadsAsWithout() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] utf8 = bytes(TestCatalogs.text("valid.json"), StandardCharsets.UTF_8);

    assertThat(read(concat(bom, utf8))).isEqualTo(TestCatalogs.valid());
  }

  @Test
  void parse_textWithByteOrderMark_loadsAsWithout() {
    assertThat(Catalog.parse("\uFEFF" + TestCatalogs.text("valid.json"), "bom.json")).isEqualTo(TestCatalogs.valid());
  }

  @Test
  void read_latin1Byte_isRejectedWithItsLineAndColumn() {
    String text = TestCatalogs.text("valid.json").replace("A retailer", "A caf\u00e9 retailer");
    int at = text.indexOf('\u00e9');
    int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    int column = at - text.lastIndexOf('\n', at - 1);

    assertThatThrownBy(() -> read(bytes(text, StandardCharsets.ISO_8859_1)))
        .isInstanceOf(CatalogException.class)
        .hasMessage("Invalid catalog stream.json: 1 problem\n  line " + line + ", column " + column
            + ": not valid UTF-8 (byte 0xE9); a catalog must be UTF-8: save the file as UTF-8 (Latin-1 and"
            + " Windows-1252 files fail like this)" + FOOTER);
  }

  @Test
  void load_invalidUtf8File_namesTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.json");
    byte[] utf8 = bytes(TestCatalogs.text("valid.json"), StandardCharsets.UTF_8);
    utf8[utf8.length - 3] = (byte) 0xFF;
    Files.write(file, utf8);

    assertThatThrownBy(() -> Catalog.load(file))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("Invalid catalog " + file + ": 1 problem\n  line ")
        .hasMessageContaining(": not valid UTF-8 (byte 0xFF); a catalog must be UTF-8");
  }

  @Test
  void read_surrogateEncodedAsThreeBytes_isNotUtf8() {
    byte[] utf8 = bytes(TestCatalogs.text("valid.json").replace("A retailer", "A \u0001 retailer"),
        StandardCharsets.UTF_8);
    byte[] cesu = new byte[utf8.length + 2];
    int at = indexOf(utf8, (byte) 0x01);
    System.arraycopy(utf8, 0, cesu, 0, at);
    cesu[at] = (byte) 0xED;
    cesu[at + 1] = (byte) 0xA0;
    cesu[at + 2] = (byte) 0x80;
    System.arraycopy(utf8, at + 1, cesu, at + 3, utf8.length - at - 1);

    assertThatThrownBy(() -> read(cesu)).hasMessageContaining(": not valid UTF-8 (bytes 0xED 0xA0 0x80);");
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("no byte " + b);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
      UTF-16LE | FFFE     | the document is UTF-16LE (it starts with the byte-order mark FF FE)
      UTF-16BE | FEFF     | the document is UTF-16BE (it starts with the byte-order mark FE FF)
      UTF-16LE |          | the document looks like UTF-16LE (it has NUL bytes between its first characters)
      UTF-16BE |          | the document looks like UTF-16BE (it has NUL bytes between its first characters)
      UTF-32LE | FFFE0000 | the document is UTF-32LE (it starts with the byte-order mark FF FE 00 00)
      UTF-32BE |          | the document looks like UTF-32BE (it has NUL bytes between its first characters)
      """)
  void read_otherUnicodeEncodings_sayTheFileMustBeUtf8(String charset, String bom, String problem) {
    byte[] mark = bom == null ? new byte[0] : hex(bom);
    byte[] text = bytes(TestCatalogs.text("valid.json"), Charset.forName(charset));

    assertThatThrownBy(() -> read(concat(mark, text)))
        .isInstanceOf(CatalogException.class)
        .hasMessage("Invalid catalog stream.json: 1 problem\n  document: " + problem
            + "; a catalog must be UTF-8: save it as UTF-8" + FOOTER);
  }

  private static byte[] hex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  @Test
  void parse_utf16BytesDecodedAsText_sayTheTextMustBeUtf8() {
    String misread = new String(bytes(TestCatalogs.text("valid.json"), StandardCharsets.UTF_16LE),
        StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> Catalog.parse(misread, "misread.json"))
        .hasMessage("Invalid catalog misread.json: 1 problem\n  document: the text has NUL characters between its"
            + " first characters, as UTF-16 bytes read as UTF-8 or Latin-1 do; it must be UTF-8: save the file as UTF-8"
            + " and read it as UTF-8" + FOOTER);
  }

  @Test
  void read_streamOverTheDocumentLimit_failsCleanly() {
    byte[] huge = new byte[16 * 1024 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) ' ');

    assertThatThrownBy(() -> read(huge))
        .hasMessage("Invalid catalog stream.json: 1 problem\n  document: read limit exceeded: the document is longer"
            + " than 16777216 bytes" + FOOTER);
  }
}
