package io.flops.manager.orchestration.local;

import io.flops.common.launch.DataServerLaunch;
import io.flops.common.launch.InstanceVariable;
import io.flops.common.launch.LearnerLaunch;
import io.flops.common.launch.MockProviderLaunch;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-instance environment the local orchestrator adds: a free port per container port ({@code
 * FLOPS_PORT_<port>}), the simulated cluster and node, and the data server of a learner's node.
 */
final class InstanceEnvironment {

  /** The data server's Arrow Flight port (docs/services.md). */
  static final int DATA_SERVER_PORT = DataServerLaunch.FLIGHT_PORT;

  private final SimulatedNodes nodes;

  InstanceEnvironment(SimulatedNodes nodes) {
    this.nodes = nodes;
  }

  /** Where an instance runs and what it is told. */
  record Assignment(int node, Map<Integer, Integer> ports, Map<String, String> environment) {}

  Assignment assign(ServiceSpec spec, int instance, Path dir, List<LocalDeployment> deployments) {
    List<String> dataServers = dataServers(deployments);
    int node =
        spec.kind() == ServiceKind.DATA_SERVER
            ? instance
            : nodes.nodeOf(instance, spec.placement().cluster(), dataServers.size());
    Map<Integer, Integer> ports = new TreeMap<>();
    Map<String, String> env = new HashMap<>(spec.environment());
    for (int containerPort : spec.ports()) {
      int port = freePort();
      ports.put(containerPort, port);
      env.put(InstanceVariable.port(containerPort), Integer.toString(port));
    }
    String cluster =
        spec.placement().cluster() != null
            ? spec.placement().cluster()
            : nodes.clusterOfNode(node).name();
    env.put(InstanceVariable.LOCAL_CLUSTER.envName(), cluster);
    env.put(InstanceVariable.LOCAL_NODE.envName(), Integer.toString(node));
    env.put(InstanceVariable.INSTANCE.envName(), Integer.toString(instance));
    switch (spec.kind()) {
      case LEARNER -> {
        if (!dataServers.isEmpty()) {
          env.putIfAbsent(
              LearnerLaunch.Variable.DATA_SERVER.envName(),
              dataServers.get(node % dataServers.size()));
        }
      }
      case MOCK_DATA_PROVIDER -> {
        if (!dataServers.isEmpty()) {
          env.putIfAbsent(
              MockProviderLaunch.Variable.DATA_SERVERS.envName(), String.join(",", dataServers));
        }
      }
      case DATA_SERVER ->
          env.putIfAbsent(
              DataServerLaunch.Variable.STORAGE_DIR.envName(), dir.resolve("data").toString());
      default -> {}
    }
    return new Assignment(node, ports, env);
  }

  /** {@code host:port} of the data server of each simulated node, in node order. */
  static List<String> dataServers(List<LocalDeployment> deployments) {
    List<String> addresses = new ArrayList<>();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      LocalDeployment deployment = deployments.get(i);
      if (deployment.spec().kind() == ServiceKind.DATA_SERVER && !deployment.isUndeployed()) {
        for (LocalInstance instance : deployment.instances()) {
          Integer port = instance.ports().get(DATA_SERVER_PORT);
          if (port == null && !instance.ports().isEmpty()) {
            port = instance.ports().values().iterator().next();
          }
          if (port != null) {
            addresses.add("127.0.0.1:" + port);
          }
        }
        return addresses;
      }
    }
    return addresses;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on this host", e);
    }
  }
}
