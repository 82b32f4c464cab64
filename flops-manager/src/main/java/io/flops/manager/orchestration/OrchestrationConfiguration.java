package io.flops.manager.orchestration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code flops.orchestrator.*}; the adapter itself comes from the configuration class that
 * {@code flops.orchestrator.type} selects (local when unset).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrchestratorProperties.class)
public class OrchestrationConfiguration {}
