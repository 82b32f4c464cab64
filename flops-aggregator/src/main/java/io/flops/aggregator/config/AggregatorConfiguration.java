package io.flops.aggregator.config;

import io.flops.aggregator.role.AggregatorNode;
import io.flops.aggregator.role.AggregatorSettings;
import io.flops.aggregator.server.UpdateMemory;
import io.flops.aggregator.strategy.OptimizerSettings;
import io.flops.aggregator.strategy.Strategies.StrategySettings;
import io.flops.aggregator.tracking.TrackerProvider;
import io.flops.aggregator.training.TrainingPlan;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.LoggingEventPublisher;
import io.flops.common.events.MqttEventPublisher;
import io.flops.common.fl.FlAccess;
import io.flops.common.launch.AggregatorLaunch;
import io.flops.common.launch.LaunchEnvironment;
import io.flops.mlapi.UserClasses;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Wires the aggregator from its launch record and its local knobs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregatorProperties.class)
class AggregatorConfiguration {

  /** What the manager told this aggregator (docs/services.md). */
  @Bean
  AggregatorLaunch aggregatorLaunch(ConfigurableEnvironment environment) {
    return AggregatorLaunch.fromEnvironment(LaunchEnvironment.of(environment));
  }

  @Bean
  AggregatorSettings aggregatorSettings(AggregatorLaunch launch, AggregatorProperties a) {
    AggregatorLaunch.Training training = launch.training();
    TrainingPlan plan =
        new TrainingPlan(
            training.rounds(),
            training.minAvailableClients(),
            training.minFitClients(),
            training.minEvaluateClients(),
            training.localEpochs(),
            a.batchSize(),
            training.roundTimeout(),
            a.joinTimeout(),
            a.roundRetries(),
            (int) a.chunkSize().toBytes(),
            a.config());
    StrategySettings strategy =
        new StrategySettings(
            new OptimizerSettings(a.serverLearningRate(), a.beta1(), a.beta2(), a.tau()),
            a.trimFraction(),
            a.byzantineLearners(),
            a.robustMemoryLimit().toBytes() > 0
                ? a.robustMemoryLimit().toBytes()
                : Runtime.getRuntime().maxMemory() / 4);
    return new AggregatorSettings(
        launch.service().projectId(),
        launch.role(),
        plan,
        training.strategy(),
        strategy,
        a.port(),
        a.heartbeatInterval(),
        a.livenessTimeout(),
        launch.clusterName(),
        launch.rootAddress(),
        launch.experiment().customerId(),
        launch.experiment().repoUrl(),
        launch.experiment().commit(),
        a.modelDependencies(),
        a.updateMemory().toBytes() > 0 ? a.updateMemory().toBytes() : UpdateMemory.DEFAULT_CAPACITY,
        launch.checkpointDirectory(),
        launch.service().bindHost(),
        FlAccess.ofEventKey(launch.service().eventKey())
            .withTls(launch.service().projectId(), launch.tls()));
  }

  /** MQTT when {@code FLOPS_MQTT_URL} is set, else the log. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  EventPublisher eventPublisher(AggregatorLaunch launch) {
    String clientId =
        "flops-aggregator-"
            + launch.role().envValue()
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

  @Bean
  @ConditionalOnMissingBean
  TrackerProvider trackerProvider(AggregatorLaunch launch) {
    return new Trackers(launch.tracking());
  }

  @Bean(destroyMethod = "close")
  AggregatorNode aggregatorNode(
      AggregatorSettings settings, EventPublisher events, TrackerProvider trackers) {
    return new AggregatorNode(
        settings,
        events,
        trackers,
        () -> UserClasses.modelManager(Thread.currentThread().getContextClassLoader()));
  }
}
