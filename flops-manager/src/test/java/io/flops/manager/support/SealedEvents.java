package io.flops.manager.support;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.MqttEventPublisher;
import io.flops.common.events.ObserverEvent;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Publishes events as a project's own services do: each sealed with that project's (or job's) key,
 * one MQTT connection per project.
 */
public final class SealedEvents implements EventPublisher, AutoCloseable {

  private final String mqttUrl;
  private final UnaryOperator<String> keyOf;
  private final Map<String, MqttEventPublisher> publishers = new ConcurrentHashMap<>();

  /**
   * @param keyOf the event key of a project or job id (e.g. the manager's {@code EventKeys::keyOf})
   */
  public SealedEvents(String mqttUrl, UnaryOperator<String> keyOf) {
    this.mqttUrl = mqttUrl;
    this.keyOf = keyOf;
  }

  @Override
  public void publish(ComponentEvent event) {
    publisher(event.projectId()).publish(event);
  }

  @Override
  public void publish(String projectId, ObserverEvent event) {
    publisher(projectId).publish(projectId, event);
  }

  private MqttEventPublisher publisher(String id) {
    return publishers.computeIfAbsent(
        id,
        key ->
            new MqttEventPublisher(
                MqttEventPublisher.Settings.of(mqttUrl, "component-" + UUID.randomUUID())
                    .withEventKey(keyOf.apply(key))));
  }

  /** Waits for every publisher's events to be sent, then disconnects. */
  @Override
  public void close() {
    publishers.values().forEach(MqttEventPublisher::close);
  }
}
