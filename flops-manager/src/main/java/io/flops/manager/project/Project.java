package io.flops.manager.project;

import io.flops.common.api.ProjectState;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.sla.ProjectSla;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A FLOps project: its SLA, where it is in its lifecycle, every step it took, the work the manager
 * still has to do for it, the services it started and what it produced. Stored with optimistic
 * locking. Its methods only record; the lifecycle (package {@code io.flops.manager.lifecycle})
 * decides and acts.
 */
@Document("projects")
@CompoundIndexes({
  @CompoundIndex(name = "customer_state", def = "{'customerId': 1, 'state': 1}"),
  @CompoundIndex(name = "newest_first", def = "{'createdAt': -1, '_id': -1}"),
  @CompoundIndex(
      name = "customer_newest_first",
      def = "{'customerId': 1, 'createdAt': -1, '_id': -1}")
})
public class Project {

  @Id private String id;
  @Version private Long version;
  @Indexed private String customerId;
  private ProjectSla sla;
  @Indexed private ProjectState state;
  private List<TimelineEntry> timeline = new ArrayList<>();
  private List<DeployedService> services = new ArrayList<>();
  private Set<String> handledEventIds = new LinkedHashSet<>();
  private ProjectImages images;
  private TrainingResults results;
  private String projectApplicationId;
  private String observatoryApplicationId;
  private String trackingUri;
  private String inferenceUrl;
  private String observerUrl;
  private String failureReason;
  private String failingComponent;
  private Instant createdAt;
  private Instant updatedAt;
  private Instant firstRoundAt;
  private Action pendingAction;

  protected Project() {}

  /** A new project in {@link ProjectState#ACCEPTED}. */
  public static Project accept(String id, ProjectSla sla, Instant now) {
    Project project = new Project();
    project.id = id;
    project.sla = sla;
    project.customerId = sla.customerId();
    project.state = ProjectState.ACCEPTED;
    project.createdAt = now;
    project.updatedAt = now;
    project.timeline.add(
        new TimelineEntry(now, null, ProjectState.ACCEPTED, null, "Project accepted."));
    return project;
  }

  /**
   * Appends a step to the timeline and moves the project to {@code to}, recording {@code action} as
   * the work the manager still has to do for it (null for none). Only the lifecycle table decides
   * which steps are allowed; here a terminal project refuses every step.
   *
   * @throws IllegalStateException when the project has ended
   */
  public void enter(ProjectState to, Trigger trigger, String message, Action action, Instant now) {
    if (state.isTerminal()) {
      throw new IllegalStateException(
          "Project " + id + " ended in " + state + " and cannot take " + trigger);
    }
    timeline.add(new TimelineEntry(now, state, to, trigger, message));
    state = to;
    pendingAction = action;
    updatedAt = now;
  }

  /** Records why the project failed and which component failed it. */
  public void recordFailure(String component, String reason) {
    failingComponent = component;
    failureReason = reason;
  }

  /** The work the last step asked for and that has not been done yet, or null. */
  public Action getPendingAction() {
    return pendingAction;
  }

  /** Records that {@code action} is done, unless a later step asked for other work since. */
  public void actionDone(Action action) {
    if (pendingAction == action) {
      pendingAction = null;
    }
  }

  /** The states the project went through, e.g. {@code ACCEPTED → PREPARING → FAILED}. */
  public String history() {
    return timeline.stream().map(e -> e.to().name()).collect(Collectors.joining(" → "));
  }

  /** Remembers an event id; false when it was handled before (a duplicate). */
  public boolean markHandled(String eventId) {
    return eventId == null || handledEventIds.add(eventId);
  }

  /** Records a deployed service. */
  public void addService(DeployedService service) {
    services.add(service);
  }

  /** The live (not undeployed) services with {@code role}. */
  public List<DeployedService> live(ServiceRole role) {
    return services.stream().filter(s -> s.role() == role && !s.undeployed()).toList();
  }

  /** The first live service with {@code role}. */
  public Optional<DeployedService> liveOne(ServiceRole role) {
    return live(role).stream().findFirst();
  }

  /** Every service not yet undeployed. */
  public List<DeployedService> liveServices() {
    return services.stream().filter(s -> !s.undeployed()).toList();
  }

  /** When the project reached its terminal state, or null while it runs. */
  public Instant endedAt() {
    return state.isTerminal() ? timeline.get(timeline.size() - 1).at() : null;
  }

  /**
   * Whether {@code service} keeps running after the project ended: the inference server of a
   * completed project, and the observer until {@code observerGrace} after the end.
   */
  public boolean keepsAfterEnd(DeployedService service, Instant now, Duration observerGrace) {
    if (state == ProjectState.COMPLETED && service.role() == ServiceRole.INFERENCE_SERVER) {
      return true;
    }
    return service.role() == ServiceRole.OBSERVER && now.isBefore(endedAt().plus(observerGrace));
  }

  /** True for a terminal project that still has services to undeploy at {@code now}. */
  public boolean needsCleanUp(Instant now, Duration observerGrace) {
    return state.isTerminal()
        && liveServices().stream().anyMatch(s -> !keepsAfterEnd(s, now, observerGrace));
  }

  /** When the first FL round finished, or null before that. */
  public Instant getFirstRoundAt() {
    return firstRoundAt;
  }

  /** Records when the first FL round finished; false when an earlier one was recorded already. */
  public boolean recordFirstRound(Instant at) {
    if (firstRoundAt != null && !at.isBefore(firstRoundAt)) {
      return false;
    }
    firstRoundAt = at;
    return true;
  }

  /**
   * Records what the platform reports for the service with {@code deploymentId}.
   *
   * @return whether that changed what the project shows
   */
  public boolean recordPlatformStatus(String deploymentId, DeploymentState state, String message) {
    boolean[] changed = {false};
    services.replaceAll(
        s -> {
          if (!s.deploymentId().equals(deploymentId)
              || (s.platformState() == state && Objects.equals(s.platformMessage(), message))) {
            return s;
          }
          changed[0] = true;
          return s.reported(state, message);
        });
    return changed[0];
  }

  /** Marks the service with {@code deploymentId} undeployed. */
  public void markUndeployed(String deploymentId) {
    boolean observer =
        services.stream()
            .anyMatch(
                s -> s.deploymentId().equals(deploymentId) && s.role() == ServiceRole.OBSERVER);
    services.replaceAll(s -> s.deploymentId().equals(deploymentId) ? s.markUndeployed() : s);
    if (observer) {
      observerUrl = null;
    }
  }

  public String getId() {
    return id;
  }

  public Long getVersion() {
    return version;
  }

  public String getCustomerId() {
    return customerId;
  }

  public ProjectSla getSla() {
    return sla;
  }

  public ProjectState getState() {
    return state;
  }

  public List<TimelineEntry> getTimeline() {
    return List.copyOf(timeline);
  }

  public List<DeployedService> getServices() {
    return List.copyOf(services);
  }

  public ProjectImages getImages() {
    return images;
  }

  public void setImages(ProjectImages images) {
    this.images = images;
  }

  public TrainingResults getResults() {
    return results;
  }

  public void setResults(TrainingResults results) {
    this.results = results;
  }

  public String getProjectApplicationId() {
    return projectApplicationId;
  }

  public void setProjectApplicationId(String projectApplicationId) {
    this.projectApplicationId = projectApplicationId;
  }

  public String getObservatoryApplicationId() {
    return observatoryApplicationId;
  }

  public void setObservatoryApplicationId(String observatoryApplicationId) {
    this.observatoryApplicationId = observatoryApplicationId;
  }

  public String getTrackingUri() {
    return trackingUri;
  }

  public void setTrackingUri(String trackingUri) {
    this.trackingUri = trackingUri;
  }

  public String getInferenceUrl() {
    return inferenceUrl;
  }

  /**
   * Where users reach the project's observer, as the watchdog last found it while the observer ran
   * (the API never asks the platform on a request); null before that and once it is undeployed.
   */
  public String getObserverUrl() {
    return observerUrl;
  }

  public void setObserverUrl(String observerUrl) {
    this.observerUrl = observerUrl;
  }

  public void setInferenceUrl(String inferenceUrl) {
    this.inferenceUrl = inferenceUrl;
  }

  public String getFailureReason() {
    return failureReason;
  }

  public String getFailingComponent() {
    return failingComponent;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
