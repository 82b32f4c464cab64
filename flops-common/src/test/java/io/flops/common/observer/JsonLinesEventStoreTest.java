package io.flops.common.observer;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.events.ObserverEvent.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesEventStoreTest {

  @TempDir Path dir;

  @Test
  void storesEventsWithTheirDataAndSkipsALineCutShortByACrash() throws Exception {
    Path file = dir.resolve("nested/p1.events.jsonl");
    JsonLinesEventStore store = new JsonLinesEventStore(file);
    var round =
        new io.flops.common.events.ObserverEvent(
            "r1",
            java.time.Instant.parse("2026-11-23T12:00:00Z"),
            "aggregator",
            io.flops.common.events.ObserverEvent.Level.INFO,
            Kind.ROUND,
            "Round 1 finished",
            Map.of("round", 1, "loss", 0.25, "accuracy", 0.9));
    store.append(SequencedEvent.of(1, round));
    Files.writeString(file, "{\"seq\":2,\"id\":\"cut", StandardOpenOption.APPEND);

    List<SequencedEvent> loaded = new JsonLinesEventStore(file).load();

    assertThat(loaded).hasSize(1);
    assertThat(loaded.get(0).event()).isEqualTo(round);
    assertThat(loaded.get(0).seq()).isEqualTo(1);
  }

  @Test
  void replaceAllRewritesTheFile() {
    Path file = dir.resolve("p.jsonl");
    JsonLinesEventStore store = new JsonLinesEventStore(file);
    for (int i = 1; i <= 3; i++) {
      store.append(SequencedEvent.of(i, EventLogTest.event("e" + i, Kind.LOG)));
    }
    store.replaceAll(List.of(SequencedEvent.of(3, EventLogTest.event("e3", Kind.LOG))));

    assertThat(store.storedCount()).isEqualTo(1);
    assertThat(new JsonLinesEventStore(file).load())
        .extracting(SequencedEvent::id)
        .containsExactly("e3");
  }
}
