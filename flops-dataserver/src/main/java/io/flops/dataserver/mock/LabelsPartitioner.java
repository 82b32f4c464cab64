package io.flops.dataserver.mock;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Non-IID by label: each partition holds only {@code k} classes ("k labels per learner"). Classes
 * are dealt in a seeded order so that every class goes to at least one partition; a class held by
 * several partitions is shared equally among them.
 */
public final class LabelsPartitioner implements Partitioner {

  private final int labelsPerPartition;

  public LabelsPartitioner(int labelsPerPartition) {
    if (labelsPerPartition < 1) {
      throw new IllegalArgumentException(
          "FLOPS_MOCK_LABELS_PER_PARTITION must be at least 1, was " + labelsPerPartition);
    }
    this.labelsPerPartition = labelsPerPartition;
  }

  @Override
  public double[][] shares(int partitions, int classes, RandomGenerator random) {
    int k = labelsPerPartition;
    if (k > classes || (long) partitions * k < classes) {
      throw new IllegalArgumentException(
          "The labels partitioner with "
              + partitions
              + " partitions x "
              + k
              + " labels cannot hold each of the "
              + classes
              + " classes exactly: set"
              + " FLOPS_MOCK_LABELS_PER_PARTITION between "
              + ceilDiv(classes, partitions)
              + " and "
              + classes);
    }
    int[] order = shuffled(classes, random);
    boolean[][] holds = new boolean[partitions][classes];
    int[] holders = new int[classes];
    for (int p = 0; p < partitions; p++) {
      for (int j = 0; j < k; j++) {
        int c = order[(p * k + j) % classes];
        holds[p][c] = true;
        holders[c]++;
      }
    }
    double[][] shares = new double[partitions][classes];
    for (int p = 0; p < partitions; p++) {
      for (int c = 0; c < classes; c++) {
        shares[p][c] = holds[p][c] ? 1.0 / holders[c] : 0;
      }
    }
    return shares;
  }

  private static int[] shuffled(int n, RandomGenerator random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  @Override
  public String toString() {
    return "labels(k=" + labelsPerPartition + ")";
  }
}
