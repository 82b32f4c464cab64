package io.flops.observer.web;

import io.flops.common.observer.EventLog;
import io.flops.common.observer.EventSubscription;
import io.flops.common.observer.SequencedEvent;
import io.flops.observer.ObserverSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams: each follows the event log through an {@link
 * EventSubscription}, gets a heartbeat comment now and then, and is completed when the observer
 * shuts down (so a graceful shutdown does not wait for readers).
 */
@Component
public class EventStreams {

  private final EventLog eventLog;
  private final ThreadPoolTaskExecutor executor;
  private final ObserverSettings properties;
  private final Map<SseEmitter, EventSubscription> open = new ConcurrentHashMap<>();

  EventStreams(
      EventLog eventLog, ThreadPoolTaskExecutor eventDeliveryExecutor, ObserverSettings props) {
    this.eventLog = eventLog;
    this.executor = eventDeliveryExecutor;
    this.properties = props;
  }

  /** A stream of the events after {@code since}, then of each new one. */
  SseEmitter open(long since) {
    SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
    EventSubscription subscription =
        eventLog.subscribe(since, event -> send(emitter, event), executor);
    open.put(emitter, subscription);
    Runnable close = () -> closed(emitter);
    emitter.onCompletion(close);
    emitter.onTimeout(close);
    emitter.onError(error -> close.run());
    return emitter;
  }

  /** How many streams are open. */
  int openCount() {
    return open.size();
  }

  @Scheduled(fixedRateString = "${flops.observer.heartbeat:15s}")
  void heartbeat() {
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

  @EventListener(ContextClosedEvent.class)
  void completeAll() {
    open.keySet().forEach(SseEmitter::complete);
    open.values().forEach(EventSubscription::close);
    open.clear();
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
