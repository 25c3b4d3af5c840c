package dev.failuremodes.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list whose size is known when it is made and whose elements are made together when one is first read:
 * a diagnosis ranks its candidates by their evidence's contributions, and most callers read the evidence of few of
 * them, if any. Thread-safe: threads that read it at the same time may each make the elements, and all of them see
 * equal lists.
 *
 * @param <T> the elements
 */
public abstract class MadeOnRead<T> extends AbstractList<T> implements RandomAccess {
  private final int size;
  private volatile T[] made;

  /** Prepares a list of {@code size} elements; none is made until one is read. */
  protected MadeOnRead(int size) {
    this.size = size;
  }

  /**
   * Makes the elements: a new array of exactly {@link #size()} of them, none null, equal ones on every call. The list
   * keeps it and never changes it.
   */
  protected abstract T[] make();

  private T[] made() {
    T[] m = made;
    if (m == null) {
      m = make();
      if (m.length != size) {
        throw new IllegalStateException("A list made on read has " + m.length + " elements where " + size
            + " were announced; this is a bug in failuremodes, please report it.");
      }
      for (T t : m) {
        if (t == null) {
          throw new IllegalStateException("A list made on read has a null element; this is a bug in failuremodes,"
              + " please report it.");
        }
      }
      made = m;
    }
    return m;
  }

  @Override
  public final T get(int index) {
    T[] m = made();
    if (index < 0 || index >= m.length) {
      throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + m.length);
    }
    return m[index];
  }

  @Override
  public final int size() {
    return size;
  }
}
