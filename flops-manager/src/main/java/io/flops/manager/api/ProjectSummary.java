package io.flops.manager.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.flops.common.api.ProjectState;
import io.flops.manager.project.Project;
import java.time.Instant;

/** One line of the project list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectSummary(
    @JsonProperty("flops_project_id") String id,
    @JsonProperty("customerID") String customerId,
    @JsonProperty("state") ProjectState state,
    @JsonProperty("ml_repo_url") String repoUrl,
    @JsonProperty("failure_reason") String failureReason,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  /** The summary of {@code project}. */
  public static ProjectSummary of(Project project) {
    return new ProjectSummary(
        project.getId(),
        project.getCustomerId(),
        project.getState(),
        project.getSla().mlRepoUrl(),
        project.getFailureReason(),
        project.getCreatedAt(),
        project.getUpdatedAt());
  }
}
