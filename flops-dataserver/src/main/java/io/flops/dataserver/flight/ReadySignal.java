package io.flops.dataserver.flight;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;

/**
 * Waits until a stream's client can take more (gRPC's on-ready callback), re-checking every few
 * milliseconds so a missed callback cannot stall the stream.
 */
final class ReadySignal {

  private static final long RECHECK_MILLIS = 5;

  private final ServerStreamListener listener;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  ReadySignal(ServerStreamListener listener) {
    this.listener = listener;
    listener.setOnReadyHandler(this::signal);
    listener.setOnCancelHandler(this::signal);
  }

  /** True once the client is ready; false when it cancelled or {@code timeoutMillis} passed. */
  boolean await(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    lock.lock();
    try {
      while (!listener.isReady()) {
        if (listener.isCancelled() || System.nanoTime() > deadline) {
          return false;
        }
        changed.await(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
