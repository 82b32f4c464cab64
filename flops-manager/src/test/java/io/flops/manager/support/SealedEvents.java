package io.flops.manager.support;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.MqttEventPublisher;
import io.flops.common.events.ObserverEvent;
import io.flops.common.launch.ServiceLaunch;
import io.flops.manager.mqtt.BrokerIdentities;
import io.flops.manager.mqtt.EventKeys;
import io.flops.manager.mqtt.MqttEndpoint;
import io.flops.manager.mqtt.ServiceLaunches;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Publishes events as a project's own services do: each sealed with that project's (or job's) key,
 * one MQTT connection per project.
 */
public final class SealedEvents implements EventPublisher, AutoCloseable {

  private final Function<String, ServiceLaunch> launchOf;
  private final Map<String, MqttEventPublisher> publishers = new ConcurrentHashMap<>();

  /**
   * @param launchOf what the services of a project or job id are told (broker, credential, key)
   */
  public SealedEvents(Function<String, ServiceLaunch> launchOf) {
    this.launchOf = launchOf;
  }

  /** Publishes as the manager's own services of each project would. */
  public SealedEvents(ServiceLaunches launches) {
    this(id -> launches.of(id, false));
  }

  /**
   * Publishes as the services of the manager with the embedded broker {@code url} and {@code keys}.
   */
  public static SealedEvents embedded(String url, EventKeys keys) {
    return new SealedEvents(
        new ServiceLaunches(new MqttEndpoint(url, url, "", ""), new BrokerIdentities(keys), keys));
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
                launchOf.apply(key).mqttPublisher("component-" + UUID.randomUUID()).orElseThrow()));
  }

  /** Waits for every publisher's events to be sent, then disconnects. */
  @Override
  public void close() {
    publishers.values().forEach(MqttEventPublisher::close);
  }
}
