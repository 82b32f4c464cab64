package io.flops.manager.project;

/** What moves a project from one state to the next. */
public enum Trigger {
  /** A worker picked up the accepted project. */
  PREPARE,
  /** No images exist for the repository's commit and platforms. */
  BUILD_IMAGES,
  /** Images for the commit and platforms already exist. */
  REUSE_IMAGES,
  /** The fl-actors builder reported success. */
  IMAGES_BUILT,
  /** An aggregator was lost; training starts again from the last checkpoint. */
  RESUME_TRAINING,
  /** The (root or classic) aggregator reported that it started. */
  AGGREGATOR_STARTED,
  /** Training succeeded and an inference image is wanted. */
  BUILD_INFERENCE_IMAGE,
  /** Training succeeded and nothing more is wanted. */
  TRAINING_FINISHED,
  /** The trained-model builder succeeded and the image is to be deployed. */
  DEPLOY_INFERENCE,
  /** The trained-model builder succeeded and no deployment is wanted. */
  INFERENCE_IMAGE_BUILT,
  /** The inference server runs. */
  INFERENCE_RUNNING,
  /** Something failed. */
  FAIL,
  /** The user cancelled. */
  CANCEL
}
