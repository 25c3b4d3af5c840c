package dev.failuremodes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Calls {@link FailureModes#catalog()} from 32 threads released at once, in a JVM where nothing has loaded the
 * bundled catalog yet, and prints how many instances they got and how many loads ran. {@link BundledCatalogTest}
 * starts it in a child process, since in the test JVM another test may already have loaded the catalog.
 */
final class BundledCatalogRace {
  static final int THREADS = 32;

  private BundledCatalogRace() {}

  /** Runs the race; exits with 2 when the catalog was loaded before it started. */
  public static void main(String[] args) throws Exception {
    int before = BundledCatalog.loads();
    if (before != 0) {
      System.out.println("loads before the race: " + before);
      System.exit(2);
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch ready = new CountDownLatch(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Catalog>> results = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        results.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          return FailureModes.catalog();
        }));
      }
      ready.await();
      start.countDown();
      Set<Catalog> instances = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Future<Catalog> result : results) {
        instances.add(result.get());
      }
      System.out.println("threads " + THREADS + ", instances " + instances.size() + ", loads "
          + BundledCatalog.loads());
    } finally {
      pool.shutdownNow();
    }
  }
}
