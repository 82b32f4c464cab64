package io.flops.manager.project;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer's observatory application (one per customer), created on the customer's first project,
 * and the customer's MLflow tracking server in it once one was deployed.
 *
 * @param customerId the customer
 * @param applicationId the orchestrator's application id
 * @param trackingDeploymentId the tracking server's deployment, or null
 * @param trackingUri the URI services log to (an address inside the platform), or null
 */
@Document("observatories")
public record Observatory(
    @Id String customerId, String applicationId, String trackingDeploymentId, String trackingUri) {

  /** A new observatory without a tracking server. */
  public Observatory(String customerId, String applicationId) {
    this(customerId, applicationId, null, null);
  }

  /** This observatory with the tracking server {@code deploymentId} serving at {@code uri}. */
  public Observatory withTracking(String deploymentId, String uri) {
    return new Observatory(customerId, applicationId, deploymentId, uri);
  }
}
