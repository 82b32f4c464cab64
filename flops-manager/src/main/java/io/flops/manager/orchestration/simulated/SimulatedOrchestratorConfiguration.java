package io.flops.manager.orchestration.simulated;

import io.flops.manager.image.CommitLookup;
import io.flops.manager.orchestration.OrchestratorProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulated orchestrator, used when {@code flops.orchestrator.type=simulated}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "flops.orchestrator", name = "type", havingValue = "simulated")
public class SimulatedOrchestratorConfiguration {

  @Bean(destroyMethod = "close")
  SimulatedOrchestrator simulatedOrchestrator(
      OrchestratorProperties properties, CommitLookup commits) {
    OrchestratorProperties.Simulated settings = properties.getSimulated();
    return new SimulatedOrchestrator(
        settings.getStepDelay(),
        settings.isAligned(),
        settings.getThreads(),
        new SimulatedComponents(commits));
  }
}
