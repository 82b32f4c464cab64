package io.flops.manager.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.orchestration.Orchestrator;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.orchestration.docker.DockerOrchestrator;
import io.flops.manager.orchestration.docker.DockerOrchestratorConfiguration;
import io.flops.manager.orchestration.local.LocalOrchestratorConfiguration;
import io.flops.manager.orchestration.local.LocalProcessOrchestrator;
import io.flops.manager.orchestration.oakestra.HostPortStore;
import io.flops.manager.orchestration.oakestra.InMemoryHostPortStore;
import io.flops.manager.orchestration.oakestra.InMemoryIpAllocationStore;
import io.flops.manager.orchestration.oakestra.IpAllocationStore;
import io.flops.manager.orchestration.oakestra.OakestraOrchestrator;
import io.flops.manager.orchestration.oakestra.OakestraOrchestratorConfiguration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code flops.orchestrator.type} alone picks the adapter; local when unset. */
class OrchestratorSelectionTest {

  @TempDir Path dir;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(
            UserConfigurations.of(
                OrchestrationConfiguration.class,
                LocalOrchestratorConfiguration.class,
                DockerOrchestratorConfiguration.class,
                OakestraOrchestratorConfiguration.class))
        .withBean(IpAllocationStore.class, InMemoryIpAllocationStore::new)
        .withBean(HostPortStore.class, InMemoryHostPortStore::new)
        .withBean(FlopsProperties.class, this::flopsProperties);
  }

  private FlopsProperties flopsProperties() {
    FlopsProperties properties = new FlopsProperties();
    properties.setDataDir(dir);
    return properties;
  }

  @Test
  void localIsTheDefault() {
    runner()
        .run(
            context ->
                assertThat(context.getBean(Orchestrator.class))
                    .isInstanceOf(LocalProcessOrchestrator.class));
  }

  @Test
  void dockerAndOakestraAreChosenByProperty() {
    runner()
        .withPropertyValues("flops.orchestrator.type=docker")
        .run(
            context ->
                assertThat(context.getBean(Orchestrator.class))
                    .isInstanceOf(DockerOrchestrator.class));
    runner()
        .withPropertyValues(
            "flops.orchestrator.type=oakestra", "flops.orchestrator.oakestra.url=http://oak:10000")
        .run(
            context ->
                assertThat(context.getBean(Orchestrator.class))
                    .isInstanceOf(OakestraOrchestrator.class));
  }

  @Test
  void invalidSettingsFailAtStartup() {
    runner()
        .withPropertyValues("flops.orchestrator.local.clusters=0")
        .run(context -> assertThat(context).hasFailed());
  }
}
