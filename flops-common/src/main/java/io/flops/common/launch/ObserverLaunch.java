package io.flops.common.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a project observer is told when it starts (docs/services.md, "Observer"). It needs {@code
 * FLOPS_PROJECT_ID}; without {@code FLOPS_MQTT_URL} it listens on {@value #DEFAULT_MQTT_URL}.
 *
 * @param service the settings of every service
 * @param storageDir where the event log file is kept (default {@code .flops-observer})
 * @param trackingUrl the tracking server's web UI, linked from the page; empty: no link
 * @param readToken the bearer token every {@code /api/**} request needs (the project's owner gets
 *     it in the observer URL); empty: open to every caller
 * @param tls the observer's certificate for HTTPS ({@link TlsLaunch#NONE}: plain HTTP)
 */
public record ObserverLaunch(
    ServiceLaunch service, Path storageDir, String trackingUrl, String readToken, TlsLaunch tls) {

  /** The HTTP container port. */
  public static final int PORT = 2727;

  /** The broker of an observer started without {@code FLOPS_MQTT_URL}. */
  public static final String DEFAULT_MQTT_URL = "tcp://127.0.0.1:9027";

  /** The storage directory of an observer started without one. */
  public static final Path DEFAULT_STORAGE_DIR = Path.of(".flops-observer");

  /**
   * The observer's own variables (it also reads {@link ServiceLaunch}'s and {@link TlsLaunch}'s).
   */
  public enum Variable implements LaunchVariable {
    STORAGE_DIR("FLOPS_OBSERVER_STORAGE_DIR"),
    TRACKING_URL("FLOPS_OBSERVER_TRACKING_URL"),
    READ_TOKEN("FLOPS_OBSERVER_READ_TOKEN");

    private final String envName;

    Variable(String envName) {
      this.envName = envName;
    }

    @Override
    public String envName() {
      return envName;
    }
  }

  public ObserverLaunch {
    trackingUrl = trackingUrl == null ? "" : trackingUrl;
    readToken = readToken == null ? "" : readToken;
    tls = tls == null ? TlsLaunch.NONE : tls;
  }

  /** An observer over plain HTTP. */
  public ObserverLaunch(
      ServiceLaunch service, Path storageDir, String trackingUrl, String readToken) {
    this(service, storageDir, trackingUrl, readToken, TlsLaunch.NONE);
  }

  /** An observer open to every caller. */
  public ObserverLaunch(ServiceLaunch service, Path storageDir, String trackingUrl) {
    this(service, storageDir, trackingUrl, "");
  }

  /** The observer's own variables, in documentation order. */
  public static List<LaunchVariable> variables() {
    return List.of(Variable.values());
  }

  /** Reads an observer's settings; {@code FLOPS_PROJECT_ID} is required. */
  public static ObserverLaunch fromEnvironment(Map<String, String> environment) {
    LaunchReader read = new LaunchReader(environment);
    read.required(ServiceLaunch.Variable.PROJECT_ID);
    ServiceLaunch service = ServiceLaunch.fromEnvironment(environment);
    if (service.mqttUrl().isEmpty()) {
      service =
          new ServiceLaunch(
              service.projectId(),
              DEFAULT_MQTT_URL,
              service.mqttUsername(),
              service.mqttPassword(),
              service.verbose(),
              service.eventKey(),
              service.bindHost());
    }
    return new ObserverLaunch(
        service,
        read.path(Variable.STORAGE_DIR, DEFAULT_STORAGE_DIR),
        read.text(Variable.TRACKING_URL, ""),
        read.text(Variable.READ_TOKEN, ""),
        TlsLaunch.fromEnvironment(environment));
  }

  /** These settings as environment variables. */
  public Map<String, String> toEnvironment() {
    return new LaunchWriter()
        .putAll(service.toEnvironment())
        .put(Variable.STORAGE_DIR, storageDir)
        .put(Variable.TRACKING_URL, trackingUrl)
        .put(Variable.READ_TOKEN, readToken)
        .putAll(tls.toEnvironment())
        .toMap();
  }

  /** Leaves out the read token. */
  @Override
  public String toString() {
    return "ObserverLaunch[service="
        + service
        + ", storageDir="
        + storageDir
        + ", trackingUrl="
        + trackingUrl
        + ", readToken="
        + (readToken.isEmpty() ? "none" : "set")
        + ", "
        + tls
        + "]";
  }
}
