package io.flops.manager.project;

import io.flops.common.events.EventPublisher;
import io.flops.common.image.catalog.ImageCatalog;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.sla.SlaValidator;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.ImagesProperties;
import io.flops.manager.config.LifecycleProperties;
import io.flops.manager.config.TrackingProperties;
import io.flops.manager.deploy.InferenceProbe;
import io.flops.manager.deploy.Observatories;
import io.flops.manager.deploy.ProjectDeployer;
import io.flops.manager.deploy.ServiceSpecs;
import io.flops.manager.deploy.TrackingServers;
import io.flops.manager.image.CommitLookup;
import io.flops.manager.mqtt.MqttEndpoint;
import io.flops.manager.orchestration.OrchestratorProperties;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/**
 * Wires the project lifecycle. The manager expects exactly one {@link Orchestrator} bean (chosen by
 * {@code flops.orchestrator.type} in {@code io.flops.manager.orchestration}).
 */
@Configuration(proxyBeanMethods = false)
public class LifecycleConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SlaValidator slaValidator(Validator validator) {
    return new SlaValidator(validator);
  }

  @Bean
  ServiceSpecs serviceSpecs(
      FlopsProperties flops,
      ImagesProperties images,
      TrackingProperties tracking,
      MqttEndpoint mqtt,
      OrchestratorProperties orchestration) {
    return new ServiceSpecs(
        flops,
        images,
        tracking,
        mqtt,
        orchestration.getType() == OrchestratorProperties.Type.LOCAL);
  }

  @Bean
  Observatories observatories(Orchestrator orchestrator, ObservatoryRepository repository) {
    return new Observatories(orchestrator, repository);
  }

  @Bean
  TrackingServers trackingServers(
      Orchestrator orchestrator,
      Observatories observatories,
      FlopsProperties flops,
      TrackingProperties tracking,
      OrchestratorProperties orchestration) {
    return new TrackingServers(
        orchestrator,
        observatories,
        flops,
        tracking,
        orchestration.getType() == OrchestratorProperties.Type.LOCAL);
  }

  @Bean
  ProjectDeployer projectDeployer(
      Orchestrator orchestrator,
      ServiceSpecs specs,
      Observatories observatories,
      LifecycleProperties lifecycle,
      Clock clock) {
    return new ProjectDeployer(
        orchestrator, specs, observatories, lifecycle.getObserverGrace(), clock);
  }

  @Bean
  ProjectStore projectStore(
      ProjectRepository repository,
      EventPublisher publisher,
      Clock clock,
      List<ProjectEndListener> endListeners) {
    return new ProjectStore(repository, publisher, clock, endListeners);
  }

  @Bean
  ProjectLifecycle projectLifecycle(
      ProjectStore store,
      ProjectDeployer deployer,
      CommitLookup commits,
      ImageCatalog catalog,
      TrackingServers trackingServers,
      FlopsProperties properties) {
    return new ProjectLifecycle(store, deployer, commits, catalog, trackingServers, properties);
  }

  @Bean
  ComponentEventHandler componentEventHandler(ProjectLifecycle lifecycle) {
    return new ComponentEventHandler(lifecycle);
  }

  @Bean
  ProjectWatchdog projectWatchdog(
      ProjectRepository repository,
      ProjectLifecycle lifecycle,
      ProjectDeployer deployer,
      LifecycleProperties properties) {
    return new ProjectWatchdog(repository, lifecycle, deployer, properties, new InferenceProbe());
  }

  @Bean
  ProjectService projectService(
      ProjectStore store,
      ProjectRepository repository,
      Observatories observatories,
      ProjectLifecycle lifecycle,
      ProjectDeployer deployer,
      SlaValidator validator,
      @Qualifier("flopsWorkers") TaskExecutor workers) {
    return new ProjectService(
        store, repository, observatories, lifecycle, deployer, validator, workers);
  }
}
