package io.flops.manager.lifecycle;

import io.flops.common.events.EventPublisher;
import io.flops.common.image.catalog.ImageCatalog;
import io.flops.common.sla.SlaValidator;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.KeyedExecutor;
import io.flops.manager.config.LifecycleProperties;
import io.flops.manager.config.QuotaProperties;
import io.flops.manager.deploy.InferenceProbe;
import io.flops.manager.deploy.Observatories;
import io.flops.manager.deploy.ProjectDeployer;
import io.flops.manager.deploy.TrackingServers;
import io.flops.manager.deploy.WebServers;
import io.flops.manager.image.CommitLookup;
import io.flops.manager.image.RepositoryPolicy;
import io.flops.manager.project.ProjectCopies;
import io.flops.manager.project.ProjectEndListener;
import io.flops.manager.project.ProjectListing;
import io.flops.manager.project.ProjectRepository;
import io.flops.manager.project.ProjectStore;
import io.flops.manager.project.RunningProjects;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Wires the project lifecycle: the store, the table and its dispatcher, the actions, the watchdog
 * and the API's project service. The manager expects exactly one {@link
 * io.flops.common.orchestration.Orchestrator} bean (chosen by {@code flops.orchestrator.type} in
 * {@code io.flops.manager.orchestration}).
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

  /** The per-customer counts of projects that have not ended, recounted at start-up. */
  @Bean
  RunningProjects runningProjects(MongoOperations mongo) {
    RunningProjects running = new RunningProjects(mongo);
    running.recount();
    return running;
  }

  @Bean
  ProjectStore projectStore(
      ProjectRepository repository,
      EventPublisher publisher,
      Clock clock,
      List<ProjectEndListener> endListeners,
      MongoConverter converter) {
    return new ProjectStore(
        repository, publisher, clock, endListeners, new ProjectCopies(converter));
  }

  @Bean
  ProjectActions projectActions(
      ProjectStore store,
      ProjectDeployer deployer,
      CommitLookup commits,
      ImageCatalog catalog,
      TrackingServers trackingServers,
      FlopsProperties properties) {
    return new ProjectActions(store, deployer, commits, catalog, trackingServers, properties);
  }

  @Bean
  Lifecycle lifecycle(
      ProjectStore store,
      ActionRunner actions,
      FlopsProperties properties,
      @Qualifier("flopsActions") ThreadPoolTaskExecutor flopsActions) {
    return new Lifecycle(
        store,
        new LifecycleTable(new Records(properties.getRegistry())),
        actions,
        new KeyedExecutor(flopsActions)::execute);
  }

  @Bean
  ProjectWatchdog projectWatchdog(
      ProjectRepository repository,
      Lifecycle lifecycle,
      ProjectDeployer deployer,
      LifecycleProperties properties,
      WebServers web,
      Clock clock,
      KeyedExecutor projectQueues) {
    return new ProjectWatchdog(
        repository,
        lifecycle,
        deployer,
        properties,
        new InferenceProbe(web.clientTrust()),
        clock,
        projectQueues::isBusy);
  }

  @Bean
  ProjectListing projectListing(MongoOperations mongo) {
    return new ProjectListing(mongo);
  }

  @Bean
  ProjectService projectService(
      ProjectStore store,
      ProjectRepository repository,
      ProjectListing listing,
      Observatories observatories,
      Lifecycle lifecycle,
      SlaValidator validator,
      KeyedExecutor projectQueues,
      QuotaProperties quotas,
      RepositoryPolicy repositories,
      RunningProjects runningProjects) {
    return new ProjectService(
        store,
        repository,
        listing,
        observatories,
        lifecycle,
        validator,
        projectQueues,
        quotas,
        repositories,
        runningProjects);
  }
}
