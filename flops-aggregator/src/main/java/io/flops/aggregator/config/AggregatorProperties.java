package io.flops.aggregator.config;

import io.flops.aggregator.role.AggregatorSettings.Role;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every knob of the aggregator ({@code FLOPS_AGGREGATOR_*}, see docs/services.md).
 *
 * @param role classic, root (hierarchical FL, over cluster aggregators) or cluster
 * @param rounds training rounds; for the root role, training cycles
 * @param minAvailableClients learners to wait for before each round
 * @param minFitClients fit answers a round needs
 * @param minEvaluateClients evaluation answers a round needs
 * @param strategy fedavg, fedadam, fedyogi, fedadagrad, fedmedian, trimmedmean or krum
 * @param roundTimeout how long a round's fit, and then its evaluation, may take before stragglers
 *     are left out
 * @param joinTimeout how long to wait for min-available-clients before going on with at least
 *     min-fit-clients (a cluster without learners is left out after it)
 * @param localEpochs local epochs per round
 * @param batchSize minibatch size suggested to the learners; 0 lets the model choose
 * @param port the gRPC port learners connect to
 * @param heartbeatInterval how often heartbeats are exchanged with learners
 * @param livenessTimeout silence after which a learner (or the root) is considered gone
 * @param chunkSize size of parameter chunks on the wire (1–4 MiB)
 * @param rootAddress cluster role: the root aggregator's host:port
 * @param cluster cluster role: this cluster's name
 * @param serverLearningRate FedAdam/FedYogi/FedAdagrad: the server learning rate
 * @param beta1 FedAdam/FedYogi/FedAdagrad: the momentum decay
 * @param beta2 FedAdam/FedYogi: the second-moment decay
 * @param tau FedAdam/FedYogi/FedAdagrad: the adaptivity added to the root of the second moment
 * @param trimFraction trimmed mean: the fraction cut from each end per coordinate
 * @param byzantineLearners Krum: the number of Byzantine learners to tolerate
 * @param modelDependencies Maven coordinates needed to load the saved model, logged with it
 * @param config further settings passed to the learners' models in every instruction
 */
@Validated
@ConfigurationProperties(prefix = "flops.aggregator")
public record AggregatorProperties(
    @NotNull @DefaultValue("classic") Role role,
    @Min(1) @DefaultValue("3") int rounds,
    @Min(1) @DefaultValue("1") int minAvailableClients,
    @Min(1) @DefaultValue("1") int minFitClients,
    @Min(1) @DefaultValue("1") int minEvaluateClients,
    @NotBlank @DefaultValue("fedavg") String strategy,
    @NotNull @DefaultValue("10m") Duration roundTimeout,
    @NotNull @DefaultValue("5m") Duration joinTimeout,
    @Min(1) @DefaultValue("1") int localEpochs,
    @Min(0) @DefaultValue("0") int batchSize,
    @Min(0) @DefaultValue("8080") int port,
    @NotNull @DefaultValue("1s") Duration heartbeatInterval,
    @NotNull @DefaultValue("5s") Duration livenessTimeout,
    @NotNull @DefaultValue("1MB") DataSize chunkSize,
    @DefaultValue("") String rootAddress,
    @DefaultValue("cluster") String cluster,
    @DefaultValue("0.1") float serverLearningRate,
    @DefaultValue("0.9") float beta1,
    @DefaultValue("0.99") float beta2,
    @DefaultValue("0.001") float tau,
    @DecimalMax("0.49") @DefaultValue("0.2") double trimFraction,
    @Min(0) @DefaultValue("0") int byzantineLearners,
    @DefaultValue List<String> modelDependencies,
    @DefaultValue Map<String, String> config) {}
