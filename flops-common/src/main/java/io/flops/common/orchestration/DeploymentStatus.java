package io.flops.common.orchestration;

import java.util.List;

/**
 * Aggregated and per-instance state of a deployment.
 *
 * @param deploymentId the id {@link Orchestrator#deploy} returned
 * @param state aggregated: FAILED if any instance failed, RUNNING if any runs, COMPLETED when all
 *     completed
 * @param instances one entry per instance
 * @param message the platform's reason for a failure, or null
 */
public record DeploymentStatus(
    String deploymentId, DeploymentState state, List<InstanceStatus> instances, String message) {

  public DeploymentStatus {
    instances = List.copyOf(instances);
  }

  /** The status of an id the orchestrator does not know. */
  public static DeploymentStatus unknown(String deploymentId) {
    return new DeploymentStatus(deploymentId, DeploymentState.UNKNOWN, List.of(), null);
  }

  /** The state of one instance, with its exit code when it ended (else null). */
  public record InstanceStatus(
      int instance, DeploymentState state, Integer exitCode, String message) {}
}
