package io.flops.aggregator.training;

/**
 * An example-weighted evaluation over several learners.
 *
 * @param loss Σ lossᵢ·nᵢ / Σ nᵢ
 * @param accuracy Σ accuracyᵢ·nᵢ / Σ nᵢ
 * @param examples Σ nᵢ
 */
public record Evaluation(double loss, double accuracy, long examples) {}
