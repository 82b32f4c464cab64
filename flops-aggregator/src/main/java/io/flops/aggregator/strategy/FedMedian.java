package io.flops.aggregator.strategy;

import java.util.List;

/**
 * FedMedian: the coordinate-wise median of the updates (unweighted; the mean of the two middle
 * values for an even count). Robust to a minority of outlying learners. Holds every update of a
 * round ({@link HeldUpdates}).
 */
public final class FedMedian extends HeldUpdates {

  public FedMedian() {
    this(DEFAULT_MEMORY_LIMIT);
  }

  /**
   * @param memoryLimit the most bytes of updates a round may hold
   */
  public FedMedian(long memoryLimit) {
    super("fedmedian", memoryLimit);
  }

  @Override
  float[] combine(float[] global, List<ClientUpdate> updates) {
    return SortedCoordinates.reduce(
        global,
        updates,
        (sorted, i) -> {
          int n = sorted.length;
          return n % 2 == 1 ? sorted[n / 2][i] : (sorted[n / 2 - 1][i] + sorted[n / 2][i]) / 2;
        });
  }
}
