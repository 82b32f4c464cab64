package io.flops.common.launch;

import io.flops.common.events.MqttEventPublisher;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every FLOps service is told when it starts (docs/services.md, "Every service").
 *
 * @param projectId the project, or for mock data providers the mock job id; unset: {@value
 *     #DEFAULT_PROJECT_ID}
 * @param mqttUrl the broker, e.g. {@code tcp://127.0.0.1:9027}; empty: events are only logged
 * @param mqttUsername the broker user, empty for an anonymous broker
 * @param mqttPassword that user's password (never logged)
 * @param verbose more detail on the observer stream
 * @param eventKey the project's (or job's) {@link io.flops.common.events.EventSeal} key: the
 *     service seals its events with it and the manager believes no other; empty: unsealed (services
 *     started by hand). Never logged.
 * @param bindHost the address every listener of the service binds to (e.g. {@code 127.0.0.1} for
 *     services run as processes on the manager's host); empty: every interface
 */
public record ServiceLaunch(
    String projectId,
    String mqttUrl,
    String mqttUsername,
    String mqttPassword,
    boolean verbose,
    String eventKey,
    String bindHost) {

  /** The project id of a service started by hand, without {@code FLOPS_PROJECT_ID}. */
  public static final String DEFAULT_PROJECT_ID = "local";

  /** The variables of every service. */
  public enum Variable implements LaunchVariable {
    PROJECT_ID("FLOPS_PROJECT_ID"),
    MQTT_URL("FLOPS_MQTT_URL"),
    MQTT_USERNAME("FLOPS_MQTT_USERNAME"),
    MQTT_PASSWORD("FLOPS_MQTT_PASSWORD"),
    VERBOSE("FLOPS_VERBOSE"),
    EVENT_KEY("FLOPS_EVENT_KEY"),
    BIND_HOST("FLOPS_BIND_HOST");

    private final String envName;

    Variable(String envName) {
      this.envName = envName;
    }

    @Override
    public String envName() {
      return envName;
    }
  }

  public ServiceLaunch {
    projectId = projectId == null || projectId.isBlank() ? DEFAULT_PROJECT_ID : projectId;
    mqttUrl = mqttUrl == null ? "" : mqttUrl.trim();
    mqttUsername = mqttUsername == null ? "" : mqttUsername;
    mqttPassword = mqttPassword == null || mqttUsername.isEmpty() ? "" : mqttPassword;
    eventKey = eventKey == null ? "" : eventKey.trim();
    bindHost = bindHost == null ? "" : bindHost.trim();
  }

  /** Settings whose listeners bind to every interface. */
  public ServiceLaunch(
      String projectId,
      String mqttUrl,
      String mqttUsername,
      String mqttPassword,
      boolean verbose,
      String eventKey) {
    this(projectId, mqttUrl, mqttUsername, mqttPassword, verbose, eventKey, "");
  }

  /** Settings without an event key (unsealed events). */
  public ServiceLaunch(
      String projectId, String mqttUrl, String mqttUsername, String mqttPassword, boolean verbose) {
    this(projectId, mqttUrl, mqttUsername, mqttPassword, verbose, "", "");
  }

  /** The same settings, every listener bound to {@code host}. */
  public ServiceLaunch boundTo(String host) {
    return new ServiceLaunch(
        projectId, mqttUrl, mqttUsername, mqttPassword, verbose, eventKey, host);
  }

  /** The variables, in documentation order. */
  public static List<LaunchVariable> variables() {
    return List.of(Variable.values());
  }

  /** Reads the variables of every service. */
  public static ServiceLaunch fromEnvironment(Map<String, String> environment) {
    LaunchReader read = new LaunchReader(environment);
    return new ServiceLaunch(
        read.text(Variable.PROJECT_ID, DEFAULT_PROJECT_ID),
        read.text(Variable.MQTT_URL, ""),
        read.text(Variable.MQTT_USERNAME, ""),
        read.text(Variable.MQTT_PASSWORD, ""),
        read.flag(Variable.VERBOSE, false),
        read.text(Variable.EVENT_KEY, ""),
        read.text(Variable.BIND_HOST, ""));
  }

  /** These settings as environment variables. */
  public Map<String, String> toEnvironment() {
    return new LaunchWriter()
        .put(Variable.PROJECT_ID, projectId)
        .put(Variable.MQTT_URL, mqttUrl)
        .put(Variable.MQTT_USERNAME, mqttUsername)
        .put(Variable.MQTT_PASSWORD, mqttPassword)
        .put(Variable.VERBOSE, verbose)
        .put(Variable.EVENT_KEY, eventKey)
        .put(Variable.BIND_HOST, bindHost)
        .toMap();
  }

  /**
   * How to publish events as {@code clientId}, with the credentials and the event key when set;
   * empty when no broker is configured (the service then logs its events).
   */
  public Optional<MqttEventPublisher.Settings> mqttPublisher(String clientId) {
    if (mqttUrl.isEmpty()) {
      return Optional.empty();
    }
    MqttEventPublisher.Settings settings = MqttEventPublisher.Settings.of(mqttUrl, clientId);
    if (!eventKey.isEmpty()) {
      settings = settings.withEventKey(eventKey);
    }
    return Optional.of(
        mqttUsername.isEmpty() ? settings : settings.withCredentials(mqttUsername, mqttPassword));
  }

  /** Leaves out the password. */
  @Override
  public String toString() {
    return "ServiceLaunch[projectId="
        + projectId
        + ", mqttUrl="
        + mqttUrl
        + ", mqttUser="
        + (mqttUsername.isEmpty() ? "none" : mqttUsername)
        + ", verbose="
        + verbose
        + (bindHost.isEmpty() ? "" : ", bindHost=" + bindHost)
        + "]";
  }
}
