package io.flops.aggregator.strategy;

import java.util.stream.IntStream;

/** Runs coordinate-wise work in blocks on all cores, and checks update shapes. */
final class Coordinates {

  private static final int BLOCK = 1 << 15;

  /**
   * Below this many coordinates the work runs on the calling thread: it takes well under a
   * millisecond, less than waking the common pool's workers on a busy machine.
   */
  private static final int PARALLEL_FROM = 1 << 18;

  private Coordinates() {}

  /**
   * Calls {@code work} for consecutive {@code [from, to)} blocks of {@code 0..length}, in parallel
   * from {@link #PARALLEL_FROM} coordinates on.
   */
  static void inBlocks(int length, BlockWork work) {
    if (length < PARALLEL_FROM) {
      work.run(0, length);
      return;
    }
    int blocks = (length + BLOCK - 1) / BLOCK;
    IntStream.range(0, blocks)
        .parallel()
        .forEach(b -> work.run(b * BLOCK, Math.min(length, (b + 1) * BLOCK)));
  }

  /** Fails with a sentence unless {@code update} is as long as {@code global}. */
  static void requireSameLength(float[] global, ClientUpdate update) {
    if (update.parameters().length != global.length) {
      throw new IllegalArgumentException(
          "A learner returned "
              + update.parameters().length
              + " parameters where the model has "
              + global.length);
    }
  }

  /** Work on the coordinates {@code [from, to)}. */
  @FunctionalInterface
  interface BlockWork {
    void run(int from, int to);
  }
}
