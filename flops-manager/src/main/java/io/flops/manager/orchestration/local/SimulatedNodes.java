package io.flops.manager.orchestration.local;

import io.flops.common.orchestration.Cluster;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated clusters and learner nodes of the local orchestrator. Node {@code k} (0, 1, ...) is
 * the host of data-server instance {@code k} and belongs to cluster {@code k mod clusters}; cluster
 * {@code c} is named {@code local-<c+1>}.
 */
final class SimulatedNodes {

  private final List<Cluster> clusters;

  SimulatedNodes(int clusterCount) {
    List<Cluster> list = new ArrayList<>();
    for (int c = 0; c < clusterCount; c++) {
      list.add(new Cluster("local-" + (c + 1), "local-" + (c + 1)));
    }
    this.clusters = List.copyOf(list);
  }

  List<Cluster> clusters() {
    return clusters;
  }

  /** The cluster node {@code node} belongs to. */
  Cluster clusterOfNode(int node) {
    return clusters.get(node % clusters.size());
  }

  /**
   * The node instance {@code instance} of a service runs on: with a cluster, the {@code
   * instance}-th node of that cluster; without, node {@code instance}. Wraps around {@code
   * nodeCount} nodes (at least one node per cluster is assumed when there are no data servers).
   */
  int nodeOf(int instance, String clusterName, int nodeCount) {
    int nodes = Math.max(nodeCount, clusters.size());
    if (clusterName == null) {
      return instance % nodes;
    }
    int clusterIndex = indexOf(clusterName);
    List<Integer> inCluster = new ArrayList<>();
    for (int node = 0; node < nodes; node++) {
      if (node % clusters.size() == clusterIndex) {
        inCluster.add(node);
      }
    }
    return inCluster.get(instance % inCluster.size());
  }

  private int indexOf(String clusterName) {
    for (int c = 0; c < clusters.size(); c++) {
      if (clusters.get(c).name().equals(clusterName)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "No simulated cluster named " + clusterName + "; there are " + clusters);
  }
}
