package dev.failuremodes.examples.jshell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * A JShell session written down as it appears on screen, run for real and compared line by line.
 *
 * <p>A transcript is what a README shows: an optional {@code $ jshell ...} command line (its {@code --startup}
 * scripts other than {@code DEFAULT} are loaded, and what they print is the output expected before the first
 * prompt), then {@code jshell> } inputs, each continued by {@code    ...> } lines, each followed by the output the
 * session prints: what the snippet prints, then JShell's feedback for a value ({@code name ==> value}, or {@code $N
 * ==> value} for an expression, numbered as the console numbers them). An expected line that is {@code ...} stands
 * for any number of lines; blank lines and trailing spaces are ignored. A script file ({@code .jsh}) is checked the
 * same way, with its expected output written after each snippet as {@code //> } comment lines.
 *
 * <p>JShell itself exits 0 after a failing snippet; here a rejected snippet, an exception, or output other than the
 * expected one is a {@link Mismatch} that names the snippet, what was expected and what was printed.
 */
final class Transcript {
  /** The imports of JShell's DEFAULT start-up, which every console session has. */
  private static final List<String> DEFAULT_IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*",
      "java.nio.file.*", "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*",
      "java.util.regex.*", "java.util.stream.*");

  /** One input and the lines expected after it. */
  record Step(String input, List<String> expected) {}

  /**
   * A session's start-up scripts, the output expected from them, and its steps; {@code feedback} is whether values
   * are echoed as the interactive console does (a script run as {@code jshell file.jsh} echoes nothing).
   */
  record Session(List<Path> startup, List<String> startupOutput, List<Step> steps, boolean feedback) {}

  /** The transcript did not run as written. */
  static final class Mismatch extends AssertionError {
    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message);
    }
  }

  private Transcript() {}

  /**
   * Reads a console transcript. Paths in {@code --startup} options are resolved against {@code base}.
   *
   * @throws IllegalArgumentException if the text holds no {@code jshell>} input
   */
  static Session parseConsole(String text, Path base) {
    List<Path> startup = new ArrayList<>();
    List<String> startupOutput = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int i = 0;
    if (i < lines.length && lines[i].startsWith("$ jshell")) {
      StringBuilder command = new StringBuilder(lines[i]);
      while (command.toString().endsWith("\\") && i + 1 < lines.length) {
        command.setLength(command.length() - 1);
        command.append(' ').append(lines[++i].strip());
      }
      String[] words = command.toString().split("\\s+");
      for (int w = 0; w + 1 < words.length; w++) {
        if (words[w].equals("--startup") && !words[w + 1].equals("DEFAULT")) {
          startup.add(base.resolve(words[w + 1]));
        }
      }
      i++;
    }
    while (i < lines.length && !lines[i].startsWith("jshell> ")) {
      startupOutput.add(lines[i++]);
    }
    while (i < lines.length) {
      StringBuilder input = new StringBuilder(lines[i].substring("jshell> ".length()));
      i++;
      while (i < lines.length && lines[i].stripLeading().startsWith("...> ")) {
        input.append('\n').append(lines[i].stripLeading().substring("...> ".length()));
        i++;
      }
      List<String> expected = new ArrayList<>();
      while (i < lines.length && !lines[i].startsWith("jshell> ")) {
        expected.add(lines[i++]);
      }
      steps.add(new Step(input.toString(), expected));
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("no 'jshell> ' input in the transcript:\n" + text);
    }
    return new Session(startup, startupOutput, steps, true);
  }

  /**
   * Reads a script whose expected output follows each snippet as {@code //> } lines. JShell commands ({@code /exit})
   * are skipped; other comments stay in the source, where JShell ignores them.
   */
  static Session parseScript(String script) {
    List<Step> steps = new ArrayList<>();
    StringBuilder source = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      if (line.startsWith("/") && !line.startsWith("//") && !line.startsWith("/*")) {
        continue;
      }
      if (line.startsWith("//>")) {
        if (steps.isEmpty() && source.toString().isBlank()) {
          throw new IllegalArgumentException("expected output before any snippet: " + line);
        }
        if (!source.toString().isBlank()) {
          steps.add(new Step(source.toString(), new ArrayList<>()));
          source.setLength(0);
        }
        steps.get(steps.size() - 1).expected().add(line.length() > 4 ? line.substring(4) : "");
      } else {
        source.append(line).append('\n');
      }
    }
    if (!source.toString().isBlank()) {
      steps.add(new Step(source.toString(), new ArrayList<>()));
    }
    return new Session(List.of(), List.of(), steps, false);
  }

  /**
   * Runs a session in a fresh JShell whose class path is {@code classPath} (the built jars) and compares what it
   * prints with what the transcript shows.
   *
   * @param name what the transcript is, for messages (such as {@code "README.md, block at line 82"})
   * @throws Mismatch if a snippet is rejected, throws, or prints other than expected
   */
  static void run(String name, Session session, String classPath) {
    run(name, session, classPath, Path.of("").toAbsolutePath());
  }

  /**
   * As {@link #run(String, Session, String)}, with the session's working directory: relative paths in snippets
   * resolve against it, as they do in a console started there.
   */
  static void run(String name, Session session, String classPath, Path workingDirectory) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try (JShell shell = JShell.builder().out(out).err(out)
        .remoteVMOptions("-Duser.dir=" + workingDirectory.toAbsolutePath()).build()) {
      for (String path : classPath.split(java.io.File.pathSeparator)) {
        shell.addToClasspath(path);
      }
      for (String imported : DEFAULT_IMPORTS) {
        evalAll(shell, "import " + imported + ";", name, "the DEFAULT start-up");
      }
      for (Path script : session.startup()) {
        evalAll(shell, read(script), name, "start-up script " + script.getFileName());
      }
      compare(name, "the start-up", session.startupOutput(), lines(take(printed)));
      int number = 0;
      for (Step step : session.steps()) {
        List<String> feedback = new ArrayList<>();
        String remaining = step.input();
        while (!remaining.isBlank()) {
          SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
          if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
            break; // only comments left
          }
          if (!info.completeness().isComplete()) {
            throw new Mismatch(name + ": the snippet is incomplete (" + info.completeness().name()
                .toLowerCase(Locale.ROOT).replace('_', ' ') + "):\n  " + remaining.strip());
          }
          number++;
          List<String> echoed = eval(shell, info.source(), name, number);
          if (session.feedback()) {
            feedback.addAll(echoed);
          }
          remaining = info.remaining();
        }
        List<String> actual = new ArrayList<>(lines(take(printed)));
        actual.addAll(feedback);
        compare(name, "'" + step.input().strip() + "'", step.expected(), actual);
      }
    }
  }

  /** Evaluates a whole script's snippets, failing on any error; what they print stays in the session's output. */
  private static void evalAll(JShell shell, String source, String name, String what) {
    String remaining = source;
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        break; // only comments left
      }
      if (!info.completeness().isComplete()) {
        throw new Mismatch(name + ": " + what + " ends in an incomplete snippet:\n  " + remaining.strip());
      }
      for (SnippetEvent e : shell.eval(info.source())) {
        check(shell, e, name, what);
      }
      remaining = info.remaining();
    }
  }

  /** Evaluates one snippet and returns JShell's feedback for its value, as the console shows it. */
  private static List<String> eval(JShell shell, String source, String name, int number) {
    List<String> feedback = new ArrayList<>();
    for (SnippetEvent e : shell.eval(source)) {
      check(shell, e, name, "'" + source.strip() + "'");
      if (e.causeSnippet() == null && e.snippet() instanceof VarSnippet v && e.value() != null) {
        String shown = v.name().startsWith("$") ? "$" + number : v.name();
        feedback.addAll(lines(shown + " ==> " + e.value()));
      }
    }
    return feedback;
  }

  private static void check(JShell shell, SnippetEvent e, String name, String what) {
    if (e.status() == Snippet.Status.REJECTED) {
      throw new Mismatch(name + ": " + what + " is rejected by the compiler: "
          + shell.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT).replace('\n', ' '))
              .collect(Collectors.joining("; ")));
    }
    if (e.causeSnippet() == null && e.status() != Snippet.Status.VALID) {
      throw new Mismatch(name + ": " + what + " is " + e.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
          + ": " + shell.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT).replace('\n', ' '))
              .collect(Collectors.joining("; ")));
    }
    if (e.exception() != null) {
      String type = e.exception() instanceof EvalException thrown ? thrown.getExceptionClassName()
          : e.exception().getClass().getName();
      throw new Mismatch(name + ": " + what + " throws " + type + ": " + e.exception().getMessage());
    }
  }

  /** Compares expected and printed lines; {@code ...} in the expected lines stands for any lines. */
  static void compare(String name, String what, List<String> expected, List<String> actual) {
    List<String> want = significant(expected);
    List<String> got = significant(actual);
    if (!matches(want, 0, got, 0)) {
      throw new Mismatch(name + ": after " + what + " the transcript shows\n" + indent(want) + "but JShell printed\n"
          + indent(got));
    }
  }

  private static boolean matches(List<String> want, int w, List<String> got, int g) {
    if (w == want.size()) {
      return g == got.size();
    }
    if (want.get(w).strip().equals("...")) {
      for (int skip = g; skip <= got.size(); skip++) {
        if (matches(want, w + 1, got, skip)) {
          return true;
        }
      }
      return false;
    }
    return g < got.size() && want.get(w).equals(got.get(g)) && matches(want, w + 1, got, g + 1);
  }

  private static List<String> significant(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String trimmed = line.stripTrailing();
      if (!trimmed.isEmpty()) {
        out.add(trimmed);
      }
    }
    return out;
  }

  private static String indent(List<String> lines) {
    return lines.isEmpty() ? "  (nothing)\n" : lines.stream().map(l -> "  | " + l + "\n").collect(Collectors.joining());
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
  }

  private static String take(ByteArrayOutputStream printed) {
    String text = printed.toString(StandardCharsets.UTF_8);
    printed.reset();
    return text;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
