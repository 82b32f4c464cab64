package io.flops.aggregator.config;

import io.flops.aggregator.role.AggregatorNode;
import io.flops.aggregator.role.AggregatorSettings;
import io.flops.aggregator.strategy.OptimizerSettings;
import io.flops.aggregator.strategy.Strategies.StrategySettings;
import io.flops.aggregator.tracking.TrackerProvider;
import io.flops.aggregator.training.TrainingPlan;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.LoggingEventPublisher;
import io.flops.common.events.MqttEventPublisher;
import io.flops.mlapi.UserClasses;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the aggregator from its properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  AggregatorProperties.class,
  ProjectProperties.class,
  TrackingProperties.class
})
class AggregatorConfiguration {

  @Bean
  AggregatorSettings aggregatorSettings(AggregatorProperties a, ProjectProperties project) {
    TrainingPlan plan =
        new TrainingPlan(
            a.rounds(),
            a.minAvailableClients(),
            a.minFitClients(),
            a.minEvaluateClients(),
            a.localEpochs(),
            a.batchSize(),
            a.roundTimeout(),
            a.joinTimeout(),
            (int) a.chunkSize().toBytes(),
            a.config());
    StrategySettings strategy =
        new StrategySettings(
            new OptimizerSettings(a.serverLearningRate(), a.beta1(), a.beta2(), a.tau()),
            a.trimFraction(),
            a.byzantineLearners());
    return new AggregatorSettings(
        project.projectId(),
        a.role(),
        plan,
        a.strategy(),
        strategy,
        a.port(),
        a.heartbeatInterval(),
        a.livenessTimeout(),
        a.cluster(),
        a.rootAddress(),
        project.customerId(),
        project.repoUrl(),
        project.repoCommit(),
        a.modelDependencies());
  }

  /** MQTT when {@code FLOPS_MQTT_URL} is set, else the log. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  EventPublisher eventPublisher(ProjectProperties project, AggregatorProperties aggregator) {
    if (project.mqttUrl().isBlank()) {
      return new LoggingEventPublisher();
    }
    return MqttEventPublisher.connect(
        project.mqttUrl(),
        "flops-aggregator-"
            + aggregator.role().name().toLowerCase()
            + "-"
            + project.projectId()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8));
  }

  @Bean
  @ConditionalOnMissingBean
  TrackerProvider trackerProvider(TrackingProperties tracking) {
    return new Trackers(tracking);
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
