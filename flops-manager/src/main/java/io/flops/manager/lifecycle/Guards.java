package io.flops.manager.lifecycle;

import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.events.ComponentEvent.BuilderSucceeded;
import io.flops.common.sla.PostTrainingStep;
import io.flops.manager.project.Project;

/** The conditions the {@link LifecycleTable}'s rows are guarded by. */
final class Guards {

  private Guards() {}

  /** The report is about the learner and aggregator images. */
  static boolean buildsActors(BuilderSucceeded built) {
    return built.plan() == BuildPlan.FL_ACTORS;
  }

  /** The report is about the trained model's inference image. */
  static boolean buildsModel(BuilderSucceeded built) {
    return built.plan() == BuildPlan.TRAINED_MODEL;
  }

  /** A classic or root aggregator: its reports speak for the whole training. */
  static boolean leadsTraining(AggregatorType type) {
    return type != AggregatorType.CLUSTER_AGGREGATOR;
  }

  /** The SLA asks for an inference image of the trained model. */
  static boolean buildsModel(Project project) {
    return project.getSla().wants(PostTrainingStep.BUILD_IMAGE_FOR_TRAINED_MODEL);
  }

  /** The SLA asks for that image to be deployed. */
  static boolean deploysModel(Project project) {
    return project.getSla().wants(PostTrainingStep.DEPLOY_TRAINED_MODEL_IMAGE);
  }
}
