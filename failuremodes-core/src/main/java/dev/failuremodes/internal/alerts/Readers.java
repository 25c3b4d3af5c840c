package dev.failuremodes.internal.alerts;

import dev.failuremodes.alerts.Format;
import java.util.List;

/** Every report reader, in the order formats are tried when detecting one. */
public final class Readers {
  private static final List<ReportReader> ALL = List.of(new TfdvReader(), new SageMakerReader(),
      new DeepchecksReader(), new EvidentlyReader(), new GreatExpectationsReader(), new AlertmanagerReader());

  private Readers() {}

  /** Returns every reader. */
  public static List<ReportReader> all() {
    return ALL;
  }

  /** Returns the reader of a format. */
  public static ReportReader of(Format format) {
    for (ReportReader r : ALL) {
      if (r.format() == format) {
        return r;
      }
    }
    throw new IllegalStateException("no reader for " + format);
  }
}
