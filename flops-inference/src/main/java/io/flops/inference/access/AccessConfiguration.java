package io.flops.inference.access;

import io.flops.common.launch.InferenceLaunch;
import io.flops.common.tls.web.HttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call this server and how: the token the manager gave ({@code FLOPS_INFERENCE_TOKEN}) and
 * HTTPS with its certificate ({@code FLOPS_TLS_*}); without them, plain HTTP open to every caller
 * (the demo's loopback server).
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

  @Bean
  FilterRegistrationBean<InvocationTokenFilter> invocationTokenFilter(InferenceLaunch launch) {
    FilterRegistrationBean<InvocationTokenFilter> registration =
        new FilterRegistrationBean<>(new InvocationTokenFilter(launch.token()));
    registration.setEnabled(!launch.token().isEmpty());
    log.info(
        launch.token().isEmpty()
            ? "Predictions are open to every caller: FLOPS_INFERENCE_TOKEN is not set"
            : "Predictions need the server's bearer token");
    return registration;
  }

  @Bean
  HttpsServer httpsServer(InferenceLaunch launch) {
    log.info(
        launch.tls().isEnabled()
            ? "Serving HTTPS with the certificate of FLOPS_TLS_CERTIFICATE"
            : "Serving plain HTTP: FLOPS_TLS_CERTIFICATE is not set");
    return new HttpsServer(launch.tls());
  }
}
