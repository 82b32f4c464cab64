package io.flops.cli.evaluate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads a {@link ResourceSampler} at a fixed interval on its own thread while one run lasts and
 * keeps a {@link ResourceSample} per interval. A failed reading is skipped and remembered.
 */
final class SamplingLoop implements AutoCloseable {

  private final ResourceSampler sampler;
  private final ScheduledExecutorService timer;
  private final List<ResourceSample> samples = new ArrayList<>();
  private ResourceReading previous;
  private String lastError;

  private SamplingLoop(ResourceSampler sampler) {
    this.sampler = sampler;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "flops-evaluate-sampler");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts reading {@code sampler} every {@code interval}, beginning now; with a null sampler
   * nothing is read and no sample kept.
   */
  static SamplingLoop start(ResourceSampler sampler, Duration interval) {
    SamplingLoop loop = new SamplingLoop(sampler);
    if (sampler != null) {
      loop.timer.scheduleAtFixedRate(loop::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
    return loop;
  }

  /** The samples so far. */
  synchronized List<ResourceSample> samples() {
    return List.copyOf(samples);
  }

  /** The last reading that failed, or null. */
  synchronized String lastError() {
    return lastError;
  }

  /** Stops sampling (waits for a reading in progress). */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sample() {
    ResourceReading current;
    try {
      current = sampler.read();
    } catch (RuntimeException e) {
      synchronized (this) {
        lastError = e.getMessage();
      }
      return;
    }
    synchronized (this) {
      if (previous != null) {
        samples.add(ResourceSample.between(previous, current));
      }
      previous = current;
    }
  }
}
