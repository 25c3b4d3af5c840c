/**
 * Runs the library from the module path, as a modular application would: the catalog must be found across module
 * boundaries and a diagnosis must come out. Run by .ci/run against the jars in failuremodes-examples/target/lib.
 */
public class ModulePathCheck {
  public static void main(String[] args) {
    Module module = dev.failuremodes.FailureModes.class.getModule();
    if (!module.isNamed() || !module.getName().equals("dev.failuremodes")) {
      throw new AssertionError("expected the named module dev.failuremodes, was " + module);
    }
    var top = dev.failuremodes.FailureModes.forSymptoms("model overfits").diagnose().top();
    if (top.isEmpty() || !top.get().id().equals("overfitting")) {
      throw new AssertionError("unexpected diagnosis on the module path: " + top);
    }
    System.out.println("module path: " + module.getName() + " diagnoses " + top.get());
  }
}
