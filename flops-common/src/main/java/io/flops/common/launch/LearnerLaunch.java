package io.flops.common.launch;

import java.util.List;
import java.util.Map;

/**
 * What a learner is told when it starts (docs/services.md, "Learner").
 *
 * @param service the settings of every service
 * @param aggregatorAddress the aggregator's {@code host:port} (default {@value
 *     #DEFAULT_AGGREGATOR_ADDRESS})
 * @param dataTags the data tags to train on
 * @param name the learner's name in events and logs (default {@value #DEFAULT_NAME}); each instance
 *     appends its {@link #instance()} or host name
 * @param dataServer the node's data server {@code host:port} (the manager sets it per instance when
 *     it knows the node), or null: {@link #DEFAULT_DATA_SERVER}
 * @param instance the instance index the orchestrator adds ({@link InstanceVariable#INSTANCE}), or
 *     null
 * @param tls the learner's TLS identity towards its aggregator ({@link TlsLaunch#NONE}: plaintext)
 * @param dataToken the data servers' reader token, sent with every read; empty: none
 */
public record LearnerLaunch(
    ServiceLaunch service,
    String aggregatorAddress,
    List<String> dataTags,
    String name,
    String dataServer,
    Integer instance,
    TlsLaunch tls,
    String dataToken) {

  /** The aggregator of a hand-started learner. */
  public static final String DEFAULT_AGGREGATOR_ADDRESS = "127.0.0.1:" + AggregatorLaunch.PORT;

  /** The data server of a learner no orchestrator told otherwise. */
  public static final String DEFAULT_DATA_SERVER = "127.0.0.1:" + DataServerLaunch.FLIGHT_PORT;

  /** The name of a hand-started learner. */
  public static final String DEFAULT_NAME = "learner";

  /**
   * The learner's own variables (it also reads {@link ServiceLaunch}'s and {@link TlsLaunch}'s).
   */
  public enum Variable implements LaunchVariable {
    AGGREGATOR_ADDRESS("FLOPS_LEARNER_AGGREGATOR_ADDRESS"),
    DATA_TAGS("FLOPS_LEARNER_DATA_TAGS"),
    NAME("FLOPS_LEARNER_NAME"),
    /** The data server of the learner's node, set per instance by the manager. */
    DATA_SERVER("FLOPS_LEARNER_DATA_SERVER"),
    /** The data servers' reader token. */
    DATA_TOKEN("FLOPS_LEARNER_DATA_TOKEN");

    private final String envName;

    Variable(String envName) {
      this.envName = envName;
    }

    @Override
    public String envName() {
      return envName;
    }
  }

  public LearnerLaunch {
    dataTags = List.copyOf(dataTags);
    tls = tls == null ? TlsLaunch.NONE : tls;
    dataToken = dataToken == null ? "" : dataToken;
  }

  /** A learner that speaks plaintext. */
  public LearnerLaunch(
      ServiceLaunch service,
      String aggregatorAddress,
      List<String> dataTags,
      String name,
      String dataServer,
      Integer instance) {
    this(service, aggregatorAddress, dataTags, name, dataServer, instance, TlsLaunch.NONE, "");
  }

  /** The learner's own variables, in documentation order. */
  public static List<LaunchVariable> variables() {
    return List.of(Variable.values());
  }

  /** Reads a learner's settings; unset variables take the documented defaults. */
  public static LearnerLaunch fromEnvironment(Map<String, String> environment) {
    LaunchReader read = new LaunchReader(environment);
    return new LearnerLaunch(
        ServiceLaunch.fromEnvironment(environment),
        read.text(Variable.AGGREGATOR_ADDRESS, DEFAULT_AGGREGATOR_ADDRESS),
        read.list(Variable.DATA_TAGS),
        read.text(Variable.NAME, DEFAULT_NAME),
        read.text(Variable.DATA_SERVER).orElse(null),
        read.optionalInteger(InstanceVariable.INSTANCE),
        TlsLaunch.fromEnvironment(environment),
        read.text(Variable.DATA_TOKEN, ""));
  }

  /** These settings as environment variables. */
  public Map<String, String> toEnvironment() {
    return new LaunchWriter()
        .putAll(service.toEnvironment())
        .put(Variable.AGGREGATOR_ADDRESS, aggregatorAddress)
        .put(Variable.DATA_TAGS, dataTags)
        .put(Variable.NAME, name)
        .put(Variable.DATA_SERVER, dataServer)
        .put(InstanceVariable.INSTANCE, instance)
        .put(Variable.DATA_TOKEN, dataToken)
        .putAll(tls.toEnvironment())
        .toMap();
  }

  /** The data server to read from: the one given, else {@link #DEFAULT_DATA_SERVER}. */
  public String dataServerAddress() {
    return dataServer == null ? DEFAULT_DATA_SERVER : dataServer;
  }

  /**
   * The name of this instance: {@link #name} plus the orchestrator's instance index or, without
   * one, {@code hostname}, so that the instances of one learner service tell apart in events.
   */
  public String instanceName(String hostname) {
    if (instance != null) {
      return name + "-" + instance;
    }
    return hostname == null || hostname.isBlank() ? name : name + "-" + hostname;
  }

  /** Leaves out the data token (and, through {@link TlsLaunch}, the private key). */
  @Override
  public String toString() {
    return "LearnerLaunch[service="
        + service
        + ", aggregator="
        + aggregatorAddress
        + ", dataTags="
        + dataTags
        + ", name="
        + name
        + ", dataServer="
        + dataServer
        + ", instance="
        + instance
        + ", tls="
        + tls
        + "]";
  }
}
