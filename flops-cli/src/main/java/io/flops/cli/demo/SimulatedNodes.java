package io.flops.cli.demo;

import io.flops.cli.client.ManagerApiException;
import io.flops.cli.client.ManagerClient;
import io.flops.common.api.DataServerView;
import io.flops.common.api.NodeView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The data servers of the manager's learner nodes, as {@code GET /api/flops/nodes} lists them. */
public final class SimulatedNodes {

  private SimulatedNodes() {}

  /**
   * Waits until the manager lists {@code nodes} nodes whose data servers answered it.
   *
   * @return node → the data server's {@code host:port} as seen from this host
   */
  public static Map<String, String> await(ManagerClient manager, int nodes, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Map<String, String> ready = ready(manager);
      if (ready.size() >= nodes) {
        return ready;
      }
      if (Instant.now().isAfter(deadline) || Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException(
            "The data servers of "
                + nodes
                + " learner nodes were not ready within "
                + timeout.toSeconds()
                + " s (ready: "
                + ready
                + "); GET "
                + manager.baseUrl().resolve("api/flops/nodes")
                + " lists them");
      }
      Sleep.millis(500);
    }
  }

  private static Map<String, String> ready(ManagerClient manager) {
    Map<String, String> ready = new TreeMap<>();
    List<NodeView> listed;
    try {
      listed = manager.nodes();
    } catch (ManagerApiException e) {
      return ready;
    }
    for (NodeView node : listed) {
      DataServerView server = node.dataServer();
      if (server != null && server.ready()) {
        ready.put(
            node.node(),
            server.publicAddress() != null ? server.publicAddress() : server.address());
      }
    }
    return ready;
  }
}
