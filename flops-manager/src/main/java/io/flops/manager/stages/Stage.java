package io.flops.manager.stages;

import io.flops.common.api.ProjectState;
import io.flops.manager.project.Project;
import io.flops.manager.project.TimelineEntry;
import io.flops.manager.project.Trigger;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The stages of a project's run that evaluations time, in order (the original's evaluation stages,
 * FLOPS-ORIGINAL §7, without the deployment-only ones): each knows when a project reached it.
 */
public enum Stage {
  /** The SLA was accepted. */
  ACCEPTED("accepted", Project::getCreatedAt),
  /** The learner and aggregator images exist (built or reused). */
  IMAGES_BUILT("images_built", entered(e -> e.to() == ProjectState.STARTING_TRAINING)),
  /** The aggregator runs and waits for learners. */
  TRAINING_STARTED("training_started", entered(e -> e.to() == ProjectState.TRAINING)),
  /** The first FL round finished. */
  FIRST_ROUND("first_round", Project::getFirstRoundAt),
  /** Federated training finished successfully. */
  TRAINING_DONE(
      "training_done",
      entered(
          e ->
              e.trigger() == Trigger.TRAINING_FINISHED
                  || e.trigger() == Trigger.BUILD_INFERENCE_IMAGE)),
  /** The trained model's inference image exists. */
  INFERENCE_IMAGE_BUILT(
      "inference_image_built",
      entered(
          e ->
              e.trigger() == Trigger.DEPLOY_INFERENCE
                  || e.trigger() == Trigger.INFERENCE_IMAGE_BUILT)),
  /** The inference server answers. */
  INFERENCE_READY("inference_ready", entered(e -> e.trigger() == Trigger.INFERENCE_RUNNING)),
  /** The project ended (completed, failed or cancelled). */
  ENDED("ended", Project::endedAt);

  private final String jsonName;
  private final Function<Project, Instant> reachedAt;

  Stage(String jsonName, Function<Project, Instant> reachedAt) {
    this.jsonName = jsonName;
    this.reachedAt = reachedAt;
  }

  /** The stage's name in the API and in CSV headers. */
  public String jsonName() {
    return jsonName;
  }

  /** When {@code project} reached this stage, or null when it has not (yet). */
  public Instant reachedAt(Project project) {
    return reachedAt.apply(project);
  }

  private static Function<Project, Instant> entered(Predicate<TimelineEntry> step) {
    return project ->
        project.getTimeline().stream().filter(step).map(TimelineEntry::at).findFirst().orElse(null);
  }
}
