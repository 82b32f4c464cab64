package io.flops.aggregator.role;

import io.flops.aggregator.strategy.Strategies.StrategySettings;
import io.flops.aggregator.training.TrainingPlan;
import io.flops.common.fl.FlAccess;
import io.flops.common.launch.AggregatorLaunch.Role;
import io.flops.common.sla.Strategy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything an aggregator needs to run, independent of how it was configured.
 *
 * @param projectId the FLOps project
 * @param role classic, root or cluster
 * @param plan rounds (cycles for a root) and their limits
 * @param strategy how the learners' updates are combined
 * @param strategySettings settings of the strategies that have any
 * @param port the gRPC port learners connect to (0: any free port)
 * @param heartbeatInterval how often heartbeats are exchanged
 * @param livenessTimeout silence after which a learner (or the root) is considered gone
 * @param cluster for the cluster role: the cluster's name
 * @param rootAddress for the cluster role: the root aggregator's {@code host:port}
 * @param customerId, repoUrl, commit experiment tags
 * @param modelDependencies Maven coordinates needed to load the saved model (logged with it)
 * @param updateMemory the most bytes of learner updates held at once (see {@code UpdateMemory})
 * @param checkpointDir classic and root roles: where a checkpoint is written after every round and
 *     resumed from
 * @param bindHost the address learners' connections are accepted on; empty: every interface
 * @param access who may join: learners (and cluster aggregators) of this project only, and what a
 *     cluster aggregator presents to its root
 */
public record AggregatorSettings(
    String projectId,
    Role role,
    TrainingPlan plan,
    Strategy strategy,
    StrategySettings strategySettings,
    int port,
    Duration heartbeatInterval,
    Duration livenessTimeout,
    String cluster,
    String rootAddress,
    String customerId,
    String repoUrl,
    String commit,
    List<String> modelDependencies,
    long updateMemory,
    Optional<Path> checkpointDir,
    String bindHost,
    FlAccess access) {

  public AggregatorSettings {
    modelDependencies = List.copyOf(modelDependencies);
    bindHost = bindHost == null ? "" : bindHost.trim();
    access = access == null ? FlAccess.OPEN : access;
  }

  /** Where learners connect: {@code bindHost:port}, or {@code port} of every interface. */
  public InetSocketAddress listenAddress() {
    return bindHost.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(bindHost, port);
  }

  /**
   * Settings with the default update memory, without checkpoints, on every interface and admitting
   * every learner (tests and benchmarks).
   */
  public AggregatorSettings(
      String projectId,
      Role role,
      TrainingPlan plan,
      Strategy strategy,
      StrategySettings strategySettings,
      int port,
      Duration heartbeatInterval,
      Duration livenessTimeout,
      String cluster,
      String rootAddress,
      String customerId,
      String repoUrl,
      String commit,
      List<String> modelDependencies) {
    this(
        projectId,
        role,
        plan,
        strategy,
        strategySettings,
        port,
        heartbeatInterval,
        livenessTimeout,
        cluster,
        rootAddress,
        customerId,
        repoUrl,
        commit,
        modelDependencies,
        io.flops.aggregator.server.UpdateMemory.DEFAULT_CAPACITY,
        Optional.empty(),
        "",
        FlAccess.OPEN);
  }

  /** These settings with checkpoints in {@code directory}. */
  public AggregatorSettings withCheckpoints(Path directory) {
    return new AggregatorSettings(
        projectId,
        role,
        plan,
        strategy,
        strategySettings,
        port,
        heartbeatInterval,
        livenessTimeout,
        cluster,
        rootAddress,
        customerId,
        repoUrl,
        commit,
        modelDependencies,
        updateMemory,
        Optional.of(directory),
        bindHost,
        access);
  }
}
