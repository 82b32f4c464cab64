package io.flops.manager.orchestration.oakestra;

import io.flops.common.orchestration.OrchestrationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the worker host ports a published service's container ports are mapped to (the SLA's
 * {@code "hostPort:containerPort"}), from a configured range. Oakestra picks the worker only after
 * the service is registered, so a port is unique among all services the manager published, which
 * keeps two services on one worker (e.g. the observers of two projects) from colliding.
 */
final class HostPorts {

  private final HostPortStore store;
  private final int first;
  private final int last;

  HostPorts(HostPortStore store, int first, int last) {
    if (first < 1 || last > 65535 || first > last) {
      throw new IllegalArgumentException(
          "The host port range " + first + "-" + last + " is not a range of TCP ports");
    }
    this.store = store;
    this.first = first;
    this.last = last;
  }

  /**
   * Container port → host port for {@code serviceName}; the ports it holds already when it holds
   * enough, else newly claimed ones.
   *
   * @throws OrchestrationException when the range has too few free ports left
   */
  synchronized Map<Integer, Integer> allocate(String serviceName, List<Integer> containerPorts) {
    List<Integer> held = store.portsOf(serviceName);
    if (held.size() != containerPorts.size()) {
      store.release(serviceName);
      held = claim(serviceName, containerPorts.size());
    }
    Map<Integer, Integer> mapping = new LinkedHashMap<>();
    for (int i = 0; i < containerPorts.size(); i++) {
      mapping.put(containerPorts.get(i), held.get(i));
    }
    return mapping;
  }

  /** Frees the ports of {@code serviceName}. */
  void release(String serviceName) {
    store.release(serviceName);
  }

  private List<Integer> claim(String serviceName, int count) {
    int claimed = 0;
    for (int port = first; port <= last && claimed < count; port++) {
      if (store.claim(port, serviceName)) {
        claimed++;
      }
    }
    if (claimed < count) {
      store.release(serviceName);
      throw new OrchestrationException(
          "No free host port in "
              + first
              + "-"
              + last
              + " is left for service "
              + serviceName
              + "; undeploy services or widen flops.orchestrator.oakestra.host-port-min/max");
    }
    return store.portsOf(serviceName);
  }
}
