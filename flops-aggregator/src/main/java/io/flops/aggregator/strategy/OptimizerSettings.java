package io.flops.aggregator.strategy;

/**
 * Settings of the server-side optimizers (FedAdam, FedYogi, FedAdagrad).
 *
 * @param learningRate the server learning rate η
 * @param beta1 the momentum decay β1
 * @param beta2 the second-moment decay β2 (not used by FedAdagrad)
 * @param tau the adaptivity τ added to √v
 */
public record OptimizerSettings(float learningRate, float beta1, float beta2, float tau) {}
