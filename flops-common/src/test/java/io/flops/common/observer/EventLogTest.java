package io.flops.common.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flops.common.events.ObserverEvent;
import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.events.ObserverEvent.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {

  @TempDir Path dir;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  static ObserverEvent event(String id, Kind kind) {
    return new ObserverEvent(
        id,
        Instant.parse("2026-11-23T12:00:00Z"),
        "test",
        Level.INFO,
        kind,
        "event " + id,
        Map.of());
  }

  private EventLog log(int max) {
    return new EventLog(new JsonLinesEventStore(dir.resolve("events.jsonl")), max);
  }

  private static List<String> ids(List<SequencedEvent> events) {
    return events.stream().map(SequencedEvent::id).toList();
  }

  @Test
  void keepsEventsInArrivalOrderOnceEachAndNumbersThem() {
    EventLog log = log(100);
    assertThat(log.accept(event("b", Kind.LOG))).isPresent();
    assertThat(log.accept(event("a", Kind.LOG))).isPresent();
    assertThat(log.accept(event("b", Kind.LOG))).isEmpty();
    log.accept(event("c", Kind.ROUND));

    assertThat(ids(log.after(0))).containsExactly("b", "a", "c");
    assertThat(log.after(0)).extracting(SequencedEvent::seq).containsExactly(1L, 2L, 3L);
    assertThat(ids(log.after(2))).containsExactly("c");
    assertThat(log.after(3)).isEmpty();
    assertThat(log.lastSeq()).isEqualTo(3);
  }

  @Test
  void aReopenedLogHasEverythingAndGoesOnNumbering() {
    EventLog first = log(100);
    first.accept(event("a", Kind.STATE));
    first.accept(event("b", Kind.LOG));

    EventLog reopened = log(100);
    assertThat(ids(reopened.after(0))).containsExactly("a", "b");
    assertThat(reopened.accept(event("a", Kind.STATE))).isEmpty();
    assertThat(reopened.accept(event("c", Kind.LOG)))
        .get()
        .extracting(SequencedEvent::seq)
        .isEqualTo(3L);
  }

  @Test
  void beyondTheLimitTheOldestNonStateEventsAreDroppedAndTheFileIsCompacted() {
    EventLog log = log(3);
    log.accept(event("state-1", Kind.STATE));
    for (int i = 1; i <= 10; i++) {
      log.accept(event("round-" + i, Kind.ROUND));
    }
    assertThat(ids(log.after(0))).containsExactly("state-1", "round-9", "round-10");

    EventLog reopened = log(3);
    assertThat(ids(reopened.after(0))).containsExactly("state-1", "round-9", "round-10");
    assertThat(reopened.lastSeq()).isEqualTo(11);
  }

  @Test
  void aSubscriberGetsTheBacklogThenEachNewEventInOrder() {
    EventLog log = log(100);
    log.accept(event("a", Kind.LOG));
    log.accept(event("b", Kind.LOG));
    List<String> seen = new CopyOnWriteArrayList<>();

    EventSubscription subscription = log.subscribe(1, e -> seen.add(e.id()), executor);
    for (int i = 0; i < 50; i++) {
      log.accept(event("n" + i, Kind.LOG));
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 51);
    assertThat(seen.get(0)).isEqualTo("b");
    assertThat(seen.subList(1, 51))
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 50).mapToObj(i -> "n" + i).toList());
    subscription.close();
    assertThat(log.subscriptionCount()).isZero();
  }

  @Test
  void aFailingSubscriberIsUnsubscribed() {
    EventLog log = log(100);
    EventSubscription subscription =
        log.subscribe(
            0,
            e -> {
              throw new IllegalStateException("reader gone");
            },
            executor);
    log.accept(event("a", Kind.LOG));
    await().atMost(Duration.ofSeconds(5)).until(subscription::isClosed);
    assertThat(log.subscriptionCount()).isZero();
  }
}
