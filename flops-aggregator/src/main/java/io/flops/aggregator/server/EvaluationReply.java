package io.flops.aggregator.server;

import java.util.Map;

/** A learner's answer to an evaluate instruction. */
public record EvaluationReply(
    String learner, double loss, double accuracy, long examples, Map<String, Double> metrics) {}
