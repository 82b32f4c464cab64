package io.flops.aggregator.strategy;

import java.util.List;

/**
 * The streaming example-weighted mean of the FedAvg family: each update is folded into {@code Σ
 * nᵢ·xᵢ} (in double precision) and can be forgotten, so a round holds one model-sized sum whatever
 * the number of learners. While every update so far counted no examples, their unweighted sum is
 * kept instead, so that such a round is the plain mean.
 */
final class WeightedSum implements Aggregation {

  private final float[] global;
  private final double[] weighted;
  private double[] unweighted;
  private long examples;
  private int count;

  WeightedSum(float[] global) {
    this.global = global;
    this.weighted = new double[global.length];
  }

  @Override
  public synchronized void add(ClientUpdate update) {
    Coordinates.requireSameLength(global, update);
    float[] values = update.parameters();
    double weight = Math.max(0, update.examples());
    if (weight > 0) {
      Coordinates.inBlocks(
          values.length,
          (from, to) -> {
            for (int i = from; i < to; i++) {
              weighted[i] += weight * values[i];
            }
          });
      unweighted = null;
    } else if (examples == 0) {
      if (unweighted == null) {
        unweighted = new double[global.length];
      }
      double[] plain = unweighted;
      Coordinates.inBlocks(
          values.length,
          (from, to) -> {
            for (int i = from; i < to; i++) {
              plain[i] += values[i];
            }
          });
    }
    examples += (long) weight;
    count++;
  }

  /**
   * Folds {@code updates} in one pass over the sum, block by block (all updates of a block while it
   * is in cache): the same result as {@link #add}ing each, faster when they are all at hand.
   */
  synchronized void addAll(List<ClientUpdate> updates) {
    if (updates.stream().anyMatch(u -> u.examples() <= 0)) {
      updates.forEach(this::add);
      return;
    }
    updates.forEach(update -> Coordinates.requireSameLength(global, update));
    float[][] values = updates.stream().map(ClientUpdate::parameters).toArray(float[][]::new);
    double[] weights = updates.stream().mapToDouble(ClientUpdate::examples).toArray();
    Coordinates.inBlocks(
        global.length,
        (from, to) -> {
          for (int k = 0; k < values.length; k++) {
            float[] update = values[k];
            double weight = weights[k];
            for (int i = from; i < to; i++) {
              weighted[i] += weight * update[i];
            }
          }
        });
    examples += updates.stream().mapToLong(ClientUpdate::examples).sum();
    count += updates.size();
    unweighted = null;
  }

  @Override
  public synchronized float[] result() {
    if (count == 0) {
      throw new IllegalArgumentException("Cannot aggregate a round without any update");
    }
    double[] sum = examples > 0 ? weighted : unweighted;
    double divisor = examples > 0 ? examples : count;
    float[] mean = new float[global.length];
    Coordinates.inBlocks(
        mean.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            mean[i] = (float) (sum[i] / divisor);
          }
        });
    return mean;
  }
}
