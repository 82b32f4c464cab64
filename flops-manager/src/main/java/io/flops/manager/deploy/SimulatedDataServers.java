package io.flops.manager.deploy;

import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.Orchestrator;
import io.flops.manager.config.LifecycleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With the local orchestrator, starts the data servers of the simulated learner nodes once, when
 * the manager is ready ({@code flops.lifecycle.simulated-nodes} instances of one long-running,
 * project-less service), so that data can be pushed before the first project and every learner
 * instance finds its node's data server.
 */
@Component
@ConditionalOnProperty(
    prefix = "flops.orchestrator",
    name = "type",
    havingValue = "local",
    matchIfMissing = true)
public class SimulatedDataServers {

  private static final Logger log = LoggerFactory.getLogger(SimulatedDataServers.class);

  private final Orchestrator orchestrator;
  private final ServiceSpecs specs;
  private final LifecycleProperties lifecycle;

  public SimulatedDataServers(
      Orchestrator orchestrator, ServiceSpecs specs, LifecycleProperties lifecycle) {
    this.orchestrator = orchestrator;
    this.specs = specs;
    this.lifecycle = lifecycle;
  }

  /** Deploys the data servers; a failure is logged, the manager keeps running. */
  @EventListener(ApplicationReadyEvent.class)
  public void start() {
    int nodes = lifecycle.getSimulatedNodes();
    if (nodes == 0) {
      return;
    }
    try {
      String application =
          orchestrator.ensureApplication(
              new ApplicationSpec("dataserv", "dataserv", "flops", "FLOps simulated data servers"));
      String id = orchestrator.deploy(specs.simulatedDataServers(application, nodes));
      for (int node = 0; node < nodes; node++) {
        log.info(
            "Data server of simulated node {} listens on {}",
            node,
            orchestrator.address(id, node).hostPort(ServiceSpecs.DATA_SERVER_PORT));
      }
    } catch (RuntimeException e) {
      log.warn("Could not start the data servers of {} simulated nodes: {}", nodes, e.getMessage());
    }
  }
}
