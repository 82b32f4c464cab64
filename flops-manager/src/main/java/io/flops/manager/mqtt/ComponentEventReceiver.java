package io.flops.manager.mqtt;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventCodec;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.annotation.ServiceActivator;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Decodes each component → manager message (on a worker thread, not the MQTT client's) and hands it
 * to every {@link ComponentEventListener}. Undecodable messages, and messages not sealed with their
 * project's (or job's) key ({@link EventKeys}), are logged and dropped.
 */
@Component
public class ComponentEventReceiver {

  private static final Logger log = LoggerFactory.getLogger(ComponentEventReceiver.class);

  private final EventCodec codec = new EventCodec();
  private final List<ComponentEventListener> listeners;
  private final EventKeys keys;

  public ComponentEventReceiver(List<ComponentEventListener> listeners, EventKeys keys) {
    this.listeners = List.copyOf(listeners);
    this.keys = keys;
  }

  @ServiceActivator(inputChannel = "componentEvents")
  public void receive(Message<byte[]> message) {
    String topic = String.valueOf(message.getHeaders().get(MqttHeaders.RECEIVED_TOPIC));
    ComponentEvent event;
    try {
      event = codec.decode(topic, message.getPayload());
    } catch (IllegalArgumentException e) {
      log.warn("Dropped a message on {}: {}", topic, e.getMessage());
      return;
    }
    if (!keys.believes(event.projectId(), message.getPayload())) {
      log.warn(
          "Refused a message on {} for {}: it is not sealed with that project's key",
          topic,
          event.projectId());
      return;
    }
    log.info("Received message for topic '{}' of project {}", topic, event.projectId());
    for (ComponentEventListener listener : listeners) {
      try {
        listener.onComponentEvent(event);
      } catch (RuntimeException e) {
        log.error(
            "Handling {} for project {} failed: {}", topic, event.projectId(), e.getMessage(), e);
      }
    }
  }
}
