package io.flops.common.orchestration;

/**
 * Where an {@link Orchestrator}'s services run, as far as the manager's wiring cares: what it may
 * hand them (paths and programs of this host) and whether it simulates learner nodes itself.
 */
public enum Locality {
  /** Child processes of the manager: they share its file system and its programs. */
  HOST_PROCESSES,
  /** Containers on one host (a Docker engine): host directories can be mounted, nodes simulated. */
  ONE_HOST,
  /** Workers of a cluster (Oakestra): nothing of the manager's host reaches them. */
  CLUSTER;

  /** Whether services may be given paths and programs of the manager's host. */
  public boolean sharesHostFiles() {
    return this == HOST_PROCESSES;
  }

  /**
   * The address services bind their listeners to ({@code FLOPS_BIND_HOST}): loopback for processes
   * on the manager's host, which reach each other there; empty (every interface) in containers,
   * whose ports the platform publishes.
   */
  public String bindHost() {
    return this == HOST_PROCESSES ? "127.0.0.1" : "";
  }

  /** Whether the manager simulates learner nodes (and starts their data servers) itself. */
  public boolean simulatesNodes() {
    return this != CLUSTER;
  }
}
