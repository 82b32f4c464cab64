package io.flops.tracking.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Calls are delivered in order after an outage, and the buffer never grows past its bound. */
class DeliveryQueueTest {

  @Test
  void deliversInOrderOnceTheServerIsBackAndDropsWhatDoesNotFit() throws Exception {
    AtomicBoolean down = new AtomicBoolean(true);
    CountDownLatch firstTried = new CountDownLatch(1);
    List<String> delivered = new CopyOnWriteArrayList<>();
    try (DeliveryQueue queue = new DeliveryQueue(3, Duration.ofMillis(10), Duration.ofMillis(20))) {
      for (String call : List.of("a", "b", "c", "d", "e")) {
        queue.submit(
            call,
            () -> {
              firstTried.countDown();
              if (down.get()) {
                throw new MlflowHttpException("down", 503, "", null);
              }
              delivered.add(call);
              return call;
            });
        if (call.equals("a")) {
          assertThat(firstTried.await(5, TimeUnit.SECONDS)).isTrue();
        }
      }
      assertThat(queue.pending()).as("a in flight, b, c, d waiting").isEqualTo(4);
      assertThat(queue.dropped()).isEqualTo(1);
      down.set(false);
      assertThat(queue.drain(Duration.ofSeconds(5))).isTrue();
    }
    assertThat(delivered).containsExactly("a", "b", "c", "d");
  }

  @Test
  void aCallTheServerRejectsIsSkippedAndTheNextOnesGoOn() {
    List<String> delivered = new CopyOnWriteArrayList<>();
    try (DeliveryQueue queue =
        new DeliveryQueue(10, Duration.ofMillis(10), Duration.ofMillis(20))) {
      queue.submit(
          "bad",
          () -> {
            throw new MlflowHttpException("no such run", 404, "RESOURCE_DOES_NOT_EXIST", null);
          });
      queue.submit(
          "good",
          () -> {
            delivered.add("good");
            return "good";
          });
      assertThat(queue.drain(Duration.ofSeconds(5))).isTrue();
    }
    assertThat(delivered).containsExactly("good");
  }
}
