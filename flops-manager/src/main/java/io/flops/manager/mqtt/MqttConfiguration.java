package io.flops.manager.mqtt;

import io.flops.common.events.EventPublisher;
import io.flops.common.events.Topics;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.ManagerInstance;
import io.flops.manager.config.MqttProperties;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.mqtt.inbound.Mqttv5PahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.outbound.Mqttv5PahoMessageHandler;
import org.springframework.messaging.MessageChannel;

/**
 * MQTT v5 through Spring Integration: the manager subscribes to every component → manager topic
 * with QoS 1, manual acknowledgements and a persistent session, and hands each message to the
 * worker threads ({@link ComponentEventReceiver}); it publishes observer events through {@link
 * MqttOutboundPublisher}.
 */
@Configuration(proxyBeanMethods = false)
public class MqttConfiguration {

  /** The external broker, when {@code flops.mqtt.url} is set. */
  @Bean
  @ConditionalOnExpression("!'${flops.mqtt.url:}'.isEmpty()")
  MqttEndpoint externalMqttEndpoint(MqttProperties properties) {
    return MqttEndpoint.of(properties.getUrl(), properties);
  }

  /**
   * On an external broker: with {@code flops.mqtt.dynamic-security}, one Mosquitto user and role
   * per project ({@link MosquittoDynamicSecurity}); else the services of every project share {@code
   * flops.mqtt.service-username}, which should only write {@code flops_manager/+/+} and {@code
   * project_observer/#}.
   */
  @Bean
  @ConditionalOnExpression("!'${flops.mqtt.url:}'.isEmpty()")
  ServiceCredentials externalServiceCredentials(
      MqttProperties properties,
      MqttEndpoint endpoint,
      EventKeys eventKeys,
      ManagerInstance instance) {
    if (properties.isDynamicSecurity()) {
      return new MosquittoDynamicSecurity(
          endpoint, new BrokerIdentities(eventKeys), instance.mqttClientId(properties) + "-dynsec");
    }
    MqttCredential shared =
        new MqttCredential(properties.getServiceUsername(), properties.getServicePassword());
    return id -> shared;
  }

  @Bean
  ServiceLaunches serviceLaunches(
      MqttEndpoint endpoint, ServiceCredentials credentials, EventKeys eventKeys) {
    return new ServiceLaunches(endpoint, credentials, eventKeys);
  }

  @Bean
  MqttConnectionOptions mqttConnectionOptions(MqttEndpoint endpoint) {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setServerURIs(new String[] {endpoint.url()});
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 30);
    options.setCleanStart(false);
    options.setSessionExpiryInterval(7L * 24 * 3600);
    if (endpoint.hasCredentials()) {
      options.setUserName(endpoint.username());
      options.setPassword(endpoint.password().getBytes(StandardCharsets.UTF_8));
    }
    return options;
  }

  @Bean
  ManagerInstance managerInstance(FlopsProperties flops) {
    return ManagerInstance.of(flops.getDataDir());
  }

  /**
   * Component events are decoded on the MQTT thread and handed to the worker threads per project
   * ({@link ComponentEventReceiver}), which acknowledge each once it is handled.
   */
  @Bean
  MessageChannel componentEvents() {
    return new DirectChannel();
  }

  @Bean
  Mqttv5PahoMessageDrivenChannelAdapter componentEventsInbound(
      MqttConnectionOptions mqttConnectionOptions,
      MqttProperties properties,
      ManagerInstance instance,
      MessageChannel componentEvents) {
    Mqttv5PahoMessageDrivenChannelAdapter adapter =
        new Mqttv5PahoMessageDrivenChannelAdapter(
            mqttConnectionOptions,
            instance.mqttClientId(properties) + "-in",
            Topics.ALL_MANAGER_TOPICS);
    adapter.setQos(1);
    adapter.setManualAcks(true);
    adapter.setDisconnectCompletionTimeout(1000);
    adapter.setOutputChannel(componentEvents);
    return adapter;
  }

  /** Observer events are appended on the MQTT thread, so they are kept in arrival order. */
  @Bean
  MessageChannel observerEvents() {
    return new DirectChannel();
  }

  /** The manager keeps every project's observer events itself ({@code project_observer/+}). */
  @Bean
  Mqttv5PahoMessageDrivenChannelAdapter observerEventsInbound(
      MqttConnectionOptions mqttConnectionOptions,
      MqttProperties properties,
      ManagerInstance instance,
      MessageChannel observerEvents) {
    Mqttv5PahoMessageDrivenChannelAdapter adapter =
        new Mqttv5PahoMessageDrivenChannelAdapter(
            mqttConnectionOptions,
            instance.mqttClientId(properties) + "-observer",
            Topics.OBSERVER_PREFIX + "+");
    adapter.setQos(1);
    adapter.setDisconnectCompletionTimeout(1000);
    adapter.setOutputChannel(observerEvents);
    return adapter;
  }

  @Bean
  MessageChannel mqttOutbound() {
    return new DirectChannel();
  }

  @Bean
  Mqttv5PahoMessageHandler mqttOutboundHandler(
      MqttConnectionOptions mqttConnectionOptions,
      MqttProperties properties,
      ManagerInstance instance,
      MessageChannel mqttOutbound) {
    Mqttv5PahoMessageHandler handler =
        new Mqttv5PahoMessageHandler(
            mqttConnectionOptions, instance.mqttClientId(properties) + "-out");
    handler.setAsync(true);
    handler.setDefaultQos(1);
    handler.setDisconnectCompletionTimeout(1000);
    ((DirectChannel) mqttOutbound).subscribe(handler);
    return handler;
  }

  @Bean
  EventKeys eventKeys(FlopsProperties flops) {
    return EventKeys.of(flops.getDataDir());
  }

  @Bean
  EventPublisher managerEventPublisher(MessageChannel mqttOutbound, EventKeys eventKeys) {
    return new MqttOutboundPublisher(mqttOutbound, eventKeys);
  }
}
