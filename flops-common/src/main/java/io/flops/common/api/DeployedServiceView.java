package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A service the manager deployed for a project, one item of a project's {@code services}.
 *
 * @param role what it does for the project, e.g. {@code AGGREGATOR}, {@code LEARNER}, {@code
 *     INFERENCE_SERVER}
 * @param deploymentId the orchestrator's id of the deployment
 * @param name the service name
 * @param image the image it runs
 * @param cluster its cluster (hierarchical FL); left out otherwise
 * @param undeployed true once the manager undeployed it
 * @param platformState what the platform last reported while the manager watched it, e.g. {@code
 *     SCHEDULED} (placed, pulling its image) or {@code RUNNING}; left out before the first report
 * @param platformMessage the platform's own words with that state (Oakestra's status detail, a
 *     failure reason), when it gave any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeployedServiceView(
    @JsonProperty("role") String role,
    @JsonProperty("deployment_id") String deploymentId,
    @JsonProperty("name") String name,
    @JsonProperty("image") String image,
    @JsonProperty("cluster") String cluster,
    @JsonProperty("undeployed") boolean undeployed,
    @JsonProperty("platform_state") String platformState,
    @JsonProperty("platform_message") String platformMessage) {}
