package io.flops.aggregator.strategy;

import java.util.List;

/**
 * Federated averaging: the mean of the updates weighted by their training examples, folded in as
 * they arrive ({@link WeightedSum}: memory of one model in double precision, whatever the number of
 * learners).
 */
public final class FedAvg implements Strategy {

  @Override
  public Aggregation begin(float[] global, int learners) {
    return new WeightedSum(global);
  }

  /** All updates at hand: folded block by block in one pass ({@link WeightedSum#addAll}). */
  @Override
  public float[] aggregate(float[] global, List<ClientUpdate> updates) {
    WeightedSum sum = new WeightedSum(global);
    sum.addAll(updates);
    return sum.result();
  }
}
