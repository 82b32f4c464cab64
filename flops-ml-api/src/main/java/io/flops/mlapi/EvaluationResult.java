package io.flops.mlapi;

import java.util.Map;

/**
 * The outcome of evaluating the current parameters on local test data.
 *
 * @param loss the mean loss over {@code examples}
 * @param accuracy the fraction of correct predictions, 0 to 1
 * @param examples test examples used (the weight when the aggregator averages)
 * @param metrics further metrics
 */
public record EvaluationResult(
    double loss, double accuracy, long examples, Map<String, Double> metrics) {

  public EvaluationResult {
    metrics = Map.copyOf(metrics);
  }
}
