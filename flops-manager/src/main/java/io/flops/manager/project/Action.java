package io.flops.manager.project;

/**
 * Work the manager does for a project when it enters a state: the side effects of a lifecycle step
 * (Git, registry, orchestrator calls). A step records its action with the new state (the intent);
 * the manager then acts outside the store's retried save and records each outcome as it comes, so a
 * retried save never repeats a deployment and a restarted manager runs an unfinished action again
 * (every action deploys only what the project does not have yet).
 */
public enum Action {
  /**
   * Resolve the repository's commit and decide whether its images exist already (first: a bad
   * repository fails the project before anything is deployed), then set up the project's
   * applications, tracking and observer.
   */
  PREPARE,
  /** Deploy the builder of the learner and aggregator images. */
  BUILD_ACTOR_IMAGES,
  /** Undeploy the image builder; deploy the aggregator(s) and learners. */
  START_TRAINING,
  /**
   * Undeploy what is left of the training; deploy the aggregator(s) and learners again (the
   * aggregator resumes from the project's checkpoint).
   */
  RESUME_TRAINING,
  /** Undeploy aggregators and learners; deploy the builder of the trained model's image. */
  BUILD_MODEL_IMAGE,
  /** Undeploy the trained-model builder; deploy the inference server. */
  DEPLOY_INFERENCE,
  /**
   * Undeploy everything the ended project started (a completed project keeps its inference server,
   * the observer stays for its grace period) and delete its application.
   */
  CLEAN_UP
}
