package io.flops.manager.orchestration.local;

import io.flops.common.launch.InstanceVariable;
import io.flops.common.orchestration.InstancePlacement;
import io.flops.common.orchestration.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the local orchestrator adds to an instance's environment: a free port per container port
 * ({@code FLOPS_PORT_<port>}), the instance's index, the simulated cluster and node of its
 * placement, its own variables, and a storage directory under its work directory when the service
 * keeps data. Everything else was decided where the service was specified.
 */
final class InstanceEnvironment {

  private final SimulatedClusters clusters;

  InstanceEnvironment(SimulatedClusters clusters) {
    this.clusters = clusters;
  }

  /** Where an instance runs and what it is told. */
  record Assignment(String node, Map<Integer, Integer> ports, Map<String, String> environment) {}

  Assignment assign(ServiceSpec spec, int instance, Path dir) {
    InstancePlacement placement = spec.placementOf(instance);
    Map<Integer, Integer> ports = new TreeMap<>();
    Map<String, String> env = new HashMap<>(spec.environment());
    env.putAll(placement.environment());
    for (int containerPort : spec.ports()) {
      int port = freePort();
      ports.put(containerPort, port);
      env.put(InstanceVariable.port(containerPort), Integer.toString(port));
    }
    env.put(InstanceVariable.LOCAL_CLUSTER.envName(), cluster(spec, placement, instance));
    if (placement.node() != null) {
      env.put(InstanceVariable.LOCAL_NODE.envName(), placement.node());
    }
    env.put(InstanceVariable.INSTANCE.envName(), Integer.toString(instance));
    if (spec.storageVariable() != null) {
      env.put(spec.storageVariable(), storage(dir).toString());
    }
    return new Assignment(placement.node(), ports, env);
  }

  private String cluster(ServiceSpec spec, InstancePlacement placement, int instance) {
    if (placement.cluster() != null) {
      return placement.cluster();
    }
    return spec.placement().cluster() != null
        ? spec.placement().cluster()
        : clusters.clusterOf(instance).name();
  }

  private static Path storage(Path dir) {
    try {
      return Files.createDirectories(dir.resolve("data"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the storage directory in " + dir, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on this host", e);
    }
  }
}
