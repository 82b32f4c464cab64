package io.flops.aggregator.checkpoint;

import java.util.Map;
import java.util.Optional;

/**
 * Where a training stood after a completed round: enough for a restarted aggregator to go on with
 * the next round as if it had never stopped.
 *
 * @param round the last completed round (cycle for a root aggregator)
 * @param global the global parameters after it
 * @param strategyState the strategy's state across rounds (the server optimizers' moments)
 * @param best the best round so far, if any round had a finite accuracy
 */
public record Checkpoint(
    int round, float[] global, Map<String, float[]> strategyState, Optional<Best> best) {

  public Checkpoint {
    strategyState = Map.copyOf(strategyState);
  }

  /**
   * The best round so far.
   *
   * @param round its number
   * @param loss its evaluation loss
   * @param accuracy its evaluation accuracy
   * @param parameters its global parameters
   * @param runId the tracking run it was logged in (empty when not tracked)
   */
  public record Best(int round, double loss, double accuracy, float[] parameters, String runId) {}
}
