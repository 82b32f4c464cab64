package io.flops.common.orchestration;

import java.util.Map;

/**
 * Where one instance of a service runs and what it alone is told: decided where services are
 * specified (the manager knows the nodes and their data servers), carried out by the adapter.
 *
 * @param cluster the cluster of the node, or null
 * @param node the node the instance must run on, or null for wherever the adapter puts it
 * @param environment variables only this instance gets (e.g. the address of its node's data
 *     server), on top of the service's own
 */
public record InstancePlacement(String cluster, String node, Map<String, String> environment) {

  public InstancePlacement {
    environment = Map.copyOf(environment);
  }

  /** No particular node, nothing extra. */
  public static final InstancePlacement ANYWHERE = new InstancePlacement(null, null, Map.of());
}
