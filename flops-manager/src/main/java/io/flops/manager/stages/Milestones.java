package io.flops.manager.stages;

import io.flops.common.api.Milestone;
import io.flops.common.api.ProjectState;
import io.flops.manager.project.Project;
import io.flops.manager.project.TimelineEntry;
import io.flops.manager.project.Trigger;
import java.time.Instant;
import java.util.function.Predicate;

/** When a project reached each {@link Milestone}: the step of its timeline (or round) that did. */
final class Milestones {

  private Milestones() {}

  /** When {@code project} reached {@code milestone}, or null when it has not (yet). */
  static Instant reachedAt(Milestone milestone, Project project) {
    return switch (milestone) {
      case ACCEPTED -> project.getCreatedAt();
      case IMAGES_BUILT -> entered(project, e -> e.to() == ProjectState.STARTING_TRAINING);
      case TRAINING_STARTED -> entered(project, e -> e.to() == ProjectState.TRAINING);
      case FIRST_ROUND -> project.getFirstRoundAt();
      case TRAINING_DONE ->
          entered(
              project,
              e ->
                  e.trigger() == Trigger.TRAINING_FINISHED
                      || e.trigger() == Trigger.BUILD_INFERENCE_IMAGE);
      case INFERENCE_IMAGE_BUILT ->
          entered(
              project,
              e ->
                  e.trigger() == Trigger.DEPLOY_INFERENCE
                      || e.trigger() == Trigger.INFERENCE_IMAGE_BUILT);
      case INFERENCE_READY -> entered(project, e -> e.trigger() == Trigger.INFERENCE_RUNNING);
      case ENDED -> project.endedAt();
    };
  }

  private static Instant entered(Project project, Predicate<TimelineEntry> step) {
    return project.getTimeline().stream()
        .filter(step)
        .map(TimelineEntry::at)
        .findFirst()
        .orElse(null);
  }
}
