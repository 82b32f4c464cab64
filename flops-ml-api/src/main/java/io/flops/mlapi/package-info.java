/**
 * The contract a user's ML repository implements so that FLOps can train it federatedly.
 *
 * <p>A repository is a Maven project that depends on {@code io.flops:flops-ml-api} with scope
 * {@code provided} and registers one {@link io.flops.mlapi.ModelManager} and one {@link
 * io.flops.mlapi.DataManager} for {@link java.util.ServiceLoader} in {@code
 * META-INF/services/io.flops.mlapi.ModelManager} and {@code
 * META-INF/services/io.flops.mlapi.DataManager}.
 *
 * <p>A learner does: {@code data = dataManager.prepare(localData)}, then for each instruction of
 * its aggregator {@code setParameters}, {@code fit(data, config)} or {@code evaluate(data)}, and
 * {@code getParameters}. The aggregator creates the {@code ModelManager} without any data: it only
 * reads the initial parameters, sets aggregated ones and saves the best model.
 */
package io.flops.mlapi;
