package io.flops.tracking.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Calls are delivered in order after an outage, and the buffer never grows past its bound. */
class DeliveryQueueTest {

  @Test
  void deliversInOrderOnceTheServerIsBackAndDropsWhatDoesNotFit() {
    AtomicBoolean down = new AtomicBoolean(true);
    List<String> delivered = new CopyOnWriteArrayList<>();
    try (DeliveryQueue queue = new DeliveryQueue(3, Duration.ofMillis(10), Duration.ofMillis(20))) {
      for (String call : List.of("a", "b", "c", "d", "e")) {
        queue.submit(
            call,
            () -> {
              if (down.get()) {
                throw new MlflowHttpException("down", 503, "", null);
              }
              delivered.add(call);
              return call;
            });
      }
      assertThat(queue.pending()).isEqualTo(3);
      assertThat(queue.dropped()).isGreaterThanOrEqualTo(1);
      down.set(false);
      assertThat(queue.drain(Duration.ofSeconds(5))).isTrue();
    }
    assertThat(delivered).isSubsetOf("a", "b", "c", "d").isSorted().hasSize(3);
    assertThat(delivered.get(0)).isEqualTo("a");
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
