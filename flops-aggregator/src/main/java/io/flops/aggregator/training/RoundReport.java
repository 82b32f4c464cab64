package io.flops.aggregator.training;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What happened in one round.
 *
 * @param round the round number
 * @param loss the example-weighted evaluation loss
 * @param accuracy the example-weighted evaluation accuracy
 * @param fitExamples training examples over all answering learners
 * @param evaluationExamples test examples over all answering learners
 * @param trained the learners whose updates were aggregated
 * @param dropped learners left out of the round, with why
 * @param duration wall time of the round (fit, aggregation and evaluation)
 * @param slowestFit the longest local training time reported by a learner
 * @param fitMetrics the example-weighted training metrics
 * @param bytesExchanged parameter bytes sent to and received from the learners in the round
 */
public record RoundReport(
    int round,
    double loss,
    double accuracy,
    long fitExamples,
    long evaluationExamples,
    List<String> trained,
    Map<String, String> dropped,
    Duration duration,
    Duration slowestFit,
    Map<String, Double> fitMetrics,
    long bytesExchanged) {

  public RoundReport {
    trained = List.copyOf(trained);
    dropped = Map.copyOf(dropped);
    fitMetrics = Map.copyOf(fitMetrics);
  }
}
