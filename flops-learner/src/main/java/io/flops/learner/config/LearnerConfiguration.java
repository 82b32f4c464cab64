package io.flops.learner.config;

import io.flops.common.events.EventPublisher;
import io.flops.common.events.LoggingEventPublisher;
import io.flops.common.events.MqttEventPublisher;
import io.flops.common.fl.FlAccess;
import io.flops.common.fl.FlClientSettings;
import io.flops.common.launch.LaunchEnvironment;
import io.flops.common.launch.LearnerLaunch;
import io.flops.dataclient.DataServerTrust;
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
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Wires the learner: the user's classes from the classpath, the {@link LocalDataSource} of the
 * node's data server (Arrow Flight, flops-dataclient), and the events.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LearnerProperties.class)
class LearnerConfiguration {

  /** What the manager and the orchestrator told this learner (docs/services.md). */
  @Bean
  LearnerLaunch learnerLaunch(ConfigurableEnvironment environment) {
    return LearnerLaunch.fromEnvironment(LaunchEnvironment.of(environment));
  }

  @Bean
  LearnerSettings learnerSettings(
      LearnerLaunch launch, LearnerProperties learner, @Value("${HOSTNAME:}") String hostname) {
    return new LearnerSettings(
        new FlClientSettings(
            launch.aggregatorAddress(),
            launch.instanceName(hostname),
            launch.service().projectId(),
            launch.dataTags(),
            learner.heartbeatInterval(),
            learner.livenessTimeout(),
            learner.initialBackoff(),
            learner.maxBackoff(),
            (int) learner.chunkSize().toBytes(),
            FlAccess.ofEventKey(launch.service().eventKey())
                .withTls(launch.service().projectId(), launch.tls())),
        learner.failureReportTimeout());
  }

  /** MQTT when {@code FLOPS_MQTT_URL} is set, else the log. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  EventPublisher eventPublisher(LearnerLaunch launch, LearnerSettings settings) {
    String clientId =
        "flops-learner-"
            + settings.client().name()
            + "-"
            + launch.service().projectId()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    return launch
        .service()
        .mqttPublisher(clientId)
        .<EventPublisher>map(MqttEventPublisher::new)
        .orElseGet(LoggingEventPublisher::new);
  }

  /**
   * The node's data server over Arrow Flight (the orchestrator's {@code
   * FLOPS_LEARNER_DATA_SERVER}): over TLS when the learner has the installation's authority ({@code
   * FLOPS_TLS_CA}), which also signs the data servers' certificates; else plaintext.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  LocalDataSource localDataSource(LearnerLaunch launch) {
    return new FlightLocalDataSource(
        launch.dataServerAddress(),
        launch.dataToken(),
        DataServerTrust.authorityOrPlaintext(launch.tls().caPem()));
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
