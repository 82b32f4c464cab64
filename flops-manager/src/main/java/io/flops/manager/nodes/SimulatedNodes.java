package io.flops.manager.nodes;

import io.flops.common.launch.DataServerLaunch;
import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.Cluster;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.InstancePlacement;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.orchestration.ServiceAddress;
import io.flops.manager.deploy.ServiceSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a platform whose nodes the manager simulates (local processes, one Docker host): {@code
 * flops.lifecycle.simulated-nodes} learner nodes spread over the active clusters (node {@code k} in
 * cluster {@code k mod clusters}), each with its own data server, started once when the manager is
 * ready and registered in the {@link NodeDirectory}.
 */
public class SimulatedNodes {

  private static final Logger log = LoggerFactory.getLogger(SimulatedNodes.class);

  private final Orchestrator orchestrator;
  private final ServiceSpecs specs;
  private final NodeDirectory directory;
  private final int count;
  private volatile String deploymentId;

  public SimulatedNodes(
      Orchestrator orchestrator, ServiceSpecs specs, NodeDirectory directory, int count) {
    this.orchestrator = orchestrator;
    this.specs = specs;
    this.directory = directory;
    this.count = count;
  }

  /** Deploys the nodes' data servers; a failure is logged, the manager keeps running. */
  public void start() {
    if (count == 0 || !orchestrator.locality().simulatesNodes()) {
      return;
    }
    try {
      String application =
          orchestrator.ensureApplication(
              new ApplicationSpec("dataserv", "dataserv", "flops", "FLOps simulated data servers"));
      List<InstancePlacement> placements = placements(count, orchestrator.activeClusters());
      String id = orchestrator.deploy(specs.simulatedDataServers(application, placements));
      deploymentId = id;
      List<LearnerNode> nodes = new ArrayList<>();
      for (int k = 0; k < placements.size(); k++) {
        nodes.add(node(orchestrator, id, k, placements.get(k)));
      }
      directory.register(nodes);
    } catch (RuntimeException e) {
      log.warn("Could not start the data servers of {} simulated nodes: {}", count, e.getMessage());
    }
  }

  /**
   * Starts the data servers again when the platform reports them failed or gone (a data server
   * process that died, a container removed): their data stays in their storage, their addresses are
   * registered anew.
   *
   * @return whether they were started again
   */
  public boolean restartIfGone() {
    String id = deploymentId;
    if (id == null) {
      return false;
    }
    DeploymentState state = orchestrator.status(id).state();
    if (state != DeploymentState.FAILED && state != DeploymentState.UNKNOWN) {
      return false;
    }
    log.warn("The data servers of the simulated nodes are {}; starting them again", state);
    orchestrator.undeploy(id);
    deploymentId = null;
    start();
    return deploymentId != null;
  }

  /** {@code count} simulated nodes, node {@code k} named {@code k} in cluster {@code k mod n}. */
  public static List<InstancePlacement> placements(int count, List<Cluster> clusters) {
    List<InstancePlacement> placements = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      String cluster = clusters.isEmpty() ? "local" : clusters.get(k % clusters.size()).name();
      placements.add(new InstancePlacement(cluster, Integer.toString(k), Map.of()));
    }
    return placements;
  }

  /** The node of instance {@code instance} of the deployed data servers, with their addresses. */
  public static LearnerNode node(
      Orchestrator orchestrator, String deploymentId, int instance, InstancePlacement placement) {
    ServiceAddress inside = orchestrator.address(deploymentId, instance);
    ServiceAddress outside = orchestrator.publicAddress(deploymentId, instance).orElse(inside);
    LearnerNode node =
        new LearnerNode(
            placement.cluster(),
            placement.node(),
            inside.hostPort(DataServerLaunch.FLIGHT_PORT),
            outside.hostPort(DataServerLaunch.FLIGHT_PORT),
            orchestrator
                .managerAddress(deploymentId, instance)
                .hostPort(DataServerLaunch.HTTP_PORT));
    log.info(
        "Data server of simulated node {} listens on {}{}",
        node.name(),
        node.dataServer(),
        node.publicDataServer().equals(node.dataServer())
            ? ""
            : " (from this host: " + node.publicDataServer() + ")");
    return node;
  }
}
