package io.flops.aggregator.strategy;

/**
 * One learner's answer to a fit instruction.
 *
 * @param parameters its locally trained parameters
 * @param examples the training examples it used (the weight of example-weighted strategies)
 */
public record ClientUpdate(float[] parameters, long examples) {}
