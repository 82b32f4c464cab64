package io.flops.aggregator.strategy;

/** FedAdam: {@code v = β2·v + (1−β2)·Δ²}. */
public final class FedAdam extends ServerOptimizer {

  public FedAdam(OptimizerSettings settings) {
    super(settings);
  }

  @Override
  float secondMoment(float v, float deltaSquared, float beta2) {
    return beta2 * v + (1 - beta2) * deltaSquared;
  }
}
