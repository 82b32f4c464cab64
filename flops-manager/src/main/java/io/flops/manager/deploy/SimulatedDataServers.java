package io.flops.manager.deploy;

import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.Orchestrator;
import io.flops.manager.config.LifecycleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With the local or Docker orchestrator (one host), starts the data servers of the simulated
 * learner nodes once, when the manager is ready ({@code flops.lifecycle.simulated-nodes} instances
 * of one long-running, project-less service), so that data can be pushed before the first project
 * and every learner instance finds its node's data server.
 */
@Component
@ConditionalOnExpression("'${flops.orchestrator.type:local}'.toLowerCase() matches 'local|docker'")
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

  private String address(String deploymentId, int instance) {
    return orchestrator.address(deploymentId, instance).hostPort(ServiceSpecs.DATA_SERVER_PORT);
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
        String inside = address(id, node);
        String outside =
            orchestrator
                .publicAddress(id, node)
                .map(a -> a.hostPort(ServiceSpecs.DATA_SERVER_PORT))
                .orElse(inside);
        log.info(
            "Data server of simulated node {} listens on {}{}",
            node,
            inside,
            outside.equals(inside) ? "" : " (from this host: " + outside + ")");
      }
    } catch (RuntimeException e) {
      log.warn("Could not start the data servers of {} simulated nodes: {}", nodes, e.getMessage());
    }
  }
}
