package io.flops.observer.mqtt;

import io.flops.common.events.EventPublisher;
import io.flops.common.events.EventSeal;
import io.flops.common.events.MqttEventPublisher;
import io.flops.common.events.Topics;
import io.flops.common.launch.ServiceLaunch;
import io.flops.common.observer.EventIntake;
import io.flops.common.observer.EventLog;
import io.flops.observer.ObserverSettings;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.inbound.Mqttv5PahoMessageDrivenChannelAdapter;

/**
 * Subscribes to {@code project_observer/<project id>} (QoS 1, a persistent session under a stable
 * client id, so the broker queues events while the observer restarts) and appends each event to the
 * log. The payload arrives as {@code byte[]}; the log entry is written before the message is
 * acknowledged (see {@link ObserverIntake}).
 */
@Configuration(proxyBeanMethods = false)
public class MqttIntakeConfiguration {

  @Bean
  MqttConnectionOptions observerMqttOptions(ObserverSettings properties) {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setServerURIs(new String[] {properties.mqttUrl()});
    ServiceLaunch service = properties.launch().service();
    if (!service.mqttUsername().isEmpty()) {
      options.setUserName(service.mqttUsername());
      options.setPassword(service.mqttPassword().getBytes(StandardCharsets.UTF_8));
    }
    options.setCleanStart(false);
    options.setSessionExpiryInterval(properties.sessionExpiry().toSeconds());
    options.setAutomaticReconnect(true);
    return options;
  }

  @Bean
  Mqttv5PahoMessageDrivenChannelAdapter observerInbound(
      MqttConnectionOptions observerMqttOptions, ObserverSettings properties) {
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

  /** The project's seal, or null for an observer started by hand without a key. */
  private static EventSeal seal(ServiceLaunch service) {
    return service.eventKey().isEmpty() ? null : EventSeal.of(service.eventKey());
  }

  /** Reports the observer's own failures to the manager. */
  @Bean(destroyMethod = "close")
  EventPublisher observerReporter(ObserverSettings properties) {
    return new MqttEventPublisher(
        properties
            .launch()
            .service()
            .mqttPublisher(properties.mqttClientId() + "-reporter")
            .orElseThrow());
  }

  @Bean
  IntegrationFlow observerIntakeFlow(
      Mqttv5PahoMessageDrivenChannelAdapter observerInbound,
      ObserverSettings properties,
      EventIntake intake,
      EventLog eventLog,
      EventPublisher observerReporter) {
    return IntegrationFlow.from(observerInbound)
        .handle(
            new ObserverIntake(
                properties.projectId(),
                seal(properties.launch().service()),
                intake,
                eventLog,
                observerReporter))
        .get();
  }
}
