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
  OakestraOrchestrator oakestraOrchestrator(
      OrchestratorProperties properties, IpAllocationStore ipAllocationStore) {
    return create(properties.getOakestra(), ipAllocationStore, Clock.systemUTC());
  }

  @Bean("oakestraHealthIndicator")
  OakestraHealth oakestraHealth(OakestraOrchestrator oakestra) {
    return new OakestraHealth(oakestra);
  }

  /** Builds the orchestrator from its settings (also used by tests). */
  public static OakestraOrchestrator create(
      OrchestratorProperties.Oakestra settings, IpAllocationStore ipStore, Clock clock) {
    OakestraHttp http =
        new OakestraHttp(
            settings.getUrl(),
            settings.getRequestTimeout(),
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
        settings.getUsername(),
        settings.getServiceCustomerId(),
        new CsiVolumes(settings.getVolumeCsiDriver(), settings.getVolumeConfig()));
  }
}
