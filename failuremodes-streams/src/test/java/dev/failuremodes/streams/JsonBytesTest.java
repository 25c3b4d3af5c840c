package dev.failuremodes.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The annotation writer against Jackson's UTF-8 generator, whose bytes it replaced: they must stay the same. */
class JsonBytesTest {
  private static final JsonFactory JACKSON = new JsonFactory();

  private interface Writes {
    void to(JsonGenerator g) throws IOException;
  }

  private static byte[] jackson(Writes w) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JACKSON.createGenerator(out)) {
      w.to(g);
    }
    return out.toByteArray();
  }

  private static List<String> awkwardStrings() {
    List<String> strings = new ArrayList<>(List.of("", "plain ascii", "quote \" and backslash \\ and slash /",
        "tab\there, new\nline, return\r, back\b, feed\f", "\u0000\u0001\u001b[31m\u001f\u007f",
        "0.90 × 0.95 = 0.86", "café naïve Ωmega", "日本語のテキスト", "emoji 😀 pair", "lone high \ud83d end",
        "lone low \ude00 end", "\ud83d", "line sep \u2028 para sep \u2029", "\uffff\ufffe\u0800\u07ff\u0080"));
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x100; c++) {
      every.append(c);
    }
    strings.add(every.toString());
    Random random = new Random(20261130);
    for (int n = 0; n < 500; n++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        // Mostly ASCII and control characters, some of every other range, surrogates included.
        s.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x80)));
      }
      strings.add(s.toString());
    }
    return strings;
  }

  @Test
  void string_writesTheBytesJacksonWrites_forEveryKindOfCharacter() throws IOException {
    for (String s : awkwardStrings()) {
      assertThat(new JsonBytes(0).string(s).toByteArray()).as("string %s", s.chars().boxed().toList())
          .isEqualTo(jackson(g -> g.writeString(s)));
    }
  }

  /**
   * A char that is not plain ASCII (escaped, or encoded in several bytes, or a surrogate) is written right at every
   * position of a string, whatever plain text comes before and after it: a writer that copies plain runs in blocks
   * (eight bytes at a time, say) must find it inside and across the blocks. Surrogates matter here in particular: a
   * char's low byte can look like plain ASCII (U+D83D's is '=').
   */
  @Test
  void string_findsACharThatNeedsEscapingOrEncodingAtEveryPosition() throws IOException {
    String[] awkward = {"\"", "\\", "\n", "\u0000", "\u001f", "\u0080", "é", "ÿ", "×", "\u0100", "日", "\ud83d\ude00",
        "\ud800", "\u2028"};
    String plain = "abcdefghijklmnopqrstuvwxyz0123456789 ~/";
    int checked = 0;
    for (String a : awkward) {
      for (int before = 0; before <= plain.length(); before++) {
        for (String after : new String[] {"", "x", plain, a + plain, plain + a}) {
          String s = plain.substring(0, before) + a + after;
          assertThat(new JsonBytes(0).string(s).toByteArray()).as("string %s", s.chars().boxed().toList())
              .isEqualTo(jackson(g -> g.writeString(s)));
          checked++;
        }
      }
      String allPlain = plain.repeat(3);
      assertThat(new JsonBytes(0).string(allPlain).toByteArray()).isEqualTo(jackson(g -> g.writeString(allPlain)));
    }
    assertThat(checked).isEqualTo(awkward.length * (plain.length() + 1) * 5);
  }

  @Test
  void string_growsTheBufferForAStringLongerThanItsCapacity() throws IOException {
    String s = "×\"".repeat(5_000);
    assertThat(new JsonBytes(1).raw('[').string(s).raw(']').toByteArray()).isEqualTo(jackson(g -> {
      g.writeStartArray();
      g.writeString(s);
      g.writeEndArray();
    }));
  }

  @Test
  void numbers_areWrittenAsJacksonWritesThem() throws IOException {
    for (double d : new double[] {0.0, 1.0, 0.9159, 0.0001, 0.00005, 123456.789, 1e21, 0.1 + 0.2, -0.5}) {
      assertThat(new JsonBytes(0).number(d).toByteArray()).as("double %s", d).isEqualTo(jackson(g -> g.writeNumber(d)));
    }
    for (int i : new int[] {0, 1, -7, 1_000_000, Integer.MIN_VALUE}) {
      assertThat(new JsonBytes(0).number(i).toByteArray()).as("int %s", i).isEqualTo(jackson(g -> g.writeNumber(i)));
    }
  }

  @Test
  void anObject_matchesJacksonsCompactObject() throws IOException {
    byte[] ours = new JsonBytes(8).raw("{\"id\":").string("a-1").raw(",\"score\":").number(0.25)
        .raw(",\"tags\":[").string("x").raw(',').string("y").raw("]}").toByteArray();
    assertThat(ours).isEqualTo(jackson(g -> {
      g.writeStartObject();
      g.writeStringField("id", "a-1");
      g.writeNumberField("score", 0.25);
      g.writeArrayFieldStart("tags");
      g.writeString("x");
      g.writeString("y");
      g.writeEndArray();
      g.writeEndObject();
    }));
  }
}
