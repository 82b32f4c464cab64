package io.flops.manager.config;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The manager's properties and its two pools: the workers that apply events, and the action threads
 * that run what the steps ask for (deployments).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({
  FlopsProperties.class,
  ImagesProperties.class,
  MqttProperties.class,
  LifecycleProperties.class,
  TrackingProperties.class,
  EventsProperties.class,
  QuotaProperties.class,
  RepositoriesProperties.class,
  TlsProperties.class,
  InferenceProperties.class,
  DataServersProperties.class
})
public class WorkersConfiguration {

  @Bean
  ThreadPoolTaskExecutor flopsWorkers(LifecycleProperties lifecycle) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(lifecycle.getWorkerThreads());
    executor.setMaxPoolSize(lifecycle.getWorkerThreads());
    executor.setThreadNamePrefix("flops-worker-");
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(5);
    return executor;
  }

  @Bean
  ThreadPoolTaskExecutor flopsActions(LifecycleProperties lifecycle) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(lifecycle.getActionThreads());
    executor.setMaxPoolSize(lifecycle.getActionThreads());
    executor.setThreadNamePrefix("flops-action-");
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(5);
    return executor;
  }

  /** The worker threads, one task of a project at a time ({@link KeyedExecutor}). */
  @Bean
  KeyedExecutor projectQueues(@Qualifier("flopsWorkers") ThreadPoolTaskExecutor flopsWorkers) {
    return new KeyedExecutor(flopsWorkers);
  }
}
