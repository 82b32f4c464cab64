package io.flops.common.observer;

import io.flops.common.events.EventCodec;
import io.flops.common.events.ObserverEvent;
import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.events.ObserverEvent.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a payload received on {@code project_observer/<project id>} into an {@link ObserverEvent},
 * never losing it: missing fields get defaults (an id derived from the payload, so a redelivered
 * copy is still recognised; the receive time; {@code INFO}; {@code LOG}), and a payload that is not
 * an event (e.g. plain text as the original FLOps sent) becomes a {@code WARN} line with its text.
 */
public final class EventIntake {

  /** The longest message kept from a payload that is not an event. */
  static final int MAX_RAW_MESSAGE = 2000;

  private final EventCodec codec;
  private final Clock clock;

  public EventIntake(EventCodec codec, Clock clock) {
    this.codec = codec;
    this.clock = clock;
  }

  /** The event carried by {@code payload}. */
  public ObserverEvent read(byte[] payload) {
    String derivedId = UUID.nameUUIDFromBytes(payload).toString();
    try {
      ObserverEvent event = codec.decodeObserverEvent(payload);
      if (event == null) {
        throw new IllegalArgumentException("The payload is JSON null, not an event");
      }
      return new ObserverEvent(
          event.id() == null || event.id().isBlank() ? derivedId : event.id(),
          event.ts() == null ? clock.instant() : event.ts(),
          event.source() == null ? "unknown" : event.source(),
          event.level() == null ? Level.INFO : event.level(),
          event.kind() == null ? Kind.LOG : event.kind(),
          event.message() == null ? "" : event.message(),
          event.data());
    } catch (IllegalArgumentException notAnEvent) {
      return new ObserverEvent(
          derivedId,
          clock.instant(),
          "unknown",
          Level.WARN,
          Kind.LOG,
          rawText(payload),
          Map.of("unreadable", notAnEvent.getMessage()));
    }
  }

  private static String rawText(byte[] payload) {
    String text = new String(payload, StandardCharsets.UTF_8).strip();
    return text.length() <= MAX_RAW_MESSAGE ? text : text.substring(0, MAX_RAW_MESSAGE) + "…";
  }
}
