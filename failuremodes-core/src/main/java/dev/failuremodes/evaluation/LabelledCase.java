package dev.failuremodes.evaluation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One labelled case: the inputs a user would give, and the failure modes a correct diagnosis ranks.
 *
 * @param name where the case comes from, such as {@code incidents.jsonl:12}, for reports
 * @param inputs the inputs, as they would be passed to {@code forSymptoms}; at least one, none blank
 * @param expected the true cause or causes; empty for an input that describes no failure and should get no
 *     candidate
 * @param acceptable other failure modes that also count as a correct answer
 * @param notExpected failure modes that must not be in the top three, such as one the input rules out ("not
 *     overfitting")
 * @param source where the case was taken from (a URL, a paper, a tool), or empty
 */
public record LabelledCase(
    String name,
    List<String> inputs,
    List<String> expected,
    List<String> acceptable,
    List<String> notExpected,
    String source) {
  /**
   * Copies the lists and checks the case.
   *
   * @throws NullPointerException if a component or an element is null
   * @throws IllegalArgumentException if there is no input, an input is blank, or an id is both expected (or
   *     acceptable) and not expected
   */
  public LabelledCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    inputs = List.copyOf(inputs);
    expected = List.copyOf(expected);
    acceptable = List.copyOf(acceptable);
    notExpected = List.copyOf(notExpected);
    if (inputs.isEmpty() || inputs.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(
          "case " + name + ": inputs must hold at least one input and no blank one, was " + inputs);
    }
    for (String id : notExpected) {
      if (expected.contains(id) || acceptable.contains(id)) {
        throw new IllegalArgumentException(
            "case " + name + ": '" + id + "' is both a correct answer and not expected; keep it in one list");
      }
    }
  }

  /** Returns a case with one input and expected ids only, for tests and small tables. */
  public static LabelledCase of(String input, String... expected) {
    return new LabelledCase(input, List.of(input), List.of(expected), List.of(), List.of(), "");
  }

  /** Returns the ids that count as a correct answer: the expected ones, then the acceptable ones. */
  public Set<String> answers() {
    Set<String> out = new LinkedHashSet<>(expected);
    out.addAll(acceptable);
    return out;
  }

  /** Returns whether the case describes no failure: nothing is expected and nothing is ruled out. */
  public boolean unrelated() {
    return expected.isEmpty() && notExpected.isEmpty();
  }

  /** Returns {@code name: inputs → expected}. */
  @Override
  public String toString() {
    return name + ": " + inputs + " → " + (expected.isEmpty() ? "nothing" : String.join(" ", expected));
  }
}
