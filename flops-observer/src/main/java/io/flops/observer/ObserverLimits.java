package io.flops.observer;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of a project observer (see docs/observer.md). The manager sets them through the
 * environment variables named in {@code application.yml}.
 *
 * @param projectId the project whose events are collected ({@code FLOPS_PROJECT_ID})
 * @param mqttUrl the broker the project's components publish to ({@code FLOPS_MQTT_URL})
 * @param storageDir where the event log file is kept ({@code FLOPS_OBSERVER_STORAGE_DIR})
 * @param trackingUrl the tracking server's web UI, linked from the page when set ({@code
 *     FLOPS_OBSERVER_TRACKING_URL}); TRACKING events can also name it
 * @param maxEvents the most events kept; beyond it the oldest non-STATE events are dropped
 * @param sessionExpiry how long the broker keeps the observer's MQTT session, and so queues the
 *     project's events, while the observer is away (restarting)
 * @param streamTimeout how long one server-sent-event response stays open; browsers reconnect and
 *     resume from the last event id they saw
 * @param heartbeat how often an open event stream gets a comment line, to notice gone clients
 */
@Validated
@ConfigurationProperties(prefix = "flops.observer")
public record ObserverProperties(
    @NotBlank String projectId,
    @NotBlank @DefaultValue("tcp://127.0.0.1:9027") String mqttUrl,
    @NotNull @DefaultValue(".flops-observer") Path storageDir,
    @DefaultValue("") String trackingUrl,
    @Min(10) @DefaultValue("10000") int maxEvents,
    @NotNull @DefaultValue("1d") Duration sessionExpiry,
    @NotNull @DefaultValue("10m") Duration streamTimeout,
    @NotNull @DefaultValue("15s") Duration heartbeat) {

  /** The event log file of this project under {@link #storageDir()}. */
  public Path eventFile() {
    return storageDir.resolve(projectId.replaceAll("[^A-Za-z0-9._-]", "_") + ".events.jsonl");
  }

  /** The MQTT client id; stable across restarts so the broker resumes the session. */
  public String mqttClientId() {
    return "flops-observer-" + projectId;
  }
}
