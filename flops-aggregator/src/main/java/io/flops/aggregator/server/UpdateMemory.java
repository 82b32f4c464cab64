package io.flops.aggregator.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bound on learner updates held at once by an aggregator: an update takes its size from here
 * when its {@code FitResult} arrives and gives it back once it is aggregated (or dropped). A
 * learner whose update does not fit waits: its stream is not read further, so gRPC's flow control
 * holds its bytes on the learner's side until room is given back. One update always fits, so a
 * round never stalls. With the FedAvg family, the aggregator's memory is thus the running sum plus
 * at most this bound, whatever the number of learners. Waiters are resumed on one thread of its
 * own, never on the thread that gives memory back (so no lock of a session is ever held while
 * another's is taken).
 */
public final class UpdateMemory {

  /** The bound when none is configured: an eighth of this JVM's maximum heap. */
  public static final long DEFAULT_CAPACITY = Runtime.getRuntime().maxMemory() / 8;

  private final long capacity;
  private final Deque<Waiter> waiting = new ArrayDeque<>();
  private final Executor grants =
      new ThreadPoolExecutor(
          0,
          1,
          1,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(),
          runnable -> {
            Thread thread = new Thread(runnable, "fl-update-memory");
            thread.setDaemon(true);
            return thread;
          });
  private long used;
  private long peak;

  /**
   * @param capacity the most bytes of updates held at once
   */
  public UpdateMemory(long capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("Update memory must be positive, was " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Takes {@code bytes} now ({@code true}), or queues {@code whenGranted} to run once they could be
   * taken ({@code false}).
   */
  public synchronized boolean tryAcquire(long bytes, Runnable whenGranted) {
    if (waiting.isEmpty() && fits(bytes)) {
      take(bytes);
      return true;
    }
    waiting.addLast(new Waiter(bytes, whenGranted));
    return false;
  }

  /** Gives {@code bytes} back and resumes the waiters that now fit. */
  public void release(long bytes) {
    List<Runnable> granted = new ArrayList<>();
    synchronized (this) {
      used -= bytes;
      while (!waiting.isEmpty() && fits(waiting.peekFirst().bytes())) {
        Waiter waiter = waiting.pollFirst();
        take(waiter.bytes());
        granted.add(waiter.whenGranted());
      }
    }
    granted.forEach(grants::execute);
  }

  /**
   * Forgets a queued waiter (its learner left).
   *
   * @return {@code false} when it was already granted: its bytes are taken and must be released
   */
  public synchronized boolean cancel(Runnable whenGranted) {
    return waiting.removeIf(waiter -> waiter.whenGranted() == whenGranted);
  }

  /** The most bytes held at once so far. */
  public synchronized long peak() {
    return peak;
  }

  public long capacity() {
    return capacity;
  }

  private boolean fits(long bytes) {
    return used == 0 || used + bytes <= capacity;
  }

  private void take(long bytes) {
    used += bytes;
    peak = Math.max(peak, used);
  }

  private record Waiter(long bytes, Runnable whenGranted) {}
}
