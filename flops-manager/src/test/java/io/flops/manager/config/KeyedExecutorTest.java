package io.flops.manager.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedExecutorTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final KeyedExecutor executor = new KeyedExecutor(pool);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void runsTheTasksOfOneKeyOneAtATimeInOrder() throws InterruptedException {
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    Map<String, Boolean> running = new ConcurrentHashMap<>();
    List<String> overlaps = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(4 * 500);
    for (int i = 0; i < 500; i++) {
      int n = i;
      for (String key : List.of("a", "b", "c", "d")) {
        executor.execute(
            key,
            () -> {
              if (running.put(key, true) != null) {
                overlaps.add(key);
              }
              seen.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(n);
              running.remove(key);
              done.countDown();
            });
      }
    }

    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(overlaps).isEmpty();
    List<Integer> inOrder = IntStream.range(0, 500).boxed().toList();
    assertThat(seen).hasSize(4).allSatisfy((key, order) -> assertThat(order).isEqualTo(inOrder));
    assertThat(executor.busyKeys()).isZero();
  }

  @Test
  void aBusyKeyDoesNotHoldBackTheOthers() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch other = new CountDownLatch(1);
    executor.execute("slow", () -> await(release));
    executor.execute("slow", () -> {});

    executor.execute("fast", other::countDown);

    assertThat(other.await(5, TimeUnit.SECONDS)).isTrue();
    release.countDown();
  }

  @Test
  void aFailingTaskDoesNotStopTheTasksAfterIt() throws InterruptedException {
    CountDownLatch after = new CountDownLatch(1);
    executor.execute(
        "a",
        () -> {
          throw new IllegalStateException("boom");
        });
    executor.execute("a", after::countDown);

    assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
