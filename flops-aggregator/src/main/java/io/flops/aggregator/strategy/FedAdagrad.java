package io.flops.aggregator.strategy;

/** FedAdagrad: {@code v = v + Δ²}. */
public final class FedAdagrad extends ServerOptimizer {

  public FedAdagrad(OptimizerSettings settings) {
    super(settings);
  }

  @Override
  public String name() {
    return "fedadagrad";
  }

  @Override
  float secondMoment(float v, float deltaSquared, float beta2) {
    return v + deltaSquared;
  }
}
