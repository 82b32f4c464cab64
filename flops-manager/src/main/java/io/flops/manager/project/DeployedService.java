package io.flops.manager.project;

/**
 * A service the manager deployed for a project.
 *
 * @param role what it does
 * @param deploymentId the orchestrator's id
 * @param name the service name
 * @param image the image it runs
 * @param cluster its cluster (hierarchical FL), or null
 * @param undeployed true once the manager undeployed it
 */
public record DeployedService(
    ServiceRole role,
    String deploymentId,
    String name,
    String image,
    String cluster,
    boolean undeployed) {

  /** The same service, marked undeployed. */
  public DeployedService markUndeployed() {
    return new DeployedService(role, deploymentId, name, image, cluster, true);
  }
}
