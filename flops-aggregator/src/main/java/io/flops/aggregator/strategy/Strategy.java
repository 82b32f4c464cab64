package io.flops.aggregator.strategy;

import java.util.List;
import java.util.Map;

/**
 * Turns the learners' updates of one round into the next global parameters. Implementations may
 * keep state across rounds (the server-side optimizers do), so one instance serves one training;
 * {@link #state} and {@link #restore} carry that state through a checkpoint.
 */
public interface Strategy {

  /**
   * Starts a round from {@code global} for up to {@code learners} updates.
   *
   * @throws RoundTooLargeException when the strategy would have to hold more updates in memory than
   *     it is allowed to (the robust strategies)
   */
  Aggregation begin(float[] global, int learners);

  /**
   * The new global parameters from all {@code updates} at once.
   *
   * @param global the parameters the learners started the round from
   * @param updates at least one update, each as long as {@code global}
   */
  default float[] aggregate(float[] global, List<ClientUpdate> updates) {
    Aggregation aggregation = begin(global, updates.size());
    updates.forEach(aggregation::add);
    return aggregation.result();
  }

  /** The state kept across rounds, by name (empty for stateless strategies). */
  default Map<String, float[]> state() {
    return Map.of();
  }

  /** Takes up a {@link #state} saved by an instance of the same strategy. */
  default void restore(Map<String, float[]> state) {}
}
