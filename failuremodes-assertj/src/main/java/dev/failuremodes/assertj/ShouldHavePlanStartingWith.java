package dev.failuremodes.assertj;

import dev.failuremodes.Diagnosis;
import dev.failuremodes.PlannedFix;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The fix plan does not start with the expected fix. */
final class ShouldHavePlanStartingWith extends ErrorMessage {
  private ShouldHavePlanStartingWith(Message message) {
    super(message);
  }

  /**
   * Returns the message: the expected fix, the plan's first step and where the expected fix is, the evidence of the
   * candidate the first step addresses first, and the table.
   */
  static ErrorMessageFactory shouldHavePlanStartingWith(Diagnosis diagnosis, String expected) {
    Message message = new Message().line("Expecting the fix plan to start with:").line("  %s", expected);
    List<PlannedFix> plan = diagnosis.plan();
    if (plan.isEmpty()) {
      message.line("but the plan is empty.");
      return new ShouldHavePlanStartingWith(message.table(diagnosis));
    }
    message.line("but it starts with:").line("  %s", Message.text(plan.get(0).toString()));
    int step = 0;
    for (int i = 0; i < plan.size() && step == 0; i++) {
      step = plan.get(i).fix().id().equals(expected) ? i + 1 : 0;
    }
    if (step == 0) {
      message.line("and %s is not in the plan.", expected);
    } else {
      message.line("and %s is step %s of %s.", expected, step, plan.size());
    }
    plan.get(0).addresses().stream().findFirst().flatMap(id -> Candidates.find(diagnosis, id))
        .ifPresent(message::evidence);
    return new ShouldHavePlanStartingWith(message.table(diagnosis));
  }
}
