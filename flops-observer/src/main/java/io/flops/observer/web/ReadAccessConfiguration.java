package io.flops.observer.web;

import io.flops.common.launch.ObserverLaunch;
import io.flops.common.tls.web.HttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Guards the events with the read token the manager gave ({@code FLOPS_OBSERVER_READ_TOKEN}) and
 * serves HTTPS with the certificate it gave ({@code FLOPS_TLS_*}), else plain HTTP.
 */
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

  @Bean
  HttpsServer httpsServer(ObserverLaunch launch) {
    log.info(
        launch.tls().isEnabled()
            ? "Serving HTTPS with the certificate of FLOPS_TLS_CERTIFICATE"
            : "Serving plain HTTP: FLOPS_TLS_CERTIFICATE is not set");
    return new HttpsServer(launch.tls());
  }
}
