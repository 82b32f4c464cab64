package io.flops.aggregator.server;

import java.util.Map;

/**
 * A learner's answer to a fit instruction.
 *
 * @param learner the learner's id
 * @param parameters its trained parameters
 * @param examples training examples used
 * @param metrics its training metrics ({@code duration_ms} is the time it spent)
 */
public record FitReply(
    String learner, float[] parameters, long examples, Map<String, Double> metrics) {}
