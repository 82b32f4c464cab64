package io.flops.observer.mqtt;

import io.flops.common.events.ObserverEvent;
import io.flops.common.events.Topics;
import io.flops.common.observer.EventIntake;
import io.flops.common.observer.EventLog;
import io.flops.observer.ObserverProperties;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.inbound.Mqttv5PahoMessageDrivenChannelAdapter;

/**
 * Subscribes to {@code project_observer/<project id>} (QoS 1, a persistent session under a stable
 * client id, so the broker queues events while the observer restarts) and appends each event to the
 * log. The payload arrives as {@code byte[]}; the log entry is written before the message is
 * acknowledged.
 */
@Configuration(proxyBeanMethods = false)
public class MqttIntakeConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MqttIntakeConfiguration.class);

  @Bean
  MqttConnectionOptions observerMqttOptions(ObserverProperties properties) {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setServerURIs(new String[] {properties.mqttUrl()});
    options.setCleanStart(false);
    options.setSessionExpiryInterval(properties.sessionExpiry().toSeconds());
    options.setAutomaticReconnect(true);
    return options;
  }

  @Bean
  Mqttv5PahoMessageDrivenChannelAdapter observerInbound(
      MqttConnectionOptions observerMqttOptions, ObserverProperties properties) {
    Mqttv5PahoMessageDrivenChannelAdapter adapter =
        new Mqttv5PahoMessageDrivenChannelAdapter(
            observerMqttOptions,
            properties.mqttClientId(),
            Topics.observer(properties.projectId()));
    adapter.setQos(1);
    adapter.setPersistence(new MemoryPersistence());
    adapter.setDisconnectCompletionTimeout(1000);
    return adapter;
  }

  @Bean
  IntegrationFlow observerIntakeFlow(
      Mqttv5PahoMessageDrivenChannelAdapter observerInbound,
      EventIntake intake,
      EventLog eventLog) {
    return IntegrationFlow.from(observerInbound)
        .handle(
            message -> {
              ObserverEvent event = intake.read((byte[]) message.getPayload());
              eventLog
                  .accept(event)
                  .ifPresent(
                      stored ->
                          log.info(
                              "#{} {} {}: {}",
                              stored.seq(),
                              event.source(),
                              event.kind(),
                              event.message()));
            })
        .get();
  }
}
