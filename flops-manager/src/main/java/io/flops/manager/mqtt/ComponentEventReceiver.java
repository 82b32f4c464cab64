package io.flops.manager.mqtt;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventCodec;
import io.flops.manager.config.KeyedExecutor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.StaticMessageHeaderAccessor;
import org.springframework.integration.acks.SimpleAcknowledgment;
import org.springframework.integration.annotation.ServiceActivator;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Decodes each component → manager message and hands it to every {@link ComponentEventListener} on
 * the worker threads, one event of a project at a time and in arrival order ({@link
 * KeyedExecutor}), so many projects proceed in parallel. A message is acknowledged to the broker
 * (QoS 1, manual acks) only once its listeners have run, so an event whose step the store does not
 * hold yet is delivered again after a restart. Undecodable messages, and messages not sealed with
 * their project's (or job's) key ({@link EventKeys}), are logged, acknowledged and dropped.
 */
@Component
public class ComponentEventReceiver {

  private static final Logger log = LoggerFactory.getLogger(ComponentEventReceiver.class);

  private final EventCodec codec = new EventCodec();
  private final List<ComponentEventListener> listeners;
  private final EventKeys keys;
  private final KeyedExecutor projects;

  public ComponentEventReceiver(
      List<ComponentEventListener> listeners, EventKeys keys, KeyedExecutor projects) {
    this.listeners = List.copyOf(listeners);
    this.keys = keys;
    this.projects = projects;
  }

  @ServiceActivator(inputChannel = "componentEvents")
  public void receive(Message<byte[]> message) {
    String topic = String.valueOf(message.getHeaders().get(MqttHeaders.RECEIVED_TOPIC));
    ComponentEvent event;
    try {
      event = codec.decode(topic, message.getPayload());
    } catch (IllegalArgumentException e) {
      log.warn("Dropped a message on {}: {}", topic, e.getMessage());
      acknowledge(message);
      return;
    }
    if (!keys.believes(event.projectId(), message.getPayload())) {
      log.warn(
          "Refused a message on {} for {}: it is not sealed with that project's key",
          topic,
          event.projectId());
      acknowledge(message);
      return;
    }
    projects.execute(event.projectId(), () -> handle(topic, event, message));
  }

  private void handle(String topic, ComponentEvent event, Message<byte[]> message) {
    log.info("Received message for topic '{}' of project {}", topic, event.projectId());
    for (ComponentEventListener listener : listeners) {
      try {
        listener.onComponentEvent(event);
      } catch (RuntimeException e) {
        log.error(
            "Handling {} for project {} failed: {}", topic, event.projectId(), e.getMessage(), e);
      }
    }
    acknowledge(message);
  }

  private static void acknowledge(Message<?> message) {
    SimpleAcknowledgment acknowledgment = StaticMessageHeaderAccessor.getAcknowledgment(message);
    if (acknowledgment != null) {
      acknowledgment.acknowledge();
    }
  }
}
