package io.flops.manager.api;

import io.flops.common.api.DeployedServiceView;
import io.flops.common.api.ProjectImagesView;
import io.flops.common.api.ProjectSummary;
import io.flops.common.api.ProjectTrackingView;
import io.flops.common.api.ProjectView;
import io.flops.common.api.TimelineStepView;
import io.flops.manager.project.DeployedService;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectImages;
import io.flops.manager.project.TimelineEntry;
import io.flops.manager.project.TrainingResults;
import io.flops.manager.stages.StageTimings;

/**
 * Maps a stored {@link Project} to the API's resources ({@code io.flops.common.api}): the stored
 * records never appear in an answer, so either side can change without changing the other.
 */
public final class ProjectViews {

  private ProjectViews() {}

  /**
   * The view of {@code project} whose observer answers at {@code observerUrl} and whose inference
   * server needs {@code inferenceToken} (each null when none).
   */
  public static ProjectView view(Project project, String observerUrl, String inferenceToken) {
    TrainingResults results = project.getResults();
    return new ProjectView(
        project.getId(),
        project.getCustomerId(),
        project.getState(),
        project.getSla(),
        project.getTimeline().stream().map(ProjectViews::step).toList(),
        project.getServices().stream().map(ProjectViews::service).toList(),
        images(project.getImages()),
        tracking(project),
        results == null ? null : results.accuracy(),
        results == null ? null : results.loss(),
        project.getInferenceUrl(),
        inferenceToken,
        observerUrl,
        project.getFailureReason(),
        project.getFailingComponent(),
        StageTimings.of(project).reached(),
        project.getCreatedAt(),
        project.getUpdatedAt());
  }

  /** The list item of {@code project}. */
  public static ProjectSummary summary(Project project) {
    return new ProjectSummary(
        project.getId(),
        project.getCustomerId(),
        project.getState(),
        project.getSla().mlRepoUrl(),
        project.getFailureReason(),
        project.getCreatedAt(),
        project.getUpdatedAt());
  }

  static TimelineStepView step(TimelineEntry entry) {
    return new TimelineStepView(
        entry.at(),
        entry.from(),
        entry.to(),
        entry.trigger() == null ? null : entry.trigger().name(),
        entry.message());
  }

  static DeployedServiceView service(DeployedService service) {
    return new DeployedServiceView(
        service.role().name(),
        service.deploymentId(),
        service.name(),
        service.image(),
        service.cluster(),
        service.undeployed(),
        service.platformState() == null ? null : service.platformState().name(),
        service.platformMessage());
  }

  static ProjectImagesView images(ProjectImages images) {
    return images == null
        ? null
        : new ProjectImagesView(
            images.commit(),
            images.learner(),
            images.aggregator(),
            images.reused(),
            images.trainedModel());
  }

  static ProjectTrackingView tracking(Project project) {
    TrainingResults results = project.getResults();
    return new ProjectTrackingView(
        project.getTrackingUri(),
        results == null ? null : results.experimentId(),
        results == null ? null : results.runId(),
        results == null ? null : results.modelUri());
  }
}
