package io.flops.common.launch;

import io.flops.common.sla.Strategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an aggregator is told when it starts (docs/services.md, "Aggregator").
 *
 * @param service the settings of every service
 * @param role classic, root (over cluster aggregators) or cluster
 * @param training rounds, clients, strategy and timing
 * @param rootAddress cluster role: the root aggregator's {@code host:port}; else empty
 * @param cluster cluster role: the cluster's name; else empty (see {@link #clusterName()})
 * @param tracking where the rounds are tracked
 * @param experiment what the experiment is tagged with
 * @param checkpointDir classic and root roles: the directory the aggregator writes a checkpoint to
 *     after every round and resumes from when restarted; empty: no checkpoints
 * @param tls the aggregator's TLS identity towards its learners (and a cluster aggregator's towards
 *     its root); {@link TlsLaunch#NONE}: plaintext
 */
public record AggregatorLaunch(
    ServiceLaunch service,
    Role role,
    Training training,
    String rootAddress,
    String cluster,
    TrackingLaunch tracking,
    Experiment experiment,
    String checkpointDir,
    TlsLaunch tls) {

  /** The gRPC container port learners connect to. */
  public static final int PORT = 8080;

  /** The cluster name when none is given ({@link #clusterName()}). */
  public static final String DEFAULT_CLUSTER = "cluster";

  /** The aggregator's own variables (it also reads {@link ServiceLaunch} and tracking's). */
  public enum Variable implements LaunchVariable {
    ROLE("FLOPS_AGGREGATOR_ROLE"),
    ROUNDS("FLOPS_AGGREGATOR_ROUNDS"),
    MIN_AVAILABLE_CLIENTS("FLOPS_AGGREGATOR_MIN_AVAILABLE_CLIENTS"),
    MIN_FIT_CLIENTS("FLOPS_AGGREGATOR_MIN_FIT_CLIENTS"),
    MIN_EVALUATE_CLIENTS("FLOPS_AGGREGATOR_MIN_EVALUATE_CLIENTS"),
    STRATEGY("FLOPS_AGGREGATOR_STRATEGY"),
    ROUND_TIMEOUT("FLOPS_AGGREGATOR_ROUND_TIMEOUT"),
    LOCAL_EPOCHS("FLOPS_AGGREGATOR_LOCAL_EPOCHS"),
    ROOT_ADDRESS("FLOPS_AGGREGATOR_ROOT_ADDRESS"),
    CLUSTER("FLOPS_AGGREGATOR_CLUSTER"),
    CUSTOMER_ID("FLOPS_CUSTOMER_ID"),
    REPO_URL("FLOPS_REPO_URL"),
    REPO_COMMIT("FLOPS_REPO_COMMIT"),
    CHECKPOINT_DIR("FLOPS_AGGREGATOR_CHECKPOINT_DIR");

    private final String envName;

    Variable(String envName) {
      this.envName = envName;
    }

    @Override
    public String envName() {
      return envName;
    }
  }

  /** The aggregator roles. */
  public enum Role {
    /** Classic FL: the one aggregator of the learners. */
    CLASSIC,
    /** Hierarchical FL: aggregates the cluster aggregators, one round per cycle. */
    ROOT,
    /** Hierarchical FL: an aggregator to its cluster's learners and a learner to the root. */
    CLUSTER;

    /** The name in {@code FLOPS_AGGREGATOR_ROLE}. */
    public String envValue() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a role in any case. */
    public static Role parse(String text) {
      for (Role role : values()) {
        if (role.envValue().equalsIgnoreCase(text.trim())) {
          return role;
        }
      }
      throw new IllegalArgumentException("use one of classic, root, cluster");
    }
  }

  /**
   * How the training runs.
   *
   * @param rounds training rounds; for the root role, training cycles (default 3)
   * @param minAvailableClients learners to wait for before each round (default 1)
   * @param minFitClients fit answers a round needs (default 1)
   * @param minEvaluateClients evaluation answers a round needs (default 1)
   * @param strategy how updates are aggregated (default fedavg)
   * @param roundTimeout how long a round's fit, then its evaluation, may take (default 10m)
   * @param localEpochs local epochs per round (default 1)
   */
  public record Training(
      int rounds,
      int minAvailableClients,
      int minFitClients,
      int minEvaluateClients,
      Strategy strategy,
      Duration roundTimeout,
      int localEpochs) {

    /** The defaults of a hand-started aggregator. */
    public static final Training DEFAULTS =
        new Training(3, 1, 1, 1, Strategy.FEDAVG, Duration.ofMinutes(10), 1);
  }

  /**
   * Experiment tags.
   *
   * @param customerId the customer
   * @param repoUrl the ML repository
   * @param commit the repository commit the images were built from
   */
  public record Experiment(String customerId, String repoUrl, String commit) {

    public Experiment {
      customerId = customerId == null ? "" : customerId;
      repoUrl = repoUrl == null ? "" : repoUrl;
      commit = commit == null ? "" : commit;
    }
  }

  public AggregatorLaunch {
    rootAddress = rootAddress == null ? "" : rootAddress;
    cluster = cluster == null ? "" : cluster;
    tracking = tracking == null ? TrackingLaunch.NONE : tracking;
    checkpointDir = checkpointDir == null ? "" : checkpointDir;
    tls = tls == null ? TlsLaunch.NONE : tls;
  }

  /** An aggregator that speaks plaintext. */
  public AggregatorLaunch(
      ServiceLaunch service,
      Role role,
      Training training,
      String rootAddress,
      String cluster,
      TrackingLaunch tracking,
      Experiment experiment,
      String checkpointDir) {
    this(
        service,
        role,
        training,
        rootAddress,
        cluster,
        tracking,
        experiment,
        checkpointDir,
        TlsLaunch.NONE);
  }

  /** An aggregator without checkpoints. */
  public AggregatorLaunch(
      ServiceLaunch service,
      Role role,
      Training training,
      String rootAddress,
      String cluster,
      TrackingLaunch tracking,
      Experiment experiment) {
    this(service, role, training, rootAddress, cluster, tracking, experiment, "", TlsLaunch.NONE);
  }

  /** Where checkpoints are written and resumed from; empty when checkpoints are off. */
  public Optional<Path> checkpointDirectory() {
    return checkpointDir.isBlank() ? Optional.empty() : Optional.of(Path.of(checkpointDir));
  }

  /** The aggregator's own variables, in documentation order. */
  public static List<LaunchVariable> variables() {
    return List.of(Variable.values());
  }

  /** Reads an aggregator's settings; unset variables take the documented defaults. */
  public static AggregatorLaunch fromEnvironment(Map<String, String> environment) {
    LaunchReader read = new LaunchReader(environment);
    Training defaults = Training.DEFAULTS;
    Training training =
        new Training(
            read.integer(Variable.ROUNDS, defaults.rounds(), 1),
            read.integer(Variable.MIN_AVAILABLE_CLIENTS, defaults.minAvailableClients(), 1),
            read.integer(Variable.MIN_FIT_CLIENTS, defaults.minFitClients(), 1),
            read.integer(Variable.MIN_EVALUATE_CLIENTS, defaults.minEvaluateClients(), 1),
            read.parsed(Variable.STRATEGY, Strategy::parse, "a strategy")
                .orElse(defaults.strategy()),
            read.duration(Variable.ROUND_TIMEOUT, defaults.roundTimeout()),
            read.integer(Variable.LOCAL_EPOCHS, defaults.localEpochs(), 1));
    return new AggregatorLaunch(
        ServiceLaunch.fromEnvironment(environment),
        read.parsed(Variable.ROLE, Role::parse, "a role").orElse(Role.CLASSIC),
        training,
        read.text(Variable.ROOT_ADDRESS, ""),
        read.text(Variable.CLUSTER, ""),
        TrackingLaunch.fromEnvironment(environment),
        new Experiment(
            read.text(Variable.CUSTOMER_ID, ""),
            read.text(Variable.REPO_URL, ""),
            read.text(Variable.REPO_COMMIT, "")),
        read.text(Variable.CHECKPOINT_DIR, ""),
        TlsLaunch.fromEnvironment(environment));
  }

  /** The cluster's name, {@value #DEFAULT_CLUSTER} when none was given. */
  public String clusterName() {
    return cluster.isBlank() ? DEFAULT_CLUSTER : cluster;
  }

  /** These settings as environment variables. */
  public Map<String, String> toEnvironment() {
    return new LaunchWriter()
        .putAll(service.toEnvironment())
        .put(Variable.ROLE, role.envValue())
        .put(Variable.ROUNDS, training.rounds())
        .put(Variable.MIN_AVAILABLE_CLIENTS, training.minAvailableClients())
        .put(Variable.MIN_FIT_CLIENTS, training.minFitClients())
        .put(Variable.MIN_EVALUATE_CLIENTS, training.minEvaluateClients())
        .put(Variable.STRATEGY, training.strategy().jsonName())
        .put(Variable.ROUND_TIMEOUT, training.roundTimeout())
        .put(Variable.LOCAL_EPOCHS, training.localEpochs())
        .put(Variable.ROOT_ADDRESS, rootAddress)
        .put(Variable.CLUSTER, cluster)
        .putAll(tracking.toEnvironment())
        .put(Variable.CUSTOMER_ID, experiment.customerId())
        .put(Variable.REPO_URL, experiment.repoUrl())
        .put(Variable.REPO_COMMIT, experiment.commit())
        .put(Variable.CHECKPOINT_DIR, checkpointDir)
        .putAll(tls.toEnvironment())
        .toMap();
  }
}
