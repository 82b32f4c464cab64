package io.flops.aggregator.config;

import io.flops.aggregator.events.LoggingEventPublisher;
import io.flops.aggregator.role.AggregatorNode;
import io.flops.aggregator.role.AggregatorSettings;
import io.flops.aggregator.strategy.OptimizerSettings;
import io.flops.aggregator.strategy.Strategies.StrategySettings;
import io.flops.aggregator.tracking.TrackerProvider;
import io.flops.aggregator.training.TrainingPlan;
import io.flops.common.events.EventPublisher;
import io.flops.mlapi.UserClasses;
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

  @Bean
  @ConditionalOnMissingBean
  EventPublisher eventPublisher() {
    return new LoggingEventPublisher();
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
