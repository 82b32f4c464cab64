package io.flops.common.observer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flops.common.events.ObserverEvent;
import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.events.ObserverEvent.Level;
import java.time.Instant;
import java.util.Map;

/**
 * An {@link ObserverEvent} with the position the observer gave it on arrival. This is the JSON
 * shape of {@code GET /api/events} and of each server-sent event: the event's own fields plus
 * {@code seq}.
 *
 * @param seq position in the project's log, starting at 1, increasing by arrival; {@code since=seq}
 *     reads what came after this event
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SequencedEvent(
    long seq,
    String id,
    Instant ts,
    String source,
    Level level,
    Kind kind,
    String message,
    Map<String, Object> data) {

  public SequencedEvent {
    data = data == null ? Map.of() : data;
  }

  /** The event at position {@code seq}. */
  public static SequencedEvent of(long seq, ObserverEvent event) {
    return new SequencedEvent(
        seq,
        event.id(),
        event.ts(),
        event.source(),
        event.level(),
        event.kind(),
        event.message(),
        event.data());
  }

  /** The event without its position. */
  public ObserverEvent event() {
    return new ObserverEvent(id, ts, source, level, kind, message, data);
  }
}
