package io.flops.cli.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A project as {@code GET /api/flops/projects/{id}} shows it (docs/api.md); fields the manager has
 * not set yet are null.
 *
 * @param id the project id
 * @param customerId the customer
 * @param state e.g. {@code TRAINING}, {@code COMPLETED}, {@code FAILED}
 * @param timeline every state transition, oldest first
 * @param services the services the manager deployed for it
 * @param images the actor images and, once built, the trained-model image
 * @param tracking where its rounds and best model are tracked
 * @param accuracy the best round's accuracy, once training ended
 * @param loss the best round's loss, once training ended
 * @param inferenceUrl where the deployed inference server answers
 * @param observerUrl where the project's observer answers while it runs
 * @param failureReason why it failed
 * @param failingComponent which component failed it
 * @param stageTimings when each reached stage was reached ({@code accepted}, {@code images_built},
 *     {@code first_round}, {@code training_done}, {@code inference_ready})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectStatus(
    @JsonProperty("flops_project_id") String id,
    @JsonProperty("customerID") String customerId,
    @JsonProperty("state") String state,
    @JsonProperty("timeline") List<Transition> timeline,
    @JsonProperty("services") List<Service> services,
    @JsonProperty("images") Images images,
    @JsonProperty("tracking") Tracking tracking,
    @JsonProperty("accuracy") Double accuracy,
    @JsonProperty("loss") Double loss,
    @JsonProperty("inference_url") String inferenceUrl,
    @JsonProperty("observer_url") String observerUrl,
    @JsonProperty("failure_reason") String failureReason,
    @JsonProperty("failing_component") String failingComponent,
    @JsonProperty("stage_timings") Map<String, Instant> stageTimings) {

  /** The states in which a project has ended. */
  public static final List<String> ENDED = List.of("COMPLETED", "FAILED", "CANCELLED");

  public ProjectStatus {
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
    services = services == null ? List.of() : List.copyOf(services);
    stageTimings = stageTimings == null ? Map.of() : Map.copyOf(stageTimings);
  }

  /** True once the project completed, failed or was cancelled. */
  public boolean ended() {
    return ENDED.contains(state);
  }

  /** The services not undeployed yet. */
  public List<Service> runningServices() {
    return services.stream().filter(service -> !service.undeployed()).toList();
  }

  /** One state transition. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Transition(
      @JsonProperty("at") Instant at,
      @JsonProperty("from") String from,
      @JsonProperty("to") String to,
      @JsonProperty("trigger") String trigger,
      @JsonProperty("message") String message) {}

  /** A service deployed for the project. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Service(
      @JsonProperty("role") String role,
      @JsonProperty("deploymentId") String deploymentId,
      @JsonProperty("name") String name,
      @JsonProperty("image") String image,
      @JsonProperty("cluster") String cluster,
      @JsonProperty("undeployed") boolean undeployed) {}

  /** The project's images. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Images(
      @JsonProperty("commit") String commit,
      @JsonProperty("learner") String learner,
      @JsonProperty("aggregator") String aggregator,
      @JsonProperty("reused") boolean reused,
      @JsonProperty("trainedModel") String trainedModel) {}

  /** Where the project is tracked. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Tracking(
      @JsonProperty("uri") String uri,
      @JsonProperty("experiment_id") String experimentId,
      @JsonProperty("run_id") String runId,
      @JsonProperty("model_uri") String modelUri) {}
}
