package io.flops.observer;

import io.flops.common.launch.LaunchEnvironment;
import io.flops.common.launch.ObserverLaunch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Binds what the manager told this observer and its local limits. */
@Configuration(proxyBeanMethods = false)
public class ObserverConfiguration {

  /** What the manager told this observer (docs/services.md). */
  @Bean
  ObserverLaunch observerLaunch(ConfigurableEnvironment environment) {
    return ObserverLaunch.fromEnvironment(LaunchEnvironment.of(environment));
  }

  @Bean
  ObserverSettings observerSettings(ObserverLaunch launch, ObserverLimits limits) {
    return new ObserverSettings(launch, limits);
  }
}
