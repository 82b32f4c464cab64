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
 * handler with QoS 1. A broker outage is logged, never thrown: reporting never fails the work.
 */
public class MqttOutboundPublisher implements EventPublisher {

  private static final Logger log = LoggerFactory.getLogger(MqttOutboundPublisher.class);

  private final MessageChannel outbound;
  private final EventCodec codec = new EventCodec();

  public MqttOutboundPublisher(MessageChannel outbound) {
    this.outbound = outbound;
  }

  @Override
  public void publish(ComponentEvent event) {
    send(event.topic(), codec.encode(event));
  }

  @Override
  public void publish(String projectId, ObserverEvent event) {
    send(Topics.observer(projectId), codec.encode(event));
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
