package io.flops.common.fl;

import io.grpc.stub.StreamObserver;

/**
 * A thread-safe sending end of a gRPC stream ({@link StreamObserver} itself is not). After the
 * stream ended or failed, sends are dropped and reported as {@code false}.
 */
public final class StreamSender<T> {

  private final StreamObserver<T> observer;
  private boolean closed;

  public StreamSender(StreamObserver<T> observer) {
    this.observer = observer;
  }

  /** Sends {@code message}; {@code false} when the stream is already closed. */
  public synchronized boolean send(T message) {
    if (closed) {
      return false;
    }
    try {
      observer.onNext(message);
      return true;
    } catch (RuntimeException e) {
      closed = true;
      return false;
    }
  }

  /** Ends the stream normally. */
  public synchronized void complete() {
    if (!closed) {
      closed = true;
      try {
        observer.onCompleted();
      } catch (RuntimeException ignored) {
        // the other side is already gone
      }
    }
  }

  /** Ends the stream with an error (on a client stream this cancels the call). */
  public synchronized void fail(Throwable cause) {
    if (!closed) {
      closed = true;
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
}
