package dev.failuremodes.internal;

import java.util.function.Supplier;

/** A value computed on first use, once, however many threads ask for it at the same time. */
public final class Once<T> {
  private final Supplier<T> supplier;
  private volatile T value;

  /** Prepares the value; nothing is computed until {@link #get()}. */
  public Once(Supplier<T> supplier) {
    this.supplier = supplier;
  }

  /** Returns the value, computing it on the first call. */
  public T get() {
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
