package io.flops.common.observer;

import java.util.concurrent.CompletableFuture;

/**
 * An open {@link ObserverClient#stream} that can be closed; {@link #done()} completes at its end.
 */
public final class EventStream implements AutoCloseable {

  private final CompletableFuture<Void> done;
  private final ServerSentEventReader reader;

  EventStream(CompletableFuture<Void> done, ServerSentEventReader reader) {
    this.done = done;
    this.reader = reader;
  }

  /** Completes when the observer ends the stream, exceptionally when it fails. */
  public CompletableFuture<Void> done() {
    return done;
  }

  /** The position of the last event handed over (the {@code since} for a reconnect). */
  public long lastSeq() {
    return reader.lastSeq();
  }

  @Override
  public void close() {
    reader.cancel();
    done.cancel(true);
  }
}
