package io.flops.manager.embedded;

import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.MqttProperties;
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
 * (ActiveMQ Artemis) on {@code flops.mqtt.embedded-host:embedded-port}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${flops.mqtt.url:}'.isEmpty()")
public class EmbeddedBrokerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerConfiguration.class);

  @Bean(destroyMethod = "stop")
  EmbeddedActiveMQ embeddedMqttBroker(MqttProperties mqtt, FlopsProperties flops) throws Exception {
    Path dir = flops.getDataDir().toAbsolutePath().normalize().resolve("artemis");
    ConfigurationImpl config = new ConfigurationImpl();
    config
        .setPersistenceEnabled(false)
        .setSecurityEnabled(false)
        .setJournalDirectory(dir.resolve("journal").toString())
        .setBindingsDirectory(dir.resolve("bindings").toString())
        .setLargeMessagesDirectory(dir.resolve("large").toString())
        .setPagingDirectory(dir.resolve("paging").toString());
    config.addAcceptorConfiguration(
        "mqtt",
        "tcp://" + mqtt.getEmbeddedHost() + ":" + mqtt.getEmbeddedPort() + "?protocols=MQTT");
    EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config);
    broker.start();
    log.info("Embedded MQTT broker on {}:{}", mqtt.getEmbeddedHost(), mqtt.getEmbeddedPort());
    return broker;
  }

  @Bean
  MqttEndpoint mqttEndpoint(EmbeddedActiveMQ embeddedMqttBroker, MqttProperties mqtt) {
    String url = "tcp://" + mqtt.getEmbeddedHost() + ":" + mqtt.getEmbeddedPort();
    return MqttEndpoint.of(url, mqtt);
  }
}
