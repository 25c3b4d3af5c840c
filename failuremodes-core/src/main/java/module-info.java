/**
 * The failuremodes library: a curated catalog of machine-learning failure modes and the diagnosis over it. Only the
 * API is exported: {@code dev.failuremodes}, {@code dev.failuremodes.alerts}, {@code
 * dev.failuremodes.evaluation} and {@code dev.failuremodes.signals}; the engine's packages are internal. The bundled catalog lives in the {@code dev.failuremodes.catalog} module (an automatic module, its
 * resources open to every module), which must be in the module graph at run time: add it with {@code --add-modules
 * dev.failuremodes.catalog}.
 */
@SuppressWarnings("requires-automatic")
module dev.failuremodes {
  requires com.fasterxml.jackson.databind;
  requires static org.immutables.value;

  exports dev.failuremodes;
  exports dev.failuremodes.alerts;
  exports dev.failuremodes.evaluation;
  exports dev.failuremodes.signals;
}
