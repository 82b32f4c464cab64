package io.flops.mlapi;

import java.util.Map;

/**
 * The outcome of one local training step.
 *
 * @param examples training examples used (the FedAvg weight)
 * @param metrics training metrics such as {@code loss}
 */
public record FitResult(long examples, Map<String, Double> metrics) {

  public FitResult {
    metrics = Map.copyOf(metrics);
  }
}
