package io.flops.manager.orchestration.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.flops.manager.orchestration.OrchestratorProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Docker-Engine-API orchestrator, used when {@code flops.orchestrator.type=docker}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "flops.orchestrator", name = "type", havingValue = "docker")
public class DockerOrchestratorConfiguration {

  @Bean(destroyMethod = "close")
  DockerOrchestrator dockerOrchestrator(OrchestratorProperties properties) {
    return create(properties.getDocker());
  }

  /** Builds the orchestrator from its settings (also used by tests). */
  public static DockerOrchestrator create(OrchestratorProperties.Docker settings) {
    DockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(settings.getHost())
            .build();
    ApacheDockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .build();
    DockerClient docker = DockerClientImpl.getInstance(config, http);
    return new DockerOrchestrator(
        docker,
        settings.getNetwork(),
        settings.getStopTimeout(),
        settings.getPullTimeout(),
        settings.isManagerOnNetwork());
  }
}
