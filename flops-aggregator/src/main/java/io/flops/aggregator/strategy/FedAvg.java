package io.flops.aggregator.strategy;

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
}
