package dev.failuremodes.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every well-formed sample report, of every format, is detected as its own format and no other: each reader accepts
 * its tool's shape only, so the order of the readers does not decide.
 */
class FormatDetectionTest {
  static Stream<Path> samples() {
    try {
      Path root = Path.of(FormatDetectionTest.class.getResource("/reports").toURI());
      try (Stream<Path> files = Files.walk(root)) {
        List<Path> all = files.filter(p -> p.toString().endsWith(".json"))
            .filter(p -> !p.getFileName().toString().startsWith("malformed-"))
            .filter(p -> !p.getParent().getFileName().toString().equals("malformed")).sorted().toList();
        return all.stream();
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void read_detectsTheFormatOfItsDirectory(Path file) {
    Format expected = Format.find(file.getParent().getFileName().toString()).orElseThrow();

    Report report;
    try {
      report = Report.read(file);
    } catch (ReportException e) {
      // A file that is no known format must say so, and be readable when its format is named.
      assertThat(e).hasMessageContaining("not a report of a known format");
      assertThat(Report.read(file, expected).format()).isEqualTo(expected);
      return;
    }
    assertThat(report.format()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void read_asAnyOtherFormat_failsWithALocationOrReadsNothingOfThatTool(Path file) {
    Format own = Format.find(file.getParent().getFileName().toString()).orElseThrow();
    for (Format other : Format.values()) {
      if (other == own) {
        continue;
      }
      try {
        Report r = Report.read(file, other);
        assertThat(r.format()).isEqualTo(other);
      } catch (ReportException e) {
        assertThat(e.getMessage()).startsWith("Cannot read report " + file);
      }
    }
    assertThatThrownBy(() -> Report.parse("[]", "empty.json")).isInstanceOf(ReportException.class);
  }
}
