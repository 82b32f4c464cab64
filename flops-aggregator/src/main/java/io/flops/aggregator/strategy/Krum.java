package io.flops.aggregator.strategy;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Krum (Blanchard et al., 2017): picks the one update whose summed squared distance to its {@code n
 * − f − 2} nearest other updates is smallest, {@code f} being the number of Byzantine learners to
 * tolerate. With fewer updates than that needs, the nearest one other update is used. Holds every
 * update of a round ({@link HeldUpdates}) and an {@code n × n} distance matrix.
 */
public final class Krum extends HeldUpdates {

  private final int byzantine;

  /**
   * @param byzantine the number {@code f} of faulty learners to tolerate, 0 or more
   */
  public Krum(int byzantine) {
    this(byzantine, DEFAULT_MEMORY_LIMIT);
  }

  /**
   * @param byzantine the number {@code f} of faulty learners to tolerate, 0 or more
   * @param memoryLimit the most bytes of updates a round may hold
   */
  public Krum(int byzantine, long memoryLimit) {
    super("krum", memoryLimit);
    if (byzantine < 0) {
      throw new IllegalArgumentException(
          "Krum needs 0 or more Byzantine learners, got " + byzantine);
    }
    this.byzantine = byzantine;
  }

  @Override
  float[] combine(float[] global, List<ClientUpdate> updates) {
    int n = updates.size();
    if (n == 1) {
      return updates.get(0).parameters().clone();
    }
    double[][] distances = distances(updates);
    int neighbours = Math.max(1, Math.min(n - 1, n - byzantine - 2));
    int best = 0;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      int self = i;
      double score =
          IntStream.range(0, n)
              .filter(j -> j != self)
              .mapToDouble(j -> distances[self][j])
              .sorted()
              .limit(neighbours)
              .sum();
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return updates.get(best).parameters().clone();
  }

  private static double[][] distances(List<ClientUpdate> updates) {
    int n = updates.size();
    double[][] distances = new double[n][n];
    IntStream.range(0, n * n)
        .parallel()
        .filter(pair -> pair / n < pair % n)
        .forEach(
            pair -> {
              int i = pair / n;
              int j = pair % n;
              double d = squaredDistance(updates.get(i).parameters(), updates.get(j).parameters());
              distances[i][j] = d;
              distances[j][i] = d;
            });
    return distances;
  }

  private static double squaredDistance(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return sum;
  }
}
