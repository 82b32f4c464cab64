package io.flops.dataserver.mock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Which rows of the training and test splits each partition receives: disjoint, and together every
 * row (except classes a partitioner gives to no one, which it refuses). Seeded, so runs repeat.
 *
 * @param train {@code train[p]}: ascending row indices of the training split for partition p
 * @param test {@code test[p]}: ascending row indices of the test split for partition p
 */
public record PartitionPlan(int[][] train, int[][] test) {

  private static final int ATTEMPTS = 100;

  /**
   * Plans {@code partitions} partitions; redraws (up to 100 times, from the same seeded stream)
   * until every partition has at least {@code minTrainRows} training rows.
   *
   * @throws IllegalArgumentException when no draw gives every partition enough rows
   */
  public static PartitionPlan of(
      LabeledSplits data, Partitioner partitioner, int partitions, long seed, int minTrainRows) {
    RandomGenerator random = new Well19937c(seed);
    int classes = data.train().classes();
    int[] trainLabels = data.train().labels();
    int[] testLabels = data.test().labels();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      double[][] shares = partitioner.shares(partitions, classes, random);
      int[][] train = assign(trainLabels, classes, shares, random);
      if (Arrays.stream(train).allMatch(rows -> rows.length >= minTrainRows)) {
        return new PartitionPlan(train, assign(testLabels, classes, shares, random));
      }
    }
    throw new IllegalArgumentException(
        "The "
            + partitioner
            + " partitioner left a partition with fewer than "
            + minTrainRows
            + " training rows in "
            + ATTEMPTS
            + " draws; use fewer partitions or a larger"
            + " FLOPS_MOCK_ALPHA");
  }

  /** Splits each class's rows (shuffled) into consecutive runs sized by the shares. */
  static int[][] assign(int[] labels, int classes, double[][] shares, RandomGenerator random) {
    List<List<Integer>> byPartition = new ArrayList<>();
    for (int p = 0; p < shares.length; p++) {
      byPartition.add(new ArrayList<>());
    }
    for (int c = 0; c < classes; c++) {
      int[] rows = shuffledRowsOf(labels, c, random);
      int[] counts = counts(rows.length, shares, c);
      int next = 0;
      for (int p = 0; p < shares.length; p++) {
        for (int i = 0; i < counts[p]; i++) {
          byPartition.get(p).add(rows[next++]);
        }
      }
    }
    return byPartition.stream()
        .map(rows -> rows.stream().mapToInt(Integer::intValue).sorted().toArray())
        .toArray(int[][]::new);
  }

  /** Largest-remainder rounding of {@code total * share}, so the counts sum to {@code total}. */
  private static int[] counts(int total, double[][] shares, int c) {
    int[] counts = new int[shares.length];
    double[] remainders = new double[shares.length];
    int assigned = 0;
    for (int p = 0; p < shares.length; p++) {
      double exact = total * shares[p][c];
      counts[p] = (int) Math.floor(exact);
      remainders[p] = exact - counts[p];
      assigned += counts[p];
    }
    for (; assigned < total; assigned++) {
      int best = 0;
      for (int p = 1; p < shares.length; p++) {
        if (remainders[p] > remainders[best]) {
          best = p;
        }
      }
      counts[best]++;
      remainders[best] = -1;
    }
    return counts;
  }

  private static int[] shuffledRowsOf(int[] labels, int c, RandomGenerator random) {
    int[] rows =
        java.util.stream.IntStream.range(0, labels.length)
            .filter(row -> labels[row] == c)
            .toArray();
    for (int i = rows.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = rows[i];
      rows[i] = rows[j];
      rows[j] = swap;
    }
    return rows;
  }
}
