package dev.failuremodes.examples.jshell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The transcript checker itself, on snippets that need nothing but the JDK: it passes a session that runs as
 * written and fails, saying where and how, on every way a snippet can go wrong (JShell alone would exit 0).
 */
class TranscriptTest {
  private static final String NO_JARS = System.getProperty("java.io.tmpdir");

  private static void run(String transcript) {
    Transcript.run("t", Transcript.parseConsole(transcript, Path.of(".")), NO_JARS);
  }

  @Test
  void run_sessionAsWritten_passes() {
    assertThatNoException().isThrownBy(() -> run("""
        $ jshell
        jshell> int x = 20 + 1
        x ==> 21

        jshell> x * 2
        $2 ==> 42

        jshell> System.out.println("line one\\nline two")
        line one
        line two

        jshell> "abc".repeat(2)
        $4 ==> "abcabc"
        """));
  }

  @Test
  void run_ellipsis_standsForAnyLines() {
    assertThatNoException().isThrownBy(() -> run("""
        jshell> for (int i = 0; i < 5; i++) System.out.println("row " + i)
        row 0
        ...
        row 4
        """));
    assertThatNoException().isThrownBy(() -> run("""
        jshell> System.out.println("only")
        only
        ...
        """));
  }

  @Test
  void run_continuationLines_makeOneSnippet() {
    assertThatNoException().isThrownBy(() -> run("""
        jshell> int twice(int n) {
           ...>   return 2 * n;
           ...> }
        jshell> twice(4)
        $2 ==> 8
        """));
  }

  @Test
  void run_otherOutput_failsShowingBoth() {
    assertThatThrownBy(() -> run("""
        jshell> 1 + 1
        $1 ==> 3
        """))
        .isInstanceOf(Transcript.Mismatch.class)
        .hasMessage("t: after '1 + 1' the transcript shows\n  | $1 ==> 3\nbut JShell printed\n  | $1 ==> 2\n");
  }

  @Test
  void run_outputTheTranscriptDoesNotShow_fails() {
    assertThatThrownBy(() -> run("""
        jshell> System.out.println("surprise")
        """))
        .isInstanceOf(Transcript.Mismatch.class)
        .hasMessage("t: after 'System.out.println(\"surprise\")' the transcript shows\n  (nothing)\n"
            + "but JShell printed\n  | surprise\n");
  }

  @Test
  void run_rejectedSnippet_failsWithTheCompilersMessage() {
    assertThatThrownBy(() -> run("""
        jshell> int y = undefinedThing + 1
        """))
        .isInstanceOf(Transcript.Mismatch.class)
        .hasMessageStartingWith("t: 'int y = undefinedThing + 1;' is rejected by the compiler: cannot find symbol");
  }

  @Test
  void run_exception_failsWithItsType() {
    assertThatThrownBy(() -> run("""
        jshell> Integer.parseInt("x")
        """))
        .isInstanceOf(Transcript.Mismatch.class)
        .hasMessage("t: 'Integer.parseInt(\"x\")' throws java.lang.NumberFormatException: For input string: \"x\"");
  }

  @Test
  void run_incompleteSnippet_fails() {
    assertThatThrownBy(() -> run("""
        jshell> int z = (1 +
        """))
        .isInstanceOf(Transcript.Mismatch.class)
        .hasMessageStartingWith("t: the snippet is incomplete (definitely incomplete):");
  }

  @Test
  void run_methodUsingSomethingUndefined_fails() {
    assertThatThrownBy(() -> run("""
        jshell> void f() { missing(); }
        """))
        .isInstanceOf(Transcript.Mismatch.class)
        .hasMessageStartingWith("t: 'void f() { missing(); }' is recoverable defined: ");
  }

  @Test
  void parseScript_outputLines_followTheirSnippet_andScriptsEchoNoValues() {
    Transcript.Session s = Transcript.parseScript("""
        // a comment
        int a = 2;
        System.out.println(a);
        //> 2
        a + 1
        /exit
        """);

    assertThat(s.feedback()).isFalse();
    assertThat(s.steps()).hasSize(2);
    assertThat(s.steps().get(0).expected()).containsExactly("2");
    assertThat(s.steps().get(1).input()).isEqualTo("a + 1\n\n");
    assertThatNoException().isThrownBy(() -> Transcript.run("script", s, NO_JARS));
  }

  @Test
  void parseScript_wrongExpectedOutput_fails() {
    Transcript.Session s = Transcript.parseScript("""
        System.out.println("x");
        //> y
        """);
    assertThatThrownBy(() -> Transcript.run("script", s, NO_JARS))
        .isInstanceOf(Transcript.Mismatch.class)
        .hasMessageContaining("the transcript shows\n  | y\nbut JShell printed\n  | x\n");
  }

  @Test
  void parseConsole_readsStartupScriptsAndTheirOutput() {
    Transcript.Session s = Transcript.parseConsole("""
        $ jshell --class-path some.jar \\
               --startup DEFAULT --startup scripts/start.jsh
        hello from the script
        jshell> 1
        $1 ==> 1
        """, Path.of("/repo"));

    assertThat(s.startup()).containsExactly(Path.of("/repo/scripts/start.jsh"));
    assertThat(s.startupOutput()).containsExactly("hello from the script");
    assertThat(s.steps()).extracting(Transcript.Step::input).containsExactly("1");
    assertThat(List.of(s.feedback())).containsExactly(true);
  }
}
