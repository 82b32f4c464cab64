package io.flops.manager.project;

/**
 * What training produced, from the aggregator's success event.
 *
 * @param accuracy the best round's accuracy, or null
 * @param loss the best round's loss, or null
 * @param experimentId the tracking experiment, or null
 * @param runId the tracking run holding the model, or null
 * @param modelUri the logged model's URI, or null
 */
public record TrainingResults(
    Double accuracy, Double loss, String experimentId, String runId, String modelUri) {}
