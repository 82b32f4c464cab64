package io.flops.observer;

import io.flops.common.launch.ObserverLaunch;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the observer runs with: what the manager told it ({@link ObserverLaunch}) and its
 * local {@link ObserverLimits}.
 *
 * @param launch the project, broker, storage directory and tracking link
 * @param limits events kept, session expiry, stream timeout and heartbeat
 */
public record ObserverSettings(ObserverLaunch launch, ObserverLimits limits) {

  /** The project whose events are collected. */
  public String projectId() {
    return launch.service().projectId();
  }

  /** The broker the project's components publish to. */
  public String mqttUrl() {
    return launch.service().mqttUrl();
  }

  /** The tracking server's web UI, linked from the page when set. */
  public String trackingUrl() {
    return launch.trackingUrl();
  }

  /** The most events kept. */
  public int maxEvents() {
    return limits.maxEvents();
  }

  /** How long the broker queues the project's events while the observer is away. */
  public Duration sessionExpiry() {
    return limits.sessionExpiry();
  }

  /** How long one server-sent-event response stays open. */
  public Duration streamTimeout() {
    return limits.streamTimeout();
  }

  /** The event log file of this project under the storage directory. */
  public Path eventFile() {
    return launch
        .storageDir()
        .resolve(projectId().replaceAll("[^A-Za-z0-9._-]", "_") + ".events.jsonl");
  }

  /** The MQTT client id; stable across restarts so the broker resumes the session. */
  public String mqttClientId() {
    return "flops-observer-" + projectId();
  }
}
