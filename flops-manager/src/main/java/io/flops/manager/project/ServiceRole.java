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

  /** True for the services of the training phase. */
  public boolean isTraining() {
    return this == AGGREGATOR
        || this == ROOT_AGGREGATOR
        || this == CLUSTER_AGGREGATOR
        || this == LEARNER;
  }
}
