package io.flops.common.observer;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.events.ObserverEvent.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventReaderTest {

  @Test
  void handsOverEachEventOnceSkippingCommentsAndUnreadableData() throws Exception {
    List<SequencedEvent> received = new ArrayList<>();
    ServerSentEventReader reader = new ServerSentEventReader(received::add);
    String first =
        JsonLinesEventStore.JSON.writeValueAsString(
            SequencedEvent.of(4, EventLogTest.event("a", Kind.ROUND)));
    String second =
        JsonLinesEventStore.JSON.writeValueAsString(
            SequencedEvent.of(5, EventLogTest.event("b", Kind.LOG)));

    List.of(":heartbeat", "", "id:4", "data:" + first, "", "data: not json", "", "id:5")
        .forEach(reader::onNext);
    reader.onNext("data: " + second);
    reader.onComplete();

    assertThat(received).extracting(SequencedEvent::id).containsExactly("a", "b");
    assertThat(received.get(0).kind()).isEqualTo(Kind.ROUND);
    assertThat(reader.lastSeq()).isEqualTo(5);
  }
}
