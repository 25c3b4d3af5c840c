package dev.failuremodes.examples.cli;

import dev.failuremodes.Stage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine;

/** Reads a stage id for {@code --stage}, with the valid ids in the error message. */
final class StageConverter implements CommandLine.ITypeConverter<Stage> {
  @Override
  public Stage convert(String value) {
    try {
      return Stage.of(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  /** The stage ids, for help and completion. */
  static final class Ids implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> ids = new ArrayList<>();
      for (Stage s : Stage.values()) {
        ids.add(s.id());
      }
      return ids.iterator();
    }
  }
}
