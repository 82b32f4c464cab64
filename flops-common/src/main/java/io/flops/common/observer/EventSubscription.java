package io.flops.common.observer;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reader that follows an {@link EventLog}: each wake-up delivers, on the executor, the events it
 * has not seen yet, in order and never two at once. Closing it stops the deliveries.
 */
public final class EventSubscription implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventSubscription.class);

  private final EventLog source;
  private final Consumer<SequencedEvent> consumer;
  private final Executor executor;
  private final Consumer<EventSubscription> onClose;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private long lastDelivered;

  EventSubscription(
      EventLog source,
      long since,
      Consumer<SequencedEvent> consumer,
      Executor executor,
      Consumer<EventSubscription> onClose) {
    this.source = source;
    this.lastDelivered = since;
    this.consumer = consumer;
    this.executor = executor;
    this.onClose = onClose;
  }

  /** Schedules a delivery of what came since the last one, unless one is already scheduled. */
  void wake() {
    if (closed.get() || !scheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this::deliver);
    } catch (RejectedExecutionException e) {
      log.debug("Event delivery rejected; closing the subscription", e);
      close();
    }
  }

  private synchronized void deliver() {
    scheduled.set(false);
    for (SequencedEvent event : source.after(lastDelivered)) {
      if (closed.get()) {
        return;
      }
      try {
        consumer.accept(event);
      } catch (RuntimeException e) {
        log.debug("Event consumer failed; closing the subscription: {}", e.toString());
        close();
        return;
      }
      lastDelivered = event.seq();
    }
  }

  /** Whether {@link #close()} was called or the consumer failed. */
  public boolean isClosed() {
    return closed.get();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      onClose.accept(this);
    }
  }
}
