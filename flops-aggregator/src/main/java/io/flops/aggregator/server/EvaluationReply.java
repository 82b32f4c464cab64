package io.flops.aggregator.server;

import io.flops.common.fl.EvaluateResult;
import java.util.Map;

/** A learner's answer to an evaluate instruction. */
public record EvaluationReply(
    String learner, double loss, double accuracy, long examples, Map<String, Double> metrics) {

  /** {@code learner}'s evaluation as it came over the wire. */
  static EvaluationReply of(String learner, EvaluateResult result) {
    return new EvaluationReply(
        learner,
        result.getLoss(),
        result.getAccuracy(),
        result.getExamples(),
        result.getMetricsMap());
  }
}
