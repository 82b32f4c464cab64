package io.flops.aggregator.server;

import java.util.Map;
import java.util.Optional;

/**
 * A learner's answer to a fit instruction.
 *
 * @param learner the learner's id
 * @param parameters its trained parameters
 * @param examples training examples used
 * @param metrics its training metrics ({@code duration_ms} is the time it spent)
 * @param evaluation its evaluation of the received parameters, when the fit asked for it first
 * @param heldBytes the bytes of {@link UpdateMemory} this update holds until {@link
 *     LearnerPool#release} is called with it
 */
public record FitReply(
    String learner,
    float[] parameters,
    long examples,
    Map<String, Double> metrics,
    Optional<EvaluationReply> evaluation,
    long heldBytes) {}
