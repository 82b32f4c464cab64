package io.flops.builder;

import io.flops.builder.config.BuilderProperties;
import io.flops.builder.events.LoggingEventPublisher;
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
import io.flops.common.events.MqttEventPublisher;
import io.flops.common.image.LocalImageStore;
import io.flops.common.image.registry.RegistryClient;
import io.flops.common.launch.TrackingLaunch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the builder: plans, Maven, Git, the image target and the event publisher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BuilderProperties.class)
public class BuilderConfiguration {

  @Bean
  MavenBuild mavenBuild(BuilderProperties properties) {
    BuilderProperties.Maven maven = properties.getMaven();
    return new MavenBuild(
        new MavenRunner(
            maven.getCommand(), maven.getLocalRepository(), maven.isOffline(), maven.getTimeout()),
        new MlApiArtifact(MlApiArtifact.flopsVersion()));
  }

  @Bean
  ImageTarget imageTarget(BuilderProperties properties) {
    if (properties.getRegistry().isBlank()) {
      return new LocalStoreTarget(
          new LocalImageStore(properties.getLocalImageStore()), properties.getCacheDir());
    }
    return new RegistryTarget(
        properties.getRegistry(),
        new RegistryClient(
            properties.getRegistry(),
            properties.isRegistryPlainHttp(),
            properties.getRegistryTimeout()),
        properties.getCacheDir(),
        properties.isRegistryPlainHttp());
  }

  @Bean
  FlActorsPlan flActorsPlan(BuilderProperties properties, MavenBuild maven, ImageTarget target) {
    return new FlActorsPlan(properties, new GitCloner(), new RepositoryContract(), maven, target);
  }

  @Bean
  TrainedModelPlan trainedModelPlan(
      BuilderProperties properties,
      MavenBuild maven,
      ImageTarget target,
      @Value("${flops.tracking.uri:}") String trackingUri,
      @Value("${flops.tracking.token:}") String token,
      @Value("${flops.tracking.username:}") String username,
      @Value("${flops.tracking.password:}") String password) {
    ModelFetcher fetcher =
        new ModelFetcher(new TrackingLaunch(trackingUri, token, username, password));
    return new TrainedModelPlan(properties, fetcher, maven, target);
  }

  /** MQTT when {@code FLOPS_MQTT_URL} is set, else the log; closed (drained) when the run ends. */
  @Bean
  @ConditionalOnMissingBean
  EventPublisher eventPublisher(
      @Value("${flops.mqtt-url:}") String url,
      @Value("${flops.mqtt-username:}") String username,
      @Value("${flops.mqtt-password:}") String password,
      @Value("${flops.project-id:}") String projectId) {
    if (url.isBlank()) {
      return new LoggingEventPublisher();
    }
    MqttEventPublisher.Settings settings =
        MqttEventPublisher.Settings.of(
            url, "flops-builder-" + projectId + "-" + java.util.UUID.randomUUID());
    return new MqttEventPublisher(
        username.isBlank() ? settings : settings.withCredentials(username, password));
  }

  @Bean
  PlanRunner planRunner(
      EventPublisher events,
      BuilderProperties properties,
      @Value("${flops.verbose:false}") boolean verbose) {
    return new PlanRunner(events, properties.getWorkDir(), verbose);
  }
}
