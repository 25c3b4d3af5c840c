package dev.failuremodes.internal;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
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
  private volatile List<T> made;

  /** Prepares a list of {@code size} elements; none is made until one is read. */
  protected MadeOnRead(int size) {
    this.size = size;
  }

  /** Makes the elements: an immutable list of exactly {@link #size()} of them, the same on every call. */
  protected abstract List<T> make();

  private List<T> made() {
    List<T> m = made;
    if (m == null) {
      m = make();
      if (m.size() != size) {
        throw new IllegalStateException("A list made on read has " + m.size() + " elements where " + size
            + " were announced; this is a bug in failuremodes, please report it.");
      }
      made = m;
    }
    return m;
  }

  @Override
  public final T get(int index) {
    return made().get(index);
  }

  @Override
  public final int size() {
    return size;
  }

  @Override
  public final Iterator<T> iterator() {
    return made().iterator();
  }
}
