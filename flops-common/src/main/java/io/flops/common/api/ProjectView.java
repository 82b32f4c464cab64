package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.flops.common.sla.ProjectSla;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One project as {@code GET /api/flops/projects/{id}} (and {@code DELETE}) shows it (docs/api.md);
 * fields the manager has not set yet are left out.
 *
 * @param id the project id
 * @param customerId the customer (the original's spelling {@code customerID})
 * @param state where the project is in its lifecycle
 * @param sla the SLA as accepted, with defaults filled in
 * @param timeline every state transition, oldest first
 * @param services the services the manager deployed for the project
 * @param images the actor images and, once built, the trained-model image
 * @param tracking where the project's rounds and best model are tracked
 * @param accuracy the best round's accuracy, once training ended
 * @param loss the best round's loss, once training ended
 * @param inferenceUrl where the deployed inference server answers
 * @param inferenceToken the bearer token that server needs ({@code Authorization: Bearer <token>}),
 *     while it is deployed and the manager requires one ({@code flops.inference.token-required})
 * @param observerUrl where the project's observer answers while it is deployed
 * @param failureReason why the project failed
 * @param failingComponent which component failed it
 * @param stageTimings when the project reached each milestone, in milestone order (only the reached
 *     ones)
 * @param createdAt when the project was accepted
 * @param updatedAt the project's last change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectView(
    @JsonProperty("flops_project_id") String id,
    @JsonProperty("customerID") String customerId,
    @JsonProperty("state") ProjectState state,
    @JsonProperty("sla") ProjectSla sla,
    @JsonProperty("timeline") List<TimelineStepView> timeline,
    @JsonProperty("services") List<DeployedServiceView> services,
    @JsonProperty("images") ProjectImagesView images,
    @JsonProperty("tracking") ProjectTrackingView tracking,
    @JsonProperty("accuracy") Double accuracy,
    @JsonProperty("loss") Double loss,
    @JsonProperty("inference_url") String inferenceUrl,
    @JsonProperty("inference_token") String inferenceToken,
    @JsonProperty("observer_url") String observerUrl,
    @JsonProperty("failure_reason") String failureReason,
    @JsonProperty("failing_component") String failingComponent,
    @JsonProperty("stage_timings") Map<Milestone, Instant> stageTimings,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  public ProjectView {
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
    services = services == null ? List.of() : List.copyOf(services);
    stageTimings = ordered(stageTimings);
  }

  /** The services not undeployed yet. */
  public List<DeployedServiceView> runningServices() {
    return services.stream().filter(service -> !service.undeployed()).toList();
  }

  private static Map<Milestone, Instant> ordered(Map<Milestone, Instant> timings) {
    Map<Milestone, Instant> ordered = new EnumMap<>(Milestone.class);
    if (timings != null) {
      ordered.putAll(timings);
    }
    return Collections.unmodifiableMap(ordered);
  }
}
