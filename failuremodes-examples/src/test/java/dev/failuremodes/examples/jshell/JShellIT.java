package dev.failuremodes.examples.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every JShell session the README shows, the start-up script and the walk-throughs run in a real JShell against the
 * built command-line jar (which carries the library, the catalog and Jackson), and print what the README and the
 * walk-through say they print. Runs after {@code package}, as an integration test.
 */
class JShellIT {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path ROOT = MODULE.getParent();
  private static final String JAR = MODULE.resolve("target/failuremodes.jar").toString();

  /** Returns each fenced block of the README that holds a {@code jshell>} input, with its first line number. */
  static List<String[]> readmeSessions() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    List<String[]> out = new ArrayList<>();
    StringBuilder block = null;
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        if (block == null) {
          block = new StringBuilder();
          start = i + 2;
        } else {
          if (block.toString().contains("\njshell> ") || block.toString().startsWith("jshell> ")) {
            out.add(new String[] {"README.md, block at line " + start, block.toString()});
          }
          block = null;
        }
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return out;
  }

  @Test
  void readme_everyJShellSessionRunsAsShown() throws IOException {
    List<String[]> sessions = readmeSessions();
    assertThat(sessions).as("JShell sessions in the README").hasSizeGreaterThanOrEqualTo(2);
    assertThat(Path.of(JAR)).as("the command-line jar, built by package").exists();
    for (String[] session : sessions) {
      Transcript.run(session[0], Transcript.parseConsole(session[1], ROOT), JAR, ROOT);
    }
  }

  @Test
  void interview_runsWithTheStartUpScriptAndPrintsWhatItShows() throws IOException {
    Path script = MODULE.resolve("src/main/jshell/interview.jsh");
    Transcript.Session parsed = Transcript.parseScript(Files.readString(script));
    assertThat(parsed.steps()).hasSizeGreaterThan(5);
    // As its header says: jshell --startup DEFAULT --startup failuremodes.jsh interview.jsh (its greeting aside).
    Transcript.Session session = new Transcript.Session(List.of(MODULE.resolve("src/main/jshell/failuremodes.jsh")),
        List.of("..."), parsed.steps(), false);
    Transcript.run("interview.jsh", session, JAR, ROOT);
  }

  @Test
  void walkthrough_runsAndPrintsWhatItShows() throws IOException {
    Path script = MODULE.resolve("src/main/jshell/walkthrough.jsh");
    Transcript.Session session = Transcript.parseScript(Files.readString(script));
    assertThat(session.steps()).hasSizeGreaterThan(5);
    Transcript.run("walkthrough.jsh", session, JAR, ROOT);
  }
}
