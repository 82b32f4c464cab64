package io.flops.common.observer;

import java.util.List;

/** Where an {@link EventLog} keeps its events so that a restart loses none. */
public interface EventStore {

  /** Every stored event, oldest first. */
  List<SequencedEvent> load();

  /** Stores one more event after the others; returns once it is durable. */
  void append(SequencedEvent event);

  /** Replaces the stored events with {@code events} (used to drop evicted ones). */
  void replaceAll(List<SequencedEvent> events);

  /** How many events the store holds, including ones already evicted from the log. */
  int storedCount();
}
