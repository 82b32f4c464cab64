package io.flops.aggregator.strategy;

import java.util.List;

/**
 * Turns the learners' updates of one round into the next global parameters. Implementations may
 * keep state across rounds (the server-side optimizers do), so one instance serves one training.
 */
public interface Strategy {

  /**
   * The new global parameters.
   *
   * @param global the parameters the learners started the round from
   * @param updates at least one update, each as long as {@code global}
   */
  float[] aggregate(float[] global, List<ClientUpdate> updates);
}
