package io.flops.aggregator.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * The robust strategies (median, trimmed mean, Krum) need every update of a round at once, so they
 * hold {@code learners × parameters × 4} bytes until the round's result. Each refuses, before the
 * round is sent, a round that would hold more than its memory bound, with a sentence that says how
 * much and what to do.
 */
abstract class HeldUpdates implements Strategy {

  /** The bound when none is configured: a quarter of this JVM's maximum heap. */
  static final long DEFAULT_MEMORY_LIMIT = Runtime.getRuntime().maxMemory() / 4;

  private final String name;
  private final long memoryLimit;

  HeldUpdates(String name, long memoryLimit) {
    if (memoryLimit <= 0) {
      throw new IllegalArgumentException(
          name + " needs a positive memory limit, got " + memoryLimit);
    }
    this.name = name;
    this.memoryLimit = memoryLimit;
  }

  /** The new global parameters from all updates of the round (at least one). */
  abstract float[] combine(float[] global, List<ClientUpdate> updates);

  @Override
  public final Aggregation begin(float[] global, int learners) {
    long bytes = (long) learners * global.length * Float.BYTES;
    if (bytes > memoryLimit) {
      throw new RoundTooLargeException(
          String.format(
              "%s keeps every update of a round in memory: %,d learners × %,d parameters need %,d"
                  + " MiB, more than its bound of %,d MiB (flops.aggregator.robust-memory-limit);"
                  + " use fewer learners per round, a FedAvg-family strategy, or raise the bound",
              name, learners, global.length, bytes >> 20, memoryLimit >> 20));
    }
    List<ClientUpdate> updates = new ArrayList<>(learners);
    return new Aggregation() {
      @Override
      public synchronized void add(ClientUpdate update) {
        Coordinates.requireSameLength(global, update);
        updates.add(update);
      }

      @Override
      public synchronized float[] result() {
        if (updates.isEmpty()) {
          throw new IllegalArgumentException("Cannot aggregate a round without any update");
        }
        return combine(global, updates);
      }
    };
  }
}
