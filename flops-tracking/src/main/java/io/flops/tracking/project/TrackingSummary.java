package io.flops.tracking.project;

/**
 * What a project's status shows about its tracking once training finished.
 *
 * @param experimentId the project's MLflow experiment
 * @param bestRound the round whose model was logged
 * @param bestRunId the run of that round, holding the model
 * @param modelUri the model's URI ({@code runs:/<run id>/model}), for the trained-model builder
 * @param location where users look: the server URL or the file store's directory
 */
public record TrackingSummary(
    String experimentId, int bestRound, String bestRunId, String modelUri, String location) {}
