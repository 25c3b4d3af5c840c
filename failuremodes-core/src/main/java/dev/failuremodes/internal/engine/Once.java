package dev.failuremodes.internal.engine;

import java.util.function.Supplier;

/** A value computed on first use, once, however many threads ask for it at the same time. */
final class Once<T> {
  private final Supplier<T> supplier;
  private volatile T value;

  Once(Supplier<T> supplier) {
    this.supplier = supplier;
  }

  T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = supplier.get();
          value = v;
        }
      }
    }
    return v;
  }
}
