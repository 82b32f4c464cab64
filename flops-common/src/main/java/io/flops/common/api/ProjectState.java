package io.flops.common.api;

/** The states of a project's lifecycle; the manager's lifecycle table connects them. */
public enum ProjectState {
  /** Stored; nothing started yet. */
  ACCEPTED(false),
  /** Applications and the observer are being set up; the repository's commit is looked up. */
  PREPARING(false),
  /** The builder makes the learner and aggregator images. */
  BUILDING_IMAGES(false),
  /** Tracking ensured; aggregator(s) and learners deployed, waiting for the aggregator to start. */
  STARTING_TRAINING(false),
  /** Federated training runs. */
  TRAINING(false),
  /** The builder makes the inference image of the trained model. */
  BUILDING_INFERENCE_IMAGE(false),
  /** The inference server is deployed, waiting for it to run. */
  DEPLOYING_INFERENCE(false),
  /** Done; results are on the project. */
  COMPLETED(true),
  /** Stopped by a failure; the reason is on the project. */
  FAILED(true),
  /** Stopped by the user. */
  CANCELLED(true);

  private final boolean terminal;

  ProjectState(boolean terminal) {
    this.terminal = terminal;
  }

  /** True when the project never changes state again. */
  public boolean isTerminal() {
    return terminal;
  }
}
