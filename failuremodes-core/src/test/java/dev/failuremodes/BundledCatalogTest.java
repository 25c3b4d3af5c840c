package dev.failuremodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BundledCatalogTest {
  @Test
  void catalog_thirtyTwoThreadsAtOnce_getOneInstanceLoadedOnce() throws Exception {
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Catalog>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<Catalog> call = () -> {
          start.await();
          return FailureModes.catalog();
        };
        results.add(pool.submit(call));
      }
      start.countDown();
      Catalog first = results.get(0).get();
      for (Future<Catalog> result : results) {
        assertThat(result.get()).isSameAs(first);
      }
      assertThat(BundledCatalog.loads()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void catalog_bundled_loadsWithAllStagesAndGuidance() {
    Catalog catalog = FailureModes.catalog();
    assertThat(catalog.schemaVersion()).isEqualTo(3);
    assertThat(catalog.stages()).hasSize(6);
    for (Stage stage : Stage.values()) {
      assertThat(catalog.describe(stage)).isNotBlank();
    }
    assertThat(catalog.guidance()).isPresent();
    assertThat(catalog.failureModes()).isNotEmpty();
    assertThat(FailureModes.using(catalog).catalog()).isSameAs(catalog);
  }
}
