package io.flops.manager.mqtt;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventCodec;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import io.flops.common.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;

/**
 * The manager's {@link EventPublisher}: sends through the Spring Integration MQTT v5 outbound
 * handler with QoS 1, each event sealed with its project's key ({@link EventKeys}). A broker outage
 * is logged, never thrown: reporting never fails the work.
 */
public class MqttOutboundPublisher implements EventPublisher {

  private static final Logger log = LoggerFactory.getLogger(MqttOutboundPublisher.class);

  private final MessageChannel outbound;
  private final EventKeys keys;
  private final EventCodec codec = new EventCodec();

  public MqttOutboundPublisher(MessageChannel outbound, EventKeys keys) {
    this.outbound = outbound;
    this.keys = keys;
  }

  @Override
  public void publish(ComponentEvent event) {
    send(event.topic(), keys.sealOf(event.projectId()).seal(codec.encode(event)));
  }

  @Override
  public void publish(String projectId, ObserverEvent event) {
    send(Topics.observer(projectId), keys.sealOf(projectId).seal(codec.encode(event)));
  }

  private void send(String topic, byte[] payload) {
    try {
      outbound.send(
          MessageBuilder.withPayload(payload)
              .setHeader(MqttHeaders.TOPIC, topic)
              .setHeader(MqttHeaders.QOS, 1)
              .build());
    } catch (RuntimeException e) {
      log.warn("Could not publish on {}: {}", topic, e.getMessage());
    }
  }
}
