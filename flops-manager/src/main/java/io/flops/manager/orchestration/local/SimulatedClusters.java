package io.flops.manager.orchestration.local;

import io.flops.common.orchestration.Cluster;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated clusters of the local orchestrator, {@code local-1}, {@code local-2}, ...: what it
 * reports as active, and where an instance without a placement is counted (instance {@code k} in
 * cluster {@code k mod clusters}).
 */
final class SimulatedClusters {

  private final List<Cluster> clusters;

  SimulatedClusters(int count) {
    List<Cluster> list = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      list.add(new Cluster("local-" + (c + 1), "local-" + (c + 1)));
    }
    this.clusters = List.copyOf(list);
  }

  List<Cluster> all() {
    return clusters;
  }

  /** The cluster instance {@code instance} of a service without placement is counted in. */
  Cluster clusterOf(int instance) {
    return clusters.get(instance % clusters.size());
  }
}
