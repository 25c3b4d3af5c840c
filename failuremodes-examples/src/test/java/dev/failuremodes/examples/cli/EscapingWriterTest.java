package dev.failuremodes.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscapingWriterTest {
  private static String escape(String... writes) throws IOException {
    StringWriter out = new StringWriter();
    try (EscapingWriter w = new EscapingWriter(out)) {
      for (String s : writes) {
        w.write(s);
      }
    }
    return out.toString();
  }

  /** Each row: the code points written (hex, space-separated) and what comes out. */
  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      1b 5b 33 31 6d      | \\u001b[31m
      07                  | \\u0007
      00                  | \\u0000
      7f                  | \\u007f
      61 0d 62            | a\\u000db
      0d                  | \\u000d
      0d 0d 0a            | "\\u000d\r\n"
      85                  | \\u0085
      9b                  | \\u009b
      202e                | \\u202e
      2066 2069           | \\u2066\\u2069
      200b feff ad        | \\u200b\\ufeff\\u00ad
      2028 2029           | \\u2028\\u2029
      e0041               | \\udb40\\udc41
      d83d                | \\ud83d
      de00 61             | \\ude00a
      """)
  void write_nonPrinting_isEscaped(String codePoints, String expected) throws IOException {
    StringBuilder in = new StringBuilder();
    for (String hex : codePoints.trim().split(" ")) {
      in.appendCodePoint(Integer.parseInt(hex, 16));
    }

    assertThat(escape(in.toString())).isEqualTo(expected);
  }

  @Test
  void write_printable_isUnchanged() throws IOException {
    String text = "plain ASCII, tab\tand line\nfeed, CRLF\r\n, é, 日本語, ελληνικά, עברית, 😀,"
        + " \\u001b as typed";

    assertThat(escape(text)).isEqualTo(text);
  }

  @Test
  void write_pairSplitAcrossWrites_isKeptTogether() throws IOException {
    assertThat(escape("a\r", "\nb")).isEqualTo("a\r\nb");
    assertThat(escape("a\ud83d", "\ude00b")).isEqualTo("a😀b");
    assertThat(escape("a\udb40", "\udc41")).isEqualTo("a\\udb40\\udc41");
    assertThat(escape("a\r", "b")).isEqualTo("a\\u000db");
  }

  @Test
  void flush_heldBackCarriageReturn_isWrittenEscaped() throws IOException {
    StringWriter out = new StringWriter();
    EscapingWriter w = new EscapingWriter(out);
    w.write("a\r");
    assertThat(out.toString()).isEqualTo("a");

    w.flush();

    assertThat(out.toString()).isEqualTo("a\\u000d");
  }
}
