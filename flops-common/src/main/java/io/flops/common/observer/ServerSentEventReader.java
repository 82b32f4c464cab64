package io.flops.common.observer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the lines of a {@code text/event-stream} (fields {@code data:}, {@code id:}, {@code
 * event:}; comments and heartbeats ignored) and hands each event's data, a {@link SequencedEvent},
 * to a consumer. Public for clients of other event streams of the same shape (the manager's {@code
 * /api/flops/projects/{id}/events/stream}): hand it to {@code BodyHandlers.fromLineSubscriber}.
 */
public final class ServerSentEventReader implements Flow.Subscriber<String> {

  private static final Logger log = LoggerFactory.getLogger(ServerSentEventReader.class);

  private final Consumer<SequencedEvent> consumer;
  private final StringBuilder data = new StringBuilder();
  private volatile Flow.Subscription subscription;
  private volatile boolean cancelled;
  private volatile long lastSeq;

  /** Hands each event of the stream to {@code consumer}, on the thread that delivers the lines. */
  public ServerSentEventReader(Consumer<SequencedEvent> consumer) {
    this.consumer = consumer;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (cancelled) {
      subscription.cancel();
    } else {
      subscription.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(String line) {
    if (line.isEmpty()) {
      dispatch();
    } else if (line.startsWith("data:")) {
      data.append(data.isEmpty() ? "" : "\n").append(field(line, "data:"));
    }
  }

  @Override
  public void onError(Throwable throwable) {
    log.debug("Observer event stream failed: {}", throwable.toString());
  }

  @Override
  public void onComplete() {
    dispatch();
  }

  /** The position of the last event handed over (0 before the first). */
  public long lastSeq() {
    return lastSeq;
  }

  /** Stops handing over events and cancels the subscription (closes the stream). */
  public void cancel() {
    cancelled = true;
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }

  private void dispatch() {
    if (data.isEmpty() || cancelled) {
      data.setLength(0);
      return;
    }
    String json = data.toString();
    data.setLength(0);
    try {
      SequencedEvent event = JsonLinesEventStore.JSON.readValue(json, SequencedEvent.class);
      consumer.accept(event);
      lastSeq = event.seq();
    } catch (JsonProcessingException e) {
      log.warn("Skipping an unreadable observer event: {}", e.getOriginalMessage());
    }
  }

  private static String field(String line, String name) {
    String value = line.substring(name.length());
    return value.startsWith(" ") ? value.substring(1) : value;
  }
}
