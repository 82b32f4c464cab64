package io.flops.observer.web;

import io.flops.common.launch.ObserverLaunch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Guards the events with the read token the manager gave ({@code FLOPS_OBSERVER_READ_TOKEN}). */
@Configuration(proxyBeanMethods = false)
class ReadAccessConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ReadAccessConfiguration.class);

  @Bean
  FilterRegistrationBean<ReadTokenFilter> readTokenFilter(ObserverLaunch launch) {
    FilterRegistrationBean<ReadTokenFilter> registration =
        new FilterRegistrationBean<>(new ReadTokenFilter(launch.readToken()));
    registration.setEnabled(!launch.readToken().isEmpty());
    if (launch.readToken().isEmpty()) {
      log.warn(
          "The observer's events are open to every caller: FLOPS_OBSERVER_READ_TOKEN is not set");
    }
    return registration;
  }
}
