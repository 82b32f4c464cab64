package io.flops.aggregator.strategy;

/** FedYogi: {@code v = v − (1−β2)·Δ²·sign(v − Δ²)}. */
public final class FedYogi extends ServerOptimizer {

  public FedYogi(OptimizerSettings settings) {
    super(settings);
  }

  @Override
  float secondMoment(float v, float deltaSquared, float beta2) {
    return v - (1 - beta2) * deltaSquared * Math.signum(v - deltaSquared);
  }
}
