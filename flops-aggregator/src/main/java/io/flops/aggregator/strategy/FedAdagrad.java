package io.flops.aggregator.strategy;

/**
 * FedAdagrad: {@code v = v + Δ²}, without momentum ({@code β1} is taken as 0, so {@code m = Δ}), as
 * in Reddi et al. and Flower.
 */
public final class FedAdagrad extends ServerOptimizer {

  public FedAdagrad(OptimizerSettings settings) {
    super(new OptimizerSettings(settings.learningRate(), 0f, settings.beta2(), settings.tau()));
  }

  @Override
  float secondMoment(float v, float deltaSquared, float beta2) {
    return v + deltaSquared;
  }
}
