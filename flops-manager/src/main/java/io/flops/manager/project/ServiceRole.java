package io.flops.manager.project;

/** What a deployed service does for its project. */
public enum ServiceRole {
  OBSERVER,
  FL_ACTORS_BUILDER,
  AGGREGATOR,
  ROOT_AGGREGATOR,
  CLUSTER_AGGREGATOR,
  LEARNER,
  TRAINED_MODEL_BUILDER,
  INFERENCE_SERVER;

  /**
   * True for one-shot services whose end the project waits for as an MQTT report (the builders and
   * the aggregator that leads training): exiting without it is a failure.
   */
  public boolean reportsItsEnd() {
    return this == FL_ACTORS_BUILDER
        || this == TRAINED_MODEL_BUILDER
        || this == AGGREGATOR
        || this == ROOT_AGGREGATOR;
  }

  /** True for the services of the training phase. */
  public boolean isTraining() {
    return this == AGGREGATOR
        || this == ROOT_AGGREGATOR
        || this == CLUSTER_AGGREGATOR
        || this == LEARNER;
  }
}
