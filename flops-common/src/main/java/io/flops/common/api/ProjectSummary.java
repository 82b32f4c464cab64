package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One item of {@code GET /api/flops/projects}, the project list (docs/api.md).
 *
 * @param id the project id
 * @param customerId the customer (the original's spelling {@code customerID})
 * @param state where the project is in its lifecycle
 * @param mlRepoUrl the SLA's ML repository
 * @param failureReason why the project failed, else left out
 * @param createdAt when the project was accepted
 * @param updatedAt the project's last change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectSummary(
    @JsonProperty("flops_project_id") String id,
    @JsonProperty("customerID") String customerId,
    @JsonProperty("state") ProjectState state,
    @JsonProperty("ml_repo_url") String mlRepoUrl,
    @JsonProperty("failure_reason") String failureReason,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {}
