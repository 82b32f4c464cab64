package io.flops.common.launch;

/**
 * The variables an orchestrator adds to each instance it starts (docs/services.md, "Added by the
 * orchestrator"): services read them, the manager never sets them.
 */
public enum InstanceVariable implements LaunchVariable {
  /** The 0-based index of the instance within its service (local-process and Docker adapters). */
  INSTANCE("FLOPS_INSTANCE"),
  /** The simulated cluster the instance runs in (local-process adapter). */
  LOCAL_CLUSTER("FLOPS_LOCAL_CLUSTER"),
  /** The simulated node the instance runs on (local-process adapter). */
  LOCAL_NODE("FLOPS_LOCAL_NODE");

  /** The prefix of {@link #port(int)}. */
  public static final String PORT_PREFIX = "FLOPS_PORT_";

  private final String envName;

  InstanceVariable(String envName) {
    this.envName = envName;
  }

  @Override
  public String envName() {
    return envName;
  }

  /**
   * {@code FLOPS_PORT_<containerPort>}: the port the process must really listen on for the
   * container port it declared (a free port for local processes, the container port itself in
   * containers).
   */
  public static String port(int containerPort) {
    return PORT_PREFIX + containerPort;
  }
}
