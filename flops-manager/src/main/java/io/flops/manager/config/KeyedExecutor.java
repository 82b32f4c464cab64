package io.flops.manager.config;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a shared pool, those of one key (a project) one at a time and in the order they
 * were submitted, those of different keys in parallel. A key holds no thread while it has nothing
 * to run, and each task goes back to the pool's queue, so one busy project never starves the
 * others.
 */
public final class KeyedExecutor {

  private static final Logger log = LoggerFactory.getLogger(KeyedExecutor.class);

  private final Executor pool;
  private final Map<String, Queue<Runnable>> waiting = new HashMap<>();

  public KeyedExecutor(Executor pool) {
    this.pool = pool;
  }

  /** Runs {@code task} after every task submitted before it for {@code key}. */
  public void execute(String key, Runnable task) {
    synchronized (waiting) {
      Queue<Runnable> queue = waiting.get(key);
      if (queue != null) {
        queue.add(task);
        return;
      }
      waiting.put(key, new ArrayDeque<>());
    }
    submit(key, task);
  }

  /** Whether {@code key} has a task running or waiting. */
  public boolean isBusy(String key) {
    synchronized (waiting) {
      return waiting.containsKey(key);
    }
  }

  /** How many keys have a task running or waiting. */
  public int busyKeys() {
    synchronized (waiting) {
      return waiting.size();
    }
  }

  private void submit(String key, Runnable task) {
    try {
      pool.execute(() -> runThenNext(key, task));
    } catch (RuntimeException rejected) {
      synchronized (waiting) {
        waiting.remove(key);
      }
      throw rejected;
    }
  }

  private void runThenNext(String key, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("A task for {} failed: {}", key, e.toString(), e);
    }
    Runnable next;
    synchronized (waiting) {
      next = waiting.get(key).poll();
      if (next == null) {
        waiting.remove(key);
      }
    }
    if (next != null) {
      submit(key, next);
    }
  }
}
