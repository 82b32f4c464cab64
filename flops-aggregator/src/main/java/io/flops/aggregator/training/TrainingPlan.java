package io.flops.aggregator.training;

import java.time.Duration;
import java.util.Map;

/**
 * What one aggregator asks of its learners.
 *
 * @param rounds rounds to run (cycles for a root aggregator)
 * @param minAvailable learners to wait for before a round starts
 * @param minFit answers a round's fit needs to count
 * @param minEvaluate answers a round's evaluation needs to count
 * @param localEpochs epochs each learner trains per round
 * @param batchSize minibatch size suggested to the learners (0: the model's own)
 * @param roundTimeout how long a round's fit (and then its evaluation) may take
 * @param joinTimeout how long to wait for {@code minAvailable} learners before going on with fewer
 * @param roundRetries how often a round that fell short only because learners were lost runs again
 * @param chunkBytes size of the parameter chunks sent
 * @param config further settings passed to the learners' models
 */
public record TrainingPlan(
    int rounds,
    int minAvailable,
    int minFit,
    int minEvaluate,
    int localEpochs,
    int batchSize,
    Duration roundTimeout,
    Duration joinTimeout,
    int roundRetries,
    int chunkBytes,
    Map<String, String> config) {

  public TrainingPlan {
    config = Map.copyOf(config);
  }
}
