package io.flops.common.orchestration;

/** The state of a deployment or of one of its instances. */
public enum DeploymentState {
  /** Accepted, not yet placed. */
  REQUESTED(false),
  /** Placed on a worker, being pulled or started. */
  SCHEDULED(false),
  /** Running. */
  RUNNING(false),
  /** A one-shot service ended successfully. */
  COMPLETED(true),
  /** Ended with an error, or could not be started. */
  FAILED(true),
  /** Stopped by {@link Orchestrator#undeploy}. */
  UNDEPLOYED(true),
  /** The orchestrator does not know this id. */
  UNKNOWN(true);

  private final boolean terminal;

  DeploymentState(boolean terminal) {
    this.terminal = terminal;
  }

  /** True when this state never changes again. */
  public boolean isTerminal() {
    return terminal;
  }
}
