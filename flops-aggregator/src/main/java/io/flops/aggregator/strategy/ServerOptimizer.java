package io.flops.aggregator.strategy;

import java.util.List;

/**
 * The adaptive server optimizers of Reddi et al., "Adaptive Federated Optimization" (2021): the
 * example-weighted mean of the updates gives a pseudo-gradient {@code Δ = mean − global}; then
 * {@code m = β1·m + (1−β1)·Δ}, the second moment {@code v} is updated by the subclass, and {@code
 * global + η·m / (√v + τ)} is the new model. {@code m} and {@code v} start at zero and live across
 * rounds.
 */
abstract class ServerOptimizer implements Strategy {

  private final OptimizerSettings settings;
  private float[] m;
  private float[] v;

  ServerOptimizer(OptimizerSettings settings) {
    this.settings = settings;
  }

  /** The new second moment of one coordinate from the old one and {@code Δ²}. */
  abstract float secondMoment(float v, float deltaSquared, float beta2);

  @Override
  public final float[] aggregate(float[] global, List<ClientUpdate> updates) {
    float[] mean = FedAvg.weightedMean(global, updates);
    if (m == null || m.length != global.length) {
      m = new float[global.length];
      v = new float[global.length];
    }
    float beta1 = settings.beta1();
    float beta2 = settings.beta2();
    float eta = settings.learningRate();
    float tau = settings.tau();
    float[] next = new float[global.length];
    Coordinates.inBlocks(
        global.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            float delta = mean[i] - global[i];
            m[i] = beta1 * m[i] + (1 - beta1) * delta;
            v[i] = secondMoment(v[i], delta * delta, beta2);
            next[i] = global[i] + eta * m[i] / ((float) Math.sqrt(v[i]) + tau);
          }
        });
    return next;
  }
}
