package io.flops.learner.config;

import io.flops.common.events.EventPublisher;
import io.flops.common.events.LoggingEventPublisher;
import io.flops.common.events.MqttEventPublisher;
import io.flops.common.fl.FlClientSettings;
import io.flops.learner.data.FlightLocalDataSource;
import io.flops.learner.data.LocalDataSource;
import io.flops.learner.training.Learner;
import io.flops.learner.training.LearnerSettings;
import io.flops.mlapi.UserClasses;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the learner: the user's classes from the classpath, the {@link LocalDataSource} of the
 * node's data server (Arrow Flight, flops-dataclient), and the events.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LearnerProperties.class)
class LearnerConfiguration {

  @Bean
  LearnerSettings learnerSettings(
      LearnerProperties learner,
      @Value("${flops.project-id:local}") String projectId,
      @Value("${flops.instance:}") String instance,
      @Value("${HOSTNAME:}") String hostname) {
    return new LearnerSettings(
        new FlClientSettings(
            learner.aggregatorAddress(),
            learner.instanceName(instance, hostname),
            projectId,
            learner.dataTags(),
            learner.heartbeatInterval(),
            learner.livenessTimeout(),
            learner.initialBackoff(),
            learner.maxBackoff(),
            (int) learner.chunkSize().toBytes()),
        learner.failureReportTimeout());
  }

  /** MQTT when {@code FLOPS_MQTT_URL} is set, else the log. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  EventPublisher eventPublisher(
      @Value("${flops.mqtt-url:}") String mqttUrl,
      @Value("${flops.project-id:local}") String projectId,
      LearnerSettings settings) {
    if (mqttUrl.isBlank()) {
      return new LoggingEventPublisher();
    }
    return MqttEventPublisher.connect(
        mqttUrl,
        "flops-learner-"
            + settings.client().name()
            + "-"
            + projectId
            + "-"
            + UUID.randomUUID().toString().substring(0, 8));
  }

  /** The node's data server over Arrow Flight ({@code FLOPS_LEARNER_DATA_SERVER}). */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  LocalDataSource localDataSource(LearnerProperties learner) {
    return new FlightLocalDataSource(learner.dataServer());
  }

  @Bean(destroyMethod = "close")
  Learner<Object> learner(
      LearnerSettings settings, LocalDataSource dataSource, EventPublisher events) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return new Learner<>(
        settings,
        dataSource,
        UserClasses.modelManager(loader),
        UserClasses.dataManager(loader),
        events);
  }
}
