package io.flops.aggregator.strategy;

import java.util.List;
import java.util.Map;

/**
 * The adaptive server optimizers of Reddi et al., "Adaptive Federated Optimization" (2021): the
 * example-weighted mean of the updates gives a pseudo-gradient {@code Δ = mean − global}; then
 * {@code m = β1·m + (1−β1)·Δ}, the second moment {@code v} is updated by the subclass, and {@code
 * global + η·m / (√v + τ)} is the new model. {@code m} and {@code v} start at zero and live across
 * rounds. The mean streams ({@link WeightedSum}), so memory is that sum plus {@code m} and {@code
 * v}: a few models' worth, whatever the number of learners.
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
  public final Aggregation begin(float[] global, int learners) {
    WeightedSum mean = new WeightedSum(global);
    return new Aggregation() {
      @Override
      public void add(ClientUpdate update) {
        mean.add(update);
      }

      @Override
      public float[] result() {
        return step(global, mean.result());
      }
    };
  }

  /** All updates at hand: the mean folded block by block in one pass, then one optimizer step. */
  @Override
  public final float[] aggregate(float[] global, List<ClientUpdate> updates) {
    WeightedSum mean = new WeightedSum(global);
    mean.addAll(updates);
    return step(global, mean.result());
  }

  @Override
  public synchronized Map<String, float[]> state() {
    return m == null ? Map.of() : Map.of("m", m.clone(), "v", v.clone());
  }

  @Override
  public synchronized void restore(Map<String, float[]> state) {
    if (state.containsKey("m") && state.containsKey("v")) {
      m = state.get("m").clone();
      v = state.get("v").clone();
    }
  }

  private synchronized float[] step(float[] global, float[] mean) {
    if (m == null || m.length != global.length) {
      m = new float[global.length];
      v = new float[global.length];
    }
    float beta1 = settings.beta1();
    float beta2 = settings.beta2();
    float eta = settings.learningRate();
    float tau = settings.tau();
    float[] next = new float[global.length];
    float[] moment = m;
    float[] second = v;
    Coordinates.inBlocks(
        global.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            float delta = mean[i] - global[i];
            moment[i] = beta1 * moment[i] + (1 - beta1) * delta;
            second[i] = secondMoment(second[i], delta * delta, beta2);
            next[i] = global[i] + eta * moment[i] / ((float) Math.sqrt(second[i]) + tau);
          }
        });
    return next;
  }
}
