package io.flops.common.fl;

import io.grpc.stub.CallStreamObserver;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * A thread-safe, flow-controlled sending end of a gRPC stream ({@link StreamObserver} itself is
 * neither). Messages are queued and handed to gRPC only while the stream {@linkplain
 * CallStreamObserver#isReady() is ready}; the rest wait in the queue, where a parameter chunk is a
 * view of a buffer shared with other streams (see {@link ParameterChunks}). So what one stream
 * holds beyond the shared buffers is gRPC's own outbound buffer: about one message (at most a
 * chunk, 1–4 MiB) over its 32 KiB ready threshold, whatever the model's size or the receiver's
 * speed. After the stream ended or failed, sends are dropped and reported as {@code false}.
 *
 * <p>Create it where gRPC allows registering the ready handler: in the server method before it
 * returns, or in {@code ClientResponseObserver.beforeStart}. A plain {@link StreamObserver} (in
 * tests) is always ready.
 */
public final class StreamSender<T> {

  /** gRPC buffers a stream's messages up to this many bytes before it stops being ready. */
  public static final int READY_THRESHOLD = ParameterChunks.DEFAULT_CHUNK_BYTES;

  private final StreamObserver<T> observer;
  private final Deque<Iterator<? extends T>> queue = new ArrayDeque<>();
  private boolean closed;
  private boolean completing;

  public StreamSender(StreamObserver<T> observer) {
    this.observer = observer;
    if (observer instanceof ServerCallStreamObserver<T> server) {
      server.setOnReadyThreshold(READY_THRESHOLD);
    }
    if (observer instanceof CallStreamObserver<T> call) {
      call.setOnReadyHandler(this::drain);
    }
  }

  /** Queues {@code message}; {@code false} when the stream is already closed. */
  public synchronized boolean send(T message) {
    return send(List.of(message));
  }

  /** Queues {@code messages} in order; {@code false} when the stream is already closed. */
  public synchronized boolean send(List<? extends T> messages) {
    if (closed || completing) {
      return false;
    }
    queue.addLast(messages.iterator());
    drain();
    return !closed;
  }

  /**
   * Sends {@code message} ahead of what is queued (between two queued messages), for heartbeats
   * that must not wait behind a large transfer; {@code false} when the stream is closed.
   */
  public synchronized boolean sendFirst(T message) {
    if (closed || completing) {
      return false;
    }
    queue.addFirst(List.of(message).iterator());
    drain();
    return !closed;
  }

  /** Ends the stream normally once everything queued is sent. */
  public synchronized void complete() {
    if (!closed && !completing) {
      completing = true;
      drain();
    }
  }

  /** Ends the stream at once with an error (on a client stream this cancels the call). */
  public synchronized void fail(Throwable cause) {
    if (!closed) {
      closed = true;
      queue.clear();
      try {
        observer.onError(cause);
      } catch (RuntimeException ignored) {
        // the other side is already gone
      }
    }
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /** Whether messages are waiting for the stream to become ready. */
  public synchronized boolean hasQueued() {
    return !queue.isEmpty();
  }

  private synchronized void drain() {
    while (!closed && !queue.isEmpty() && ready()) {
      Iterator<? extends T> head = queue.peekFirst();
      if (!head.hasNext()) {
        queue.pollFirst();
        continue;
      }
      try {
        observer.onNext(head.next());
      } catch (RuntimeException e) {
        closed = true;
        queue.clear();
        return;
      }
    }
    if (!closed && completing && queue.isEmpty()) {
      closed = true;
      try {
        observer.onCompleted();
      } catch (RuntimeException ignored) {
        // the other side is already gone
      }
    }
  }

  private boolean ready() {
    return !(observer instanceof CallStreamObserver<T> call) || call.isReady();
  }
}
