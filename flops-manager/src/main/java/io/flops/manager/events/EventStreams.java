package io.flops.manager.events;

import io.flops.common.observer.EventLog;
import io.flops.common.observer.EventSubscription;
import io.flops.common.observer.SequencedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of project events; each follows its project's log through an
 * {@link EventSubscription} and is completed when the manager shuts down.
 */
@Component
public class EventStreams {

  private final TaskExecutor executor;
  private final EventsProperties properties;
  private final Map<SseEmitter, EventSubscription> open = new ConcurrentHashMap<>();

  EventStreams(@Qualifier("flopsWorkers") TaskExecutor executor, EventsProperties properties) {
    this.executor = executor;
    this.properties = properties;
  }

  /** A stream of the events of {@code log} after {@code since}, then of each new one. */
  SseEmitter open(EventLog log, long since) {
    SseEmitter emitter = new SseEmitter(properties.getStreamTimeout().toMillis());
    EventSubscription subscription = log.subscribe(since, event -> send(emitter, event), executor);
    open.put(emitter, subscription);
    Runnable close = () -> closed(emitter);
    emitter.onCompletion(close);
    emitter.onTimeout(close);
    emitter.onError(error -> close.run());
    return emitter;
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
