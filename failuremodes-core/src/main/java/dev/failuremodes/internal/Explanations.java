package dev.failuremodes.internal;

import dev.failuremodes.Evidence;
import dev.failuremodes.FailureMode;
import java.util.List;

/** The one sentence that says why a candidate is ranked where it is, made from its evidence. */
public final class Explanations {
  private Explanations() {}

  /**
   * Returns the explanation of a candidate with this evidence, strongest first, evidence for it before evidence
   * against: {@code "Data leakage (data) is indicated by 'launch-regression' (launch-regression) and 1 more piece of
   * evidence."}.
   */
  public static String of(FailureMode mode, List<Evidence> evidence) {
    Evidence top = evidence.get(0);
    int against = 0;
    for (int i = 0; i < evidence.size(); i++) {
      if (evidence.get(i).against()) {
        against++;
      }
    }
    int more = evidence.size() - against - 1;
    String tail = more <= 0 && against == 0 ? "." : tail(more, against);
    String name = mode.name();
    String stage = mode.stage().id();
    String input = top.input();
    // Built in a builder of its exact length: one array, copied once into the string.
    StringBuilder out;
    switch (top.kind()) {
      case NAMED:
        out = opening(name, stage, 10 + input.length() + 1 + tail.length()).append("named by '").append(input)
            .append('\'');
        break;
      case TEXT: {
        String words = String.join(", ", top.words());
        String field = top.field().orElse("text");
        out = opening(name, stage, 14 + input.length() + 3 + words.length() + 8 + field.length() + 1 + tail.length())
            .append("suggested by '").append(input).append("' (").append(words).append(" in its ").append(field)
            .append(')');
        break;
      }
      case MEASURED:
        out = opening(name, stage, 13 + input.length() + 3 + top.detail().length() + 1 + tail.length())
            .append("measured in '").append(input).append("' (").append(top.detail()).append(')');
        break;
      default: {
        String via = top.via();
        out = opening(name, stage, 14 + input.length() + 3 + via.length() + 1 + tail.length())
            .append("indicated by '").append(input).append("' (").append(via).append(')');
      }
    }
    return out.append(tail).toString();
  }

  /** Starts an explanation, "Overfitting (modeling) is ", in a builder with room for {@code rest} more. */
  private static StringBuilder opening(String name, String stage, int rest) {
    return new StringBuilder(name.length() + 2 + stage.length() + 5 + rest).append(name).append(" (").append(stage)
        .append(") is ");
  }

  /** The end with more evidence or evidence against: " and 2 more pieces of evidence; 1 against.". */
  private static String tail(int more, int against) {
    StringBuilder out = new StringBuilder(48);
    if (more > 0) {
      out.append(" and ").append(more).append(" more piece").append(more == 1 ? "" : "s").append(" of evidence");
    }
    if (against > 0) {
      out.append("; ").append(against).append(" against");
    }
    return out.append('.').toString();
  }
}
