package io.flops.manager.embedded;

import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.MqttProperties;
import io.flops.manager.mqtt.BrokerIdentities;
import io.flops.manager.mqtt.EventKeys;
import io.flops.manager.mqtt.MqttEndpoint;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default broker: with no {@code flops.mqtt.url}, an in-process MQTT 5 broker
 * (ActiveMQ Artemis) on {@code flops.mqtt.embedded-host:embedded-port} (port 0: a free port,
 * logged). It admits only the manager and each project's services, with the credentials of {@link
 * BrokerIdentities}, and each only to its own topics ({@link EmbeddedBrokerSecurity}). The manager
 * refuses to start when the port is taken, naming the port and the setting: a second manager on the
 * host must never talk to the first one's broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${flops.mqtt.url:}'.isEmpty()")
public class EmbeddedBrokerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerConfiguration.class);

  @Bean(destroyMethod = "stop")
  EmbeddedActiveMQ embeddedMqttBroker(
      MqttProperties mqtt, FlopsProperties flops, BrokerIdentities identities) throws Exception {
    int port =
        EmbeddedPorts.claim(
            "MQTT broker",
            mqtt.getEmbeddedHost(),
            mqtt.getEmbeddedPort(),
            "flops.mqtt.embedded-port");
    mqtt.setEmbeddedPort(port);
    Path dir = flops.getDataDir().toAbsolutePath().normalize().resolve("artemis");
    ConfigurationImpl config = new ConfigurationImpl();
    config
        .setPersistenceEnabled(false)
        .setSecurityEnabled(true)
        .setJournalDirectory(dir.resolve("journal").toString())
        .setBindingsDirectory(dir.resolve("bindings").toString())
        .setLargeMessagesDirectory(dir.resolve("large").toString())
        .setPagingDirectory(dir.resolve("paging").toString());
    config.addAcceptorConfiguration(
        "mqtt",
        "tcp://" + mqtt.getEmbeddedHost() + ":" + mqtt.getEmbeddedPort() + "?protocols=MQTT");
    EmbeddedActiveMQ broker =
        new EmbeddedActiveMQ()
            .setConfiguration(config)
            .setSecurityManager(new EmbeddedBrokerSecurity(identities));
    broker.start();
    if (!broker.getActiveMQServer().getRemotingService().getAcceptor("mqtt").isStarted()) {
      broker.stop();
      throw new IllegalStateException(
          EmbeddedPorts.inUse(
              "MQTT broker", mqtt.getEmbeddedHost(), port, "flops.mqtt.embedded-port"));
    }
    log.info(
        "Embedded MQTT broker on {}:{} (no anonymous clients: each project's services get their"
            + " own credential)",
        mqtt.getEmbeddedHost(),
        port);
    return broker;
  }

  @Bean
  BrokerIdentities brokerIdentities(EventKeys eventKeys) {
    return new BrokerIdentities(eventKeys);
  }

  /** The manager connects as {@link BrokerIdentities#manager()}. */
  @Bean
  MqttEndpoint mqttEndpoint(
      EmbeddedActiveMQ embeddedMqttBroker, MqttProperties mqtt, BrokerIdentities identities) {
    String url = "tcp://" + mqtt.getEmbeddedHost() + ":" + mqtt.getEmbeddedPort();
    return MqttEndpoint.of(url, mqtt).withManagerCredential(identities.manager());
  }
}
