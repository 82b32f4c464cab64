package io.flops.aggregator.training;

import io.flops.aggregator.server.EvaluationReply;
import io.flops.common.fl.InstructionHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Example-weighted averages of the learners' answers. */
final class Metrics {

  /** The key under which a learner reports how long its local training took. */
  static final String DURATION_MS = InstructionHandler.DURATION_METRIC;

  private Metrics() {}

  static Evaluation weighted(List<EvaluationReply> replies) {
    if (replies.isEmpty()) {
      return new Evaluation(Double.NaN, Double.NaN, 0);
    }
    long examples = replies.stream().mapToLong(EvaluationReply::examples).sum();
    double loss = 0;
    double accuracy = 0;
    for (EvaluationReply reply : replies) {
      double weight = examples > 0 ? (double) reply.examples() / examples : 1.0 / replies.size();
      loss += weight * reply.loss();
      accuracy += weight * reply.accuracy();
    }
    return new Evaluation(loss, accuracy, examples);
  }

  static Map<String, Double> weightedFitMetrics(List<FitSummary> replies) {
    long examples = replies.stream().mapToLong(FitSummary::examples).sum();
    Map<String, Double> sums = new HashMap<>();
    for (FitSummary reply : replies) {
      double weight = examples > 0 ? (double) reply.examples() / examples : 1.0 / replies.size();
      reply.metrics().forEach((key, value) -> sums.merge(key, weight * value, Double::sum));
    }
    sums.remove(DURATION_MS);
    return sums;
  }

  static Duration slowestFit(List<FitSummary> replies) {
    return Duration.ofMillis(
        (long)
            replies.stream()
                .mapToDouble(r -> r.metrics().getOrDefault(DURATION_MS, 0.0))
                .max()
                .orElse(0));
  }
}
