package io.flops.aggregator.training;

import io.flops.aggregator.server.EvaluationReply;
import java.util.Map;
import java.util.Optional;

/**
 * What stays of an accepted fit answer once its parameters are aggregated.
 *
 * @param learner the learner's id
 * @param examples its training examples
 * @param metrics its training metrics
 * @param evaluation its evaluation of the parameters it started from (pipelined rounds)
 */
record FitSummary(
    String learner,
    long examples,
    Map<String, Double> metrics,
    Optional<EvaluationReply> evaluation) {}
