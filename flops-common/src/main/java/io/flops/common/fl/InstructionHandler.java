package io.flops.common.fl;

import java.util.Map;

/**
 * What a learner does with the aggregator's instructions. Implemented by the learner (around the
 * user's model) and by a cluster aggregator (around its own learners).
 */
public interface InstructionHandler {

  /** The fit metric, added to every fit result, with the milliseconds the handler took. */
  String DURATION_METRIC = "duration_ms";

  /** Trains from {@code parameters} as {@code instruction} says and returns the new parameters. */
  FitAnswer fit(float[] parameters, Instruction instruction) throws Exception;

  /** Evaluates {@code parameters}. */
  EvaluateAnswer evaluate(float[] parameters, Instruction instruction) throws Exception;

  /** Called once when the aggregator ends the training (before the stream closes). */
  default void finished(Finished finished) {}

  /**
   * The result of a fit.
   *
   * @param parameters the locally trained parameters
   * @param examples training examples used (the aggregation weight)
   * @param metrics training metrics
   */
  record FitAnswer(float[] parameters, long examples, Map<String, Double> metrics) {}

  /** The result of an evaluation, {@code examples} being its weight. */
  record EvaluateAnswer(double loss, double accuracy, long examples, Map<String, Double> metrics) {}
}
