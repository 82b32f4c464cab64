package io.flops.cli.events;

import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.observer.SequencedEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Events as lines of text: the event list and a component's log. */
final class EventText {

  private EventText() {}

  /** {@code #seq time source level kind message {data}}, the data left out for state changes. */
  static String event(SequencedEvent event) {
    String data = event.data().isEmpty() || event.kind() == Kind.STATE ? "" : " " + event.data();
    return String.format(
        Locale.ROOT,
        "#%-5d %s %-14s %-5s %-10s %s%s",
        event.seq(),
        time(event.ts()),
        event.source(),
        event.level(),
        event.kind(),
        event.message(),
        data);
  }

  /** {@code time level source: message}, as a log line. */
  static String log(SequencedEvent event) {
    return String.format(
        Locale.ROOT,
        "%s %-5s %s: %s",
        time(event.ts()),
        event.level(),
        event.source(),
        event.message());
  }

  private static String time(Instant at) {
    return at == null ? "-" : at.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
