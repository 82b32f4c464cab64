package io.flops.builder;

import io.flops.builder.config.BuilderProperties;
import io.flops.builder.flactors.FlActorsPlan;
import io.flops.builder.flactors.RepositoryContract;
import io.flops.builder.git.GitCloner;
import io.flops.builder.image.ImageTarget;
import io.flops.builder.image.LocalStoreTarget;
import io.flops.builder.image.RegistryTarget;
import io.flops.builder.maven.MavenBuild;
import io.flops.builder.maven.MavenRunner;
import io.flops.builder.maven.MlApiArtifact;
import io.flops.builder.plan.PlanRunner;
import io.flops.builder.trainedmodel.ModelFetcher;
import io.flops.builder.trainedmodel.TrainedModelPlan;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.LoggingEventPublisher;
import io.flops.common.events.MqttEventPublisher;
import io.flops.common.image.LocalImageStore;
import io.flops.common.image.registry.RegistryClient;
import io.flops.common.launch.BuilderLaunch;
import io.flops.common.launch.ImageOutput;
import io.flops.common.launch.LaunchEnvironment;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Wires the builder: plans, Maven, Git, the image target and the event publisher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BuilderProperties.class)
public class BuilderConfiguration {

  /** What the manager told this builder (docs/services.md). */
  @Bean
  BuilderLaunch builderLaunch(ConfigurableEnvironment environment) {
    return BuilderLaunch.fromEnvironment(LaunchEnvironment.of(environment));
  }

  @Bean
  MavenBuild mavenBuild(BuilderLaunch launch, BuilderProperties properties) {
    BuilderProperties.Maven maven = properties.getMaven();
    return new MavenBuild(
        new MavenRunner(
            launch.runtimes().mavenCommand(),
            maven.getLocalRepository(),
            maven.isOffline(),
            maven.getTimeout()),
        new MlApiArtifact(MlApiArtifact.flopsVersion()));
  }

  @Bean
  ImageTarget imageTarget(BuilderLaunch launch, BuilderProperties properties) {
    ImageOutput output = launch.output();
    if (output.toLocalStore()) {
      return new LocalStoreTarget(new LocalImageStore(output.localImageStore()), output.cacheDir());
    }
    return new RegistryTarget(
        output.registry(),
        new RegistryClient(
            output.registry(), output.registryPlainHttp(), properties.getRegistryTimeout()),
        output.cacheDir(),
        output.registryPlainHttp());
  }

  @Bean
  FlActorsPlan flActorsPlan(BuilderLaunch launch, MavenBuild maven, ImageTarget target) {
    return new FlActorsPlan(launch, new GitCloner(), new RepositoryContract(), maven, target);
  }

  @Bean
  TrainedModelPlan trainedModelPlan(BuilderLaunch launch, MavenBuild maven, ImageTarget target) {
    ModelFetcher fetcher = new ModelFetcher(launch.sources().tracking());
    return new TrainedModelPlan(launch, fetcher, maven, target);
  }

  /** MQTT when {@code FLOPS_MQTT_URL} is set, else the log; closed (drained) when the run ends. */
  @Bean
  @ConditionalOnMissingBean
  EventPublisher eventPublisher(BuilderLaunch launch) {
    String clientId = "flops-builder-" + launch.service().projectId() + "-" + UUID.randomUUID();
    return launch
        .service()
        .mqttPublisher(clientId)
        .<EventPublisher>map(MqttEventPublisher::new)
        .orElseGet(LoggingEventPublisher::new);
  }

  @Bean
  PlanRunner planRunner(EventPublisher events, BuilderLaunch launch, BuilderProperties properties) {
    return new PlanRunner(events, properties.getWorkDir(), launch.service().verbose());
  }
}
