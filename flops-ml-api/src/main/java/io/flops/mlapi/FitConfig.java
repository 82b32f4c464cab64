package io.flops.mlapi;

import java.util.Map;

/**
 * What the aggregator asks of one local training step.
 *
 * @param round the global round number, starting at 1
 * @param localEpochs passes over the local training data
 * @param batchSize the minibatch size the aggregator suggests (0: the model's own choice)
 * @param extra further strategy-specific settings, passed through unchanged
 */
public record FitConfig(int round, int localEpochs, int batchSize, Map<String, String> extra) {

  public FitConfig {
    extra = Map.copyOf(extra);
  }
}
