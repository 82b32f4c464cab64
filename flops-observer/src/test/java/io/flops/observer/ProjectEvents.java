package io.flops.observer;

import io.flops.common.events.EventSeal;
import io.flops.common.events.MqttEventPublisher;
import io.flops.common.events.ObserverEvent;
import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.events.ObserverEvent.Level;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes a project's observer events on MQTT through the components' own {@link
 * MqttEventPublisher} (QoS 1, in order), sealed with the project's key as its services seal them.
 */
final class ProjectEvents implements AutoCloseable {

  private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

  private final String projectId;
  private final MqttEventPublisher publisher;

  ProjectEvents(String mqttUrl, String projectId) {
    this(mqttUrl, projectId, keyOf(projectId));
  }

  /** Events sealed with {@code key} (another project's, to forge), or unsealed when null. */
  ProjectEvents(String mqttUrl, String projectId, String key) {
    this.projectId = projectId;
    MqttEventPublisher.Settings settings =
        MqttEventPublisher.Settings.of(mqttUrl, "test-" + UUID.randomUUID());
    this.publisher = new MqttEventPublisher(key == null ? settings : settings.withEventKey(key));
  }

  /** The event key of {@code projectId} in these tests (the manager would derive it). */
  static String keyOf(String projectId) {
    return KEYS.computeIfAbsent(projectId, id -> EventSeal.newKey());
  }

  static ObserverEvent event(
      String id, String source, Level level, Kind kind, String message, Map<String, Object> data) {
    return new ObserverEvent(id, Instant.now(), source, level, kind, message, data);
  }

  static ObserverEvent log(String id) {
    return event(id, "test", Level.INFO, Kind.LOG, "event " + id, Map.of());
  }

  ObserverEvent publish(ObserverEvent event) {
    publisher.publish(projectId, event);
    return event;
  }

  ObserverEvent state(String from, String to) {
    return publish(
        event(
            UUID.randomUUID().toString(),
            "manager",
            Level.INFO,
            Kind.STATE,
            "Project is now " + to,
            Map.of("from", from, "to", to)));
  }

  ObserverEvent round(int round, double loss, double accuracy) {
    return publish(
        event(
            UUID.randomUUID().toString(),
            "aggregator",
            Level.INFO,
            Kind.ROUND,
            "Round " + round + " finished",
            Map.of(
                "round", round,
                "loss", loss,
                "accuracy", accuracy,
                "duration_ms", 1500 + round,
                "learners", 2)));
  }

  @Override
  public void close() {
    publisher.close();
  }
}
