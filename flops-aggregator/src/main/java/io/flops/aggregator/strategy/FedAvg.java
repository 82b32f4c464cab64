package io.flops.aggregator.strategy;

import java.util.List;

/** Federated averaging: the mean of the updates weighted by their training examples. */
public final class FedAvg implements Strategy {

  @Override
  public float[] aggregate(float[] global, List<ClientUpdate> updates) {
    return weightedMean(global, updates);
  }

  /** The example-weighted mean of {@code updates} (unweighted when no update counts examples). */
  static float[] weightedMean(float[] global, List<ClientUpdate> updates) {
    Coordinates.requireSameLength(global, updates);
    double total = updates.stream().mapToLong(ClientUpdate::examples).sum();
    double[] weights =
        updates.stream()
            .mapToDouble(u -> total > 0 ? u.examples() / total : 1.0 / updates.size())
            .toArray();
    float[] mean = new float[global.length];
    Coordinates.inBlocks(
        global.length,
        (from, to) -> {
          for (int k = 0; k < weights.length; k++) {
            float[] values = updates.get(k).parameters();
            float weight = (float) weights[k];
            for (int i = from; i < to; i++) {
              mean[i] += weight * values[i];
            }
          }
        });
    return mean;
  }
}
