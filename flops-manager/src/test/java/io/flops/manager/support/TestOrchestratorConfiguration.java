package io.flops.manager.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Wires the in-memory Orchestrator double into a manager under test, as the primary Orchestrator
 * (the adapter {@code flops.orchestrator.type} selects may exist beside it).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestOrchestratorConfiguration {

  @Bean
  @Primary
  InMemoryOrchestrator inMemoryOrchestrator() {
    return new InMemoryOrchestrator();
  }
}
