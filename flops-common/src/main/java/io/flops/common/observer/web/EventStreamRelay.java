package io.flops.common.observer.web;

import io.flops.common.observer.EventLog;
import io.flops.common.observer.EventSubscription;
import io.flops.common.observer.SequencedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Relays {@link EventLog}s to server-sent-event streams, for the observer's and the manager's event
 * endpoints. Each stream follows its log through an {@link EventSubscription} (deliveries run on
 * the given executor, so a slow reader never holds up the intake); each event's SSE id is its
 * {@code seq}. Streams end after the timeout (the reader reconnects with {@code Last-Event-ID}),
 * when the reader is gone, and when the application context closes, so a graceful shutdown does not
 * wait for readers.
 */
public final class EventStreamRelay implements ApplicationListener<ContextClosedEvent> {

  private final Executor executor;
  private final Duration timeout;
  private final Map<SseEmitter, EventSubscription> open = new ConcurrentHashMap<>();

  /**
   * @param executor where events are delivered to the streams
   * @param timeout how long one stream stays open
   */
  public EventStreamRelay(Executor executor, Duration timeout) {
    this.executor = executor;
    this.timeout = timeout;
  }

  /**
   * A stream of the events of {@code log} after {@code since}, then of each new one. A reconnecting
   * reader's {@code lastEventId} (its {@code Last-Event-ID} header, may be null) wins over an older
   * {@code since}.
   */
  public SseEmitter open(EventLog log, long since, Long lastEventId) {
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    long from = lastEventId == null ? since : Math.max(since, lastEventId);
    open.put(emitter, log.subscribe(from, event -> send(emitter, event), executor));
    Runnable close = () -> closed(emitter);
    emitter.onCompletion(close);
    emitter.onTimeout(close);
    emitter.onError(error -> close.run());
    return emitter;
  }

  /** How many streams are open. */
  public int openCount() {
    return open.size();
  }

  /** Sends a comment line to every open stream, closing those whose reader is gone. */
  public void heartbeat() {
    open.keySet()
        .forEach(
            emitter -> {
              try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
              } catch (IOException | IllegalStateException gone) {
                closed(emitter);
              }
            });
  }

  /** Completes every open stream. */
  public void completeAll() {
    open.keySet().forEach(SseEmitter::complete);
    open.values().forEach(EventSubscription::close);
    open.clear();
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    completeAll();
  }

  private static void send(SseEmitter emitter, SequencedEvent event) {
    try {
      emitter.send(
          SseEmitter.event()
              .id(Long.toString(event.seq()))
              .data(event, MediaType.APPLICATION_JSON));
    } catch (IOException e) {
      throw new UncheckedIOException("The event stream's reader is gone", e);
    }
  }

  private void closed(SseEmitter emitter) {
    EventSubscription subscription = open.remove(emitter);
    if (subscription != null) {
      subscription.close();
    }
  }
}
