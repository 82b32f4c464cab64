package io.flops.manager.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.flops.common.api.ProjectState;
import io.flops.common.sla.ProjectSla;
import io.flops.manager.project.DeployedService;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectImages;
import io.flops.manager.project.TimelineEntry;
import io.flops.manager.project.TrainingResults;
import io.flops.manager.stages.StageTimings;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything the API shows about one project. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectView(
    @JsonProperty("flops_project_id") String id,
    @JsonProperty("customerID") String customerId,
    @JsonProperty("state") ProjectState state,
    @JsonProperty("sla") ProjectSla sla,
    @JsonProperty("timeline") List<TimelineEntry> timeline,
    @JsonProperty("services") List<DeployedService> services,
    @JsonProperty("images") ProjectImages images,
    @JsonProperty("tracking") Tracking tracking,
    @JsonProperty("accuracy") Double accuracy,
    @JsonProperty("loss") Double loss,
    @JsonProperty("inference_url") String inferenceUrl,
    @JsonProperty("observer_url") String observerUrl,
    @JsonProperty("failure_reason") String failureReason,
    @JsonProperty("failing_component") String failingComponent,
    @JsonProperty("stage_timings") Map<String, Instant> stageTimings,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  /** Where the project's rounds and model are tracked. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Tracking(
      @JsonProperty("uri") String uri,
      @JsonProperty("experiment_id") String experimentId,
      @JsonProperty("run_id") String runId,
      @JsonProperty("model_uri") String modelUri) {}

  /** The view of {@code project}, without the observer's URL. */
  public static ProjectView of(Project project) {
    return of(project, null);
  }

  /** The view of {@code project} whose observer answers at {@code observerUrl} (or null). */
  public static ProjectView of(Project project, String observerUrl) {
    TrainingResults results = project.getResults();
    return new ProjectView(
        project.getId(),
        project.getCustomerId(),
        project.getState(),
        project.getSla(),
        project.getTimeline(),
        project.getServices(),
        project.getImages(),
        new Tracking(
            project.getTrackingUri(),
            results == null ? null : results.experimentId(),
            results == null ? null : results.runId(),
            results == null ? null : results.modelUri()),
        results == null ? null : results.accuracy(),
        results == null ? null : results.loss(),
        project.getInferenceUrl(),
        observerUrl,
        project.getFailureReason(),
        project.getFailingComponent(),
        StageTimings.of(project).byName(),
        project.getCreatedAt(),
        project.getUpdatedAt());
  }
}
