package io.flops.aggregator.strategy;

import java.util.List;

/**
 * Trimmed mean: per coordinate, drops the {@code ⌊β·n⌋} smallest and largest values and averages
 * the rest (unweighted). At least one value always remains. Holds every update of a round ({@link
 * HeldUpdates}).
 */
public final class TrimmedMean extends HeldUpdates {

  private final double beta;

  /**
   * @param beta the fraction cut from each end, in [0, 0.5)
   */
  public TrimmedMean(double beta) {
    this(beta, DEFAULT_MEMORY_LIMIT);
  }

  /**
   * @param beta the fraction cut from each end, in [0, 0.5)
   * @param memoryLimit the most bytes of updates a round may hold
   */
  public TrimmedMean(double beta, long memoryLimit) {
    super("fedtrimmedavg", memoryLimit);
    if (beta < 0 || beta >= 0.5) {
      throw new IllegalArgumentException("Trimmed mean needs a fraction in [0, 0.5), got " + beta);
    }
    this.beta = beta;
  }

  @Override
  float[] combine(float[] global, List<ClientUpdate> updates) {
    int n = updates.size();
    int cut = Math.min((int) Math.floor(beta * n), (n - 1) / 2);
    return SortedCoordinates.reduce(
        global,
        updates,
        (sorted, i) -> {
          float sum = 0;
          for (int k = cut; k < n - cut; k++) {
            sum += sorted[k][i];
          }
          return sum / (n - 2 * cut);
        });
  }
}
