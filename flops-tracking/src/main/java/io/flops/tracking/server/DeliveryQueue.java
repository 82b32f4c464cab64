package io.flops.tracking.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers tracking calls to the server one at a time, in the order they were made. While the
 * server is unreachable the head call is retried with growing pauses and later calls wait behind
 * it, up to a bounded number; a call that does not fit is dropped with a warning, never blocking
 * the caller. A call the server rejects for good is dropped with a warning too.
 */
final class DeliveryQueue implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryQueue.class);

  private final LinkedBlockingDeque<Delivery> calls;
  private final Duration firstPause;
  private final Duration longestPause;
  private final Thread worker;
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean running = true;
  private final AtomicInteger undelivered = new AtomicInteger();

  DeliveryQueue(int capacity, Duration firstPause, Duration longestPause) {
    this.calls = new LinkedBlockingDeque<>(capacity);
    this.firstPause = firstPause;
    this.longestPause = longestPause;
    this.worker = new Thread(this::deliverAll, "mlflow-delivery");
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues {@code call}; the future completes with its result once it was delivered. */
  CompletableFuture<String> submit(String description, Supplier<String> call) {
    Delivery delivery = new Delivery(description, call, new CompletableFuture<>());
    undelivered.incrementAndGet();
    if (!calls.offer(delivery)) {
      undelivered.decrementAndGet();
      long count = dropped.incrementAndGet();
      log.warn("Tracking buffer is full; dropped {} ({} dropped so far).", description, count);
      delivery.result.completeExceptionally(
          new IllegalStateException("Tracking buffer is full; dropped " + description + "."));
    }
    return delivery.result;
  }

  /** The number of calls not yet delivered. */
  int pending() {
    return undelivered.get();
  }

  /** The number of calls dropped because the buffer was full. */
  long dropped() {
    return dropped.get();
  }

  /** Waits up to {@code timeout} until every queued call was delivered or dropped. */
  boolean drain(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pending() > 0 && System.nanoTime() < deadline) {
      pause(Duration.ofMillis(20));
    }
    return pending() == 0;
  }

  @Override
  public void close() {
    running = false;
    worker.interrupt();
    try {
      worker.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (pending() > 0) {
      log.warn("Tracking closed with {} calls not delivered to the MLflow server.", pending());
    }
  }

  private void deliverAll() {
    while (running) {
      Delivery head;
      try {
        head = calls.takeFirst();
      } catch (InterruptedException e) {
        return;
      }
      if (deliver(head)) {
        undelivered.decrementAndGet();
      }
    }
  }

  /** Returns true when the call is done (delivered or dropped), false when interrupted. */
  private boolean deliver(Delivery delivery) {
    Duration pause = firstPause;
    while (running) {
      try {
        delivery.result.complete(delivery.call.get());
        return true;
      } catch (MlflowHttpException e) {
        if (!e.isTransient()) {
          return drop(delivery, e);
        }
        log.info(
            "MLflow unreachable; {} waits {} ms: {}",
            delivery.description,
            pause.toMillis(),
            e.getMessage());
        if (!pause(pause)) {
          return false;
        }
        pause =
            pause.multipliedBy(2).compareTo(longestPause) > 0
                ? longestPause
                : pause.multipliedBy(2);
      } catch (RuntimeException e) {
        return drop(delivery, e);
      }
    }
    return false;
  }

  private static boolean drop(Delivery delivery, RuntimeException e) {
    log.warn("Tracking call {} failed and is skipped: {}", delivery.description, e.getMessage());
    delivery.result.completeExceptionally(e);
    return true;
  }

  private static boolean pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private record Delivery(
      String description, Supplier<String> call, CompletableFuture<String> result) {}
}
