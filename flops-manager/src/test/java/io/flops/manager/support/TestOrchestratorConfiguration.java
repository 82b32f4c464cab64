package io.flops.manager.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Wires the in-memory Orchestrator double into a manager under test. */
@TestConfiguration(proxyBeanMethods = false)
public class TestOrchestratorConfiguration {

  @Bean
  InMemoryOrchestrator orchestrator() {
    return new InMemoryOrchestrator();
  }
}
