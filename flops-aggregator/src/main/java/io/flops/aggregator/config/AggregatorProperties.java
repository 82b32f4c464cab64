package io.flops.aggregator.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The aggregator's local knobs ({@code flops.aggregator.*}, e.g. {@code
 * FLOPS_AGGREGATOR_HEARTBEAT_INTERVAL}); what the manager tells it is its launch record, {@link
 * io.flops.common.launch.AggregatorLaunch} (docs/services.md).
 *
 * @param joinTimeout how long to wait for min-available-clients before going on with at least
 *     min-fit-clients (a cluster without learners is left out after it)
 * @param roundRetries how often a round runs again when it fell short only because learners'
 *     streams were lost (they reconnect and answer it); 0 fails the training at once
 * @param batchSize minibatch size suggested to the learners; 0 lets the model choose
 * @param port the gRPC port learners connect to
 * @param heartbeatInterval how often heartbeats are exchanged with learners
 * @param livenessTimeout silence after which a learner (or the root) is considered gone
 * @param chunkSize size of parameter chunks on the wire (1–4 MiB)
 * @param updateMemory the most bytes of learner updates held at once, being received or waiting to
 *     be aggregated (0: an eighth of the maximum heap); a learner whose update does not fit waits
 * @param robustMemoryLimit fedmedian, fedtrimmedavg, krum: the most bytes of updates one round may
 *     keep (they keep all of them; 0: a quarter of the maximum heap); a larger round is refused
 * @param serverLearningRate FedAdam/FedYogi/FedAdagrad: the server learning rate
 * @param beta1 FedAdam/FedYogi/FedAdagrad: the momentum decay
 * @param beta2 FedAdam/FedYogi: the second-moment decay
 * @param tau FedAdam/FedYogi/FedAdagrad: the adaptivity added to the root of the second moment
 * @param trimFraction trimmed mean: the fraction cut from each end per coordinate
 * @param byzantineLearners Krum: the number of Byzantine learners to tolerate
 * @param modelDependencies Maven coordinates needed to load the saved model, logged with it; empty
 *     (the default): the repository's resolved dependencies, which the builder wrote into the image
 * @param config further settings passed to the learners' models in every instruction
 */
@Validated
@ConfigurationProperties(prefix = "flops.aggregator")
public record AggregatorProperties(
    @NotNull @DefaultValue("5m") Duration joinTimeout,
    @Min(0) @DefaultValue("2") int roundRetries,
    @Min(0) @DefaultValue("0") int batchSize,
    @Min(0) @DefaultValue("8080") int port,
    @NotNull @DefaultValue("1s") Duration heartbeatInterval,
    @NotNull @DefaultValue("5s") Duration livenessTimeout,
    @NotNull @DefaultValue("1MB") DataSize chunkSize,
    @NotNull @DefaultValue("0") DataSize updateMemory,
    @NotNull @DefaultValue("0") DataSize robustMemoryLimit,
    @DefaultValue("0.1") float serverLearningRate,
    @DefaultValue("0.9") float beta1,
    @DefaultValue("0.99") float beta2,
    @DefaultValue("0.001") float tau,
    @DecimalMax("0.49") @DefaultValue("0.2") double trimFraction,
    @Min(0) @DefaultValue("0") int byzantineLearners,
    @DefaultValue List<String> modelDependencies,
    @DefaultValue Map<String, String> config) {}
