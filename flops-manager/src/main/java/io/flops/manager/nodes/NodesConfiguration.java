package io.flops.manager.nodes;

import io.flops.common.orchestration.Orchestrator;
import io.flops.manager.config.DataServersProperties;
import io.flops.manager.config.LifecycleProperties;
import io.flops.manager.deploy.ServiceSpecs;
import io.flops.manager.mqtt.EventKeys;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires the learner nodes: the directory, the simulated nodes and the data servers' checks. */
@Configuration(proxyBeanMethods = false)
public class NodesConfiguration {

  @Bean
  DataServerTokens dataServerTokens(DataServersProperties configured, EventKeys keys) {
    return DataServerTokens.of(configured, keys);
  }

  @Bean
  NodeDirectory nodeDirectory() {
    return new NodeDirectory();
  }

  @Bean
  SimulatedNodes simulatedNodes(
      Orchestrator orchestrator,
      ServiceSpecs specs,
      NodeDirectory directory,
      LifecycleProperties lifecycle) {
    return new SimulatedNodes(orchestrator, specs, directory, lifecycle.getSimulatedNodes());
  }

  @Bean
  NodeChecks nodeChecks(NodeDirectory directory, SimulatedNodes simulated) {
    return new NodeChecks(directory, simulated, new DataServerProbe());
  }

  /**
   * Starts the simulated nodes once the manager is ready, then checks their data servers (started
   * again when gone) and asks what they hold.
   */
  static final class NodeChecks {
    private final NodeDirectory directory;
    private final SimulatedNodes simulated;
    private final DataServerProbe probe;

    NodeChecks(NodeDirectory directory, SimulatedNodes simulated, DataServerProbe probe) {
      this.directory = directory;
      this.simulated = simulated;
      this.probe = probe;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSimulatedNodes() {
      simulated.start();
      directory.refresh(probe);
    }

    @Scheduled(
        fixedDelayString = "${flops.lifecycle.status-poll-interval:5s}",
        initialDelayString = "${flops.lifecycle.status-poll-interval:5s}")
    void checkDataServers() {
      simulated.restartIfGone();
      directory.refresh(probe);
    }
  }
}
