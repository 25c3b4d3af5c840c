package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failuremodes.alerts.Report;
import dev.failuremodes.alerts.ReportException;
import dev.failuremodes.signals.Observation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target for the diagnosis: any text inputs, observations, query settings and report either give a diagnosis
 * whose {@code toJson()} conforms to diagnosis.schema.json, or fail with an exception the API documents at the call
 * that throws it, in time linear in the input's length.
 *
 * <p>The bytes are read as UTF-8 lines, so that a found input is readable and a seed can be written by hand:
 *
 * <ul>
 *   <li>{@code o METRIC VALUE [ref=X] [threshold=X] [feature=NAME]}: an observation ({@code Observation.of});
 *   <li>{@code #strict}, {@code #limit N}, {@code #min X}, {@code #stage ID}, {@code #threshold METRIC X}: query
 *       settings;
 *   <li>{@code r} alone on a line: the rest of the input is a report for {@code Report.parse};
 *   <li>any other line is one text input, with {@code \n} standing for a line break inside it and {@code \}{@code
 *       uXXXX} for any UTF-16 unit, a lone surrogate included (UTF-8 bytes cannot encode one).
 * </ul>
 *
 * <p>In a normal build this replays {@code DiagnosisFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes it.
 */
class DiagnosisFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void warmUp() {
    // The index, the typo corrector and the metric readers are built on first use: not part of any one input's time.
    FailureModes.forSymptoms("large train-test gap", "overfiting", "the modle is not overfitting, psi 0.31")
        .observe(Observation.of("train-score", 0.9), Observation.of("validation-score", 0.7)).diagnose();
  }

  /** What one input asks for, as read from its lines. */
  private static final class Request {
    final List<String> texts = new ArrayList<>();
    final List<String> observations = new ArrayList<>();
    final List<String> settings = new ArrayList<>();
    String report;
  }

  private static Request read(String input) {
    Request r = new Request();
    String[] lines = input.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.equals("r")) {
        r.report = String.join("\n", java.util.Arrays.asList(lines).subList(i + 1, lines.length));
        break;
      } else if (line.startsWith("o ")) {
        r.observations.add(line.substring(2));
      } else if (line.startsWith("#")) {
        r.settings.add(line.substring(1));
      } else {
        r.texts.add(unescape(line));
      }
    }
    if (r.texts.size() == 1 && r.texts.get(0).isEmpty() && (r.report != null || !r.observations.isEmpty())) {
      r.texts.clear(); // a trailing empty line is no input when there are others
    }
    return r;
  }

  /** Turns {@code \n} into a line break and {@code \}{@code uXXXX} into that UTF-16 unit; leaves the rest. */
  private static String unescape(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
      if (c == '\\' && next == 'n') {
        out.append('\n');
        i++;
      } else if (c == '\\' && next == 'u' && hex(line, i + 2)) {
        out.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean hex(String s, int from) {
    if (from + 4 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 4; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Returns the observation a line describes; null when the harness cannot read its numbers. */
  private static Observation observation(String line) {
    String[] parts = line.split(" ", -1);
    if (parts.length < 2) {
      return null;
    }
    Double value = number(parts[1]);
    if (value == null) {
      return null;
    }
    Observation o = Observation.of(parts[0], value); // IllegalArgumentException: documented, handled by the caller
    for (int i = 2; i < parts.length; i++) {
      String p = parts[i];
      if (p.startsWith("ref=") && number(p.substring(4)) != null) {
        o = o.reference(number(p.substring(4)));
      } else if (p.startsWith("threshold=") && number(p.substring(10)) != null) {
        o = o.threshold(number(p.substring(10)));
      } else if (p.startsWith("feature=")) {
        o = o.feature(p.substring(8));
      }
    }
    return o;
  }

  private static Double number(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({"o psi ", "o ks-p-value ", "o train-score ", "o validation-score ", " ref=", " feature=",
      "#strict", "#limit ", "#min ", "#stage ", "#threshold psi ", "NaN", "Infinity", "1e400", "-0",
      "not ", "no ", "but ", "train-test gap", "data leakage", "psi 0.31", "accuracy dropped", "\\ud800"})
  void diagnose_anyInputs_throwsOnlyDocumentedExceptionsInLinearTime(byte[] bytes) throws Exception {
    String input = new String(bytes, StandardCharsets.UTF_8);
    Request request = read(input);
    List<Observation> observations = new ArrayList<>();
    try {
      for (String line : request.observations) {
        Observation o = observation(line);
        if (o != null) {
          observations.add(o);
        }
      }
    } catch (IllegalArgumentException documented) {
      return; // a blank metric, or a value, reference or threshold that is NaN or infinite
    }
    Report report = null;
    if (request.report != null) {
      try {
        report = Report.parse(request.report, "fuzz.json");
      } catch (ReportException documented) {
        report = null;
      }
    }
    Query query;
    try {
      if (!request.texts.isEmpty()) {
        query = FailureModes.forSymptoms(request.texts).observe(observations);
        query = report == null ? query : query.withReports(report);
      } else if (!observations.isEmpty()) {
        query = FailureModes.forObservations(observations);
        query = report == null ? query : query.withReports(report);
      } else if (report != null) {
        query = FailureModes.forReports(report);
      } else {
        return;
      }
    } catch (IllegalArgumentException documented) {
      return; // no or only blank inputs, a value outside its metric's range, a report with no finding
    }
    try {
      query = settle(query, request.settings);
    } catch (IllegalArgumentException | UnknownIdException documented) {
      return; // a limit below 1, a minimum score outside [0, 1], a threshold for a metric the catalog lacks
    }
    Diagnosis diagnosis;
    long start = System.nanoTime();
    try {
      diagnosis = query.diagnose();
    } catch (UnknownSymptomException documented) {
      assertThat(request.settings).anyMatch(s -> s.split(" ", -1)[0].equals("strict"));
      return;
    }
    String json = diagnosis.toJson();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(DiagnosisSchema.errors(json)).as(json).isEmpty();
    assertThat(JSON.readTree(json).get("inputs")).hasSize(diagnosis.inputs().size());
    assertThat(diagnosis.toString()).isNotEmpty();
    assertThat(diagnosis.toMarkdown()).isNotEmpty();
    // Reading is linear in the input's length (about 0.4 s for a million characters on the build machine): a bound
    // of 2 s plus 1 ms per 100 characters leaves room for a busy machine and still catches quadratic work. Over it,
    // the best of two more runs counts, so that a garbage collection or a first use of some path does not.
    long bound = 2_000 + input.length() / 100;
    for (int again = 0; again < 2 && millis >= bound; again++) {
      long restart = System.nanoTime();
      query.diagnose().toJson();
      millis = Math.min(millis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restart));
    }
    assertThat(millis).as("milliseconds for %d characters", input.length()).isLessThan(bound);
  }

  private static Query settle(Query query, List<String> settings) {
    for (String s : settings) {
      String[] parts = s.split(" ", -1);
      switch (parts[0]) {
        case "strict" -> query = query.strict();
        case "limit" -> {
          if (parts.length > 1 && number(parts[1]) != null) {
            query = query.limit((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number(parts[1]))));
          }
        }
        case "min" -> {
          if (parts.length > 1 && number(parts[1]) != null) {
            query = query.minScore(number(parts[1]));
          }
        }
        case "stage" -> {
          List<Stage> stages = new ArrayList<>();
          for (int i = 1; i < parts.length; i++) {
            for (Stage stage : Stage.values()) {
              if (stage.id().equals(parts[i])) {
                stages.add(stage);
              }
            }
          }
          query = query.inStages(stages.toArray(new Stage[0]));
        }
        case "threshold" -> {
          if (parts.length > 2 && number(parts[2]) != null) {
            query = query.threshold(parts[1], number(parts[2]));
          }
        }
        default -> { }
      }
    }
    return query;
  }
}
