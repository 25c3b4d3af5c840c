package dev.failuremodes.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failuremodes.FailureModesException;
import dev.failuremodes.UnknownSymptomException;
import dev.failuremodes.Unrecognized;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Why a command did not print its result: the kind, the exit code, the message for people (on stderr) and, with
 * {@code --json}, the same as a JSON object on stdout:
 *
 * <pre>{@code
 * {"error": {"kind": "usage", "message": "...", "exitCode": 2, "suggestions": [], "unrecognized": []}}
 * }</pre>
 *
 * @param kind what went wrong, which sets the exit code
 * @param message what stderr says: the input, the valid choices and how to fix it
 * @param suggestions picocli's nearest options or commands to an unknown one, best first; empty when none
 * @param unrecognized the inputs a {@code --strict} diagnosis did not recognise, with the nearest symptom ids
 * @param trace the stack trace of an unexpected exception, for stderr only; empty otherwise
 */
record ErrorReport(Kind kind, String message, List<String> suggestions, List<Unrecognized> unrecognized,
    String trace) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What went wrong; each kind has its exit code. */
  enum Kind {
    /** The library failed, such as a missing bundled catalog, or the tool has a bug. */
    FAILURE(Main.FAILURE),
    /** The command line is wrong: an unknown option or command, a bad value, a missing or unreadable file. */
    USAGE(Main.USAGE),
    /** {@code --strict} and an input matched no symptom. */
    UNRECOGNIZED(Main.NOTHING_RECOGNISED);

    private final int exitCode;

    Kind(int exitCode) {
      this.exitCode = exitCode;
    }

    /** Returns the process exit code for this kind. */
    int exitCode() {
      return exitCode;
    }

    /** Returns the kind as written in JSON: {@code failure}, {@code usage} or {@code unrecognized}. */
    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Copies the lists. */
  ErrorReport {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    suggestions = List.copyOf(suggestions);
    unrecognized = List.copyOf(unrecognized);
    Objects.requireNonNull(trace, "trace");
  }

  /** Returns a report of the given kind with only a message. */
  static ErrorReport of(Kind kind, String message) {
    return new ErrorReport(kind, message, List.of(), List.of(), "");
  }

  /**
   * Returns the report for an exception from parsing or running a command: a picocli parameter error or
   * {@link Main.UsageException} is a usage error, an {@link UnknownSymptomException} is {@code unrecognized}, any
   * other {@link FailureModesException} (or an exception caused by one) a failure of the library, and any other
   * exception a bug.
   */
  static ErrorReport of(Exception e) {
    if (e instanceof CommandLine.ParameterException p) {
      return usage(p);
    }
    if (e instanceof Main.UsageException) {
      return of(Kind.USAGE, e.getMessage());
    }
    if (e instanceof UnknownSymptomException u) {
      List<Unrecognized> inputs = u.unrecognized();
      String message = "Unknown symptom" + (inputs.size() == 1 ? " " : "s ")
          + inputs.stream().map(Unrecognized::toString).collect(Collectors.joining("; "))
          + ". Rephrase " + (inputs.size() == 1 ? "it" : "them") + " or use a suggested symptom id, or drop --strict"
          + " to diagnose from the inputs that were recognised.";
      return new ErrorReport(Kind.UNRECOGNIZED, message, List.of(), inputs, "");
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof FailureModesException) {
        // The library's message says what failed and how to fix it; a stack trace would not help.
        return of(Kind.FAILURE, cause.getMessage());
      }
    }
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return new ErrorReport(Kind.FAILURE, "failuremodes failed unexpectedly: " + e + System.lineSeparator()
        + "This is a bug in failuremodes; please report it with the command line and the stack trace below.",
        List.of(), List.of(), trace.toString());
  }

  private static ErrorReport usage(CommandLine.ParameterException e) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    String nl = System.lineSeparator();
    StringBuilder message = new StringBuilder(e.getMessage());
    List<String> suggestions = new ArrayList<>();
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      suggestions.addAll(u.getSuggestions());
    }
    if (!suggestions.isEmpty()) {
      message.append(nl).append("Did you mean ").append(String.join(" or ", suggestions)).append('?');
    }
    if (command.getSubcommands().isEmpty()) {
      CommandLine.Help help = command.getHelp();
      message.append(nl).append(help.synopsisHeading()).append(help.synopsis(help.synopsisHeadingLength())
          .stripTrailing());
      message.append(nl).append("Run '").append(name).append(" --help' for every option.");
    } else {
      // The usage of a command with subcommands is short and lists them with what each does.
      message.append(nl).append(command.getUsageMessage().stripTrailing());
    }
    return new ErrorReport(Kind.USAGE, message.toString(), suggestions, List.of(), "");
  }

  /** Returns the process exit code: 1 for a failure, 2 for a usage error, 3 for unrecognised inputs. */
  int exitCode() {
    return kind.exitCode();
  }

  /**
   * Prints the message (and a bug's stack trace) on {@code err} and, if {@code json}, the JSON object on {@code out};
   * returns the exit code.
   */
  int print(PrintWriter out, PrintWriter err, boolean json) {
    err.println(message);
    if (!trace.isEmpty()) {
      err.print(trace);
    }
    err.flush();
    if (json) {
      out.println(toJson());
      out.flush();
    }
    return exitCode();
  }

  /** Returns {@code {"error": {"kind", "message", "exitCode", "suggestions", "unrecognized"}}}, pretty-printed. */
  String toJson() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("kind", kind.id());
    error.put("message", message.replace(System.lineSeparator(), "\n"));
    error.put("exitCode", exitCode());
    ArrayNode nearest = error.putArray("suggestions");
    suggestions.forEach(nearest::add);
    ArrayNode inputs = error.putArray("unrecognized");
    for (Unrecognized u : unrecognized) {
      ObjectNode input = inputs.addObject();
      input.put("input", u.input());
      ArrayNode ids = input.putArray("suggestions");
      u.suggestions().forEach(ids::add);
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write an error as JSON", e);
    }
  }

  /** Returns the kind and the first line of the message. */
  @Override
  public String toString() {
    return "ErrorReport[" + kind.id() + ": " + message.lines().findFirst().orElse("") + "]";
  }
}
