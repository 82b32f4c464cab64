package io.flops.common.observer;

import io.flops.common.events.ObserverEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One project's events in arrival order, each once (by id), persisted through an {@link
 * EventStore}, bounded to {@code maxEvents}. When the bound is exceeded the oldest event that is
 * not a {@link ObserverEvent.Kind#STATE STATE} transition is dropped (a project has only a dozen
 * transitions, so its timeline is always complete). Ids are remembered for the events kept, so a
 * duplicate of an event already dropped would be kept again; MQTT redelivers within seconds, long
 * before that. Thread-safe.
 */
public final class EventLog {

  private final EventStore store;
  private final int maxEvents;
  private final List<SequencedEvent> events = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private final List<EventSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private long lastSeq;

  /** A log holding what {@code store} already has (at most {@code maxEvents} of it). */
  public EventLog(EventStore store, int maxEvents) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents must be at least 1, was " + maxEvents);
    }
    this.store = store;
    this.maxEvents = maxEvents;
    for (SequencedEvent event : store.load()) {
      if (event.seq() > lastSeq && ids.add(event.id())) {
        events.add(event);
        lastSeq = event.seq();
      }
    }
    synchronized (this) {
      evictOverflow();
    }
  }

  /**
   * Appends {@code event} unless an event with its id is already kept.
   *
   * @return the stored event with its position, or empty for a duplicate
   */
  public Optional<SequencedEvent> accept(ObserverEvent event) {
    SequencedEvent stored;
    synchronized (this) {
      if (!ids.add(event.id())) {
        return Optional.empty();
      }
      stored = SequencedEvent.of(lastSeq + 1, event);
      try {
        store.append(stored);
      } catch (RuntimeException e) {
        ids.remove(event.id());
        throw e;
      }
      lastSeq = stored.seq();
      events.add(stored);
      evictOverflow();
    }
    subscriptions.forEach(EventSubscription::wake);
    return Optional.of(stored);
  }

  /** The kept events with a position after {@code since}, in order ({@code since=0}: all). */
  public synchronized List<SequencedEvent> after(long since) {
    int low = 0;
    int high = events.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (events.get(middle).seq() <= since) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return List.copyOf(events.subList(low, events.size()));
  }

  /** The position of the newest event, 0 when none came yet. */
  public synchronized long lastSeq() {
    return lastSeq;
  }

  /** How many events are kept. */
  public synchronized int size() {
    return events.size();
  }

  /** The most events kept. */
  public int maxEvents() {
    return maxEvents;
  }

  /**
   * Delivers every event after {@code since}, then each new one, to {@code consumer}, in order and
   * one at a time, on {@code executor}. A consumer that throws is unsubscribed.
   */
  public EventSubscription subscribe(
      long since, Consumer<SequencedEvent> consumer, Executor executor) {
    EventSubscription subscription =
        new EventSubscription(this, since, consumer, executor, subscriptions::remove);
    subscriptions.add(subscription);
    subscription.wake();
    return subscription;
  }

  /** How many subscriptions are open. */
  public int subscriptionCount() {
    return subscriptions.size();
  }

  private int oldestEvictable() {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).kind() != ObserverEvent.Kind.STATE) {
        return i;
      }
    }
    return 0;
  }

  private void evictOverflow() {
    boolean evicted = false;
    while (events.size() > maxEvents) {
      ids.remove(events.remove(oldestEvictable()).id());
      evicted = true;
    }
    if (evicted && store.storedCount() >= 2 * maxEvents) {
      store.replaceAll(events);
    }
  }
}
