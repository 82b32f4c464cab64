package io.flops.manager.orchestration.oakestra;

import io.flops.manager.orchestration.OrchestratorProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The Oakestra orchestrator, used when {@code flops.orchestrator.type=oakestra}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "flops.orchestrator", name = "type", havingValue = "oakestra")
public class OakestraOrchestratorConfiguration {

  @Bean
  @ConditionalOnMissingBean
  IpAllocationStore ipAllocationStore(MongoTemplate mongo) {
    return new MongoIpAllocationStore(mongo);
  }

  @Bean
  @ConditionalOnMissingBean
  HostPortStore hostPortStore(MongoTemplate mongo) {
    return new MongoHostPortStore(mongo);
  }

  @Bean
  OakestraOrchestrator oakestraOrchestrator(
      OrchestratorProperties properties,
      IpAllocationStore ipAllocationStore,
      HostPortStore hostPortStore) {
    return create(properties.getOakestra(), ipAllocationStore, hostPortStore, Clock.systemUTC());
  }

  @Bean("oakestraHealthIndicator")
  OakestraHealth oakestraHealth(OakestraOrchestrator oakestra) {
    return new OakestraHealth(oakestra);
  }

  /** Builds the orchestrator with host ports kept in memory (tests). */
  public static OakestraOrchestrator create(
      OrchestratorProperties.Oakestra settings, IpAllocationStore ipStore, Clock clock) {
    return create(settings, ipStore, new InMemoryHostPortStore(), clock);
  }

  /** Builds the orchestrator from its settings (also used by tests). */
  public static OakestraOrchestrator create(
      OrchestratorProperties.Oakestra settings,
      IpAllocationStore ipStore,
      HostPortStore hostPortStore,
      Clock clock) {
    OakestraHttp http =
        new OakestraHttp(
            settings.getUrl(),
            settings.getRequestTimeout(),
            settings.getReadTimeout(),
            settings.getMaxAttempts(),
            settings.getInitialBackoff(),
            settings.getMaxBackoff());
    OakestraSession session =
        new OakestraSession(
            http,
            settings.getUsername(),
            settings.getPassword(),
            settings.getOrganization(),
            settings.getRefreshBeforeExpiry(),
            clock);
    return new OakestraOrchestrator(
        new OakestraApi(http, session),
        ipStore,
        new HostPorts(hostPortStore, settings.getHostPortMin(), settings.getHostPortMax()),
        settings.getUsername(),
        settings.getServiceCustomerId(),
        new CsiVolumes(settings.getVolumeCsiDriver(), settings.getVolumeConfig()));
  }
}
