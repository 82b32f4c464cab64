package io.flops.manager.project;

import io.flops.common.orchestration.DeploymentState;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * A service the manager deployed for a project.
 *
 * @param role what it does
 * @param deploymentId the orchestrator's id
 * @param name the service name
 * @param image the image it runs
 * @param cluster its cluster (hierarchical FL), or null
 * @param undeployed true once the manager undeployed it
 * @param platformState what the orchestrator last reported for it, or null
 * @param platformMessage the orchestrator's message with that state, or null
 */
public record DeployedService(
    ServiceRole role,
    String deploymentId,
    String name,
    String image,
    String cluster,
    boolean undeployed,
    DeploymentState platformState,
    String platformMessage) {

  /** How the store reads it back. */
  @PersistenceCreator
  public DeployedService {}

  /** A service as deployed, before the platform reported on it. */
  public DeployedService(
      ServiceRole role,
      String deploymentId,
      String name,
      String image,
      String cluster,
      boolean undeployed) {
    this(role, deploymentId, name, image, cluster, undeployed, null, null);
  }

  /** The same service, marked undeployed. */
  public DeployedService markUndeployed() {
    return new DeployedService(
        role, deploymentId, name, image, cluster, true, platformState, platformMessage);
  }

  /** The same service with what the platform reported now. */
  public DeployedService reported(DeploymentState state, String message) {
    return new DeployedService(
        role, deploymentId, name, image, cluster, undeployed, state, message);
  }
}
