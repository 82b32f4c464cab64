package io.flops.manager.lifecycle;

import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.events.ComponentEvent.BuilderSucceeded;
import io.flops.common.sla.PostTrainingStep;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectImages;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The conditions the {@link LifecycleTable}'s rows are guarded by. */
final class Guards {

  private static final Logger log = LoggerFactory.getLogger(Guards.class);
  private static final AtomicLong REFUSED = new AtomicLong();

  private Guards() {}

  /**
   * The project still runs {@code deploymentId} (any deployment when null): the watchdog's verdict
   * on a service the project has undeployed since is stale and changes nothing.
   */
  static boolean runs(Project project, String deploymentId) {
    return deploymentId == null
        || project.liveServices().stream().anyMatch(s -> deploymentId.equals(s.deploymentId()));
  }

  /** The report is about the learner and aggregator images. */
  static boolean buildsActors(BuilderSucceeded built) {
    return built.plan() == BuildPlan.FL_ACTORS;
  }

  /** The report is about the trained model's inference image. */
  static boolean buildsModel(BuilderSucceeded built) {
    return built.plan() == BuildPlan.TRAINED_MODEL;
  }

  /**
   * The builder reports only the learner and aggregator images this project expects (its own
   * repository and commit, computed by the manager): user code that holds the project's event key
   * cannot make the project train someone else's images. A report naming others is refused with a
   * WARN and changes nothing.
   */
  static boolean namesOwnActorImages(Project project, BuilderSucceeded built) {
    ProjectImages expected = project.getImages();
    if (expected == null) {
      return refused(project, built, "no images are expected yet");
    }
    Set<String> own = new HashSet<>();
    own.add(expected.learner());
    own.add(expected.aggregator());
    if (!own.containsAll(built.images())) {
      return refused(project, built, "it names " + built.images() + ", not " + own);
    }
    if (built.commit() != null && !built.commit().equals(expected.commit())) {
      return refused(project, built, "commit " + built.commit() + ", not " + expected.commit());
    }
    return true;
  }

  /** The builder reports no image but {@code expected}, the project's trained-model image. */
  static boolean namesOnly(Project project, BuilderSucceeded built, String expected) {
    return built.images().stream().allMatch(expected::equals)
        || refused(project, built, "it names " + built.images() + ", not " + expected);
  }

  private static boolean refused(Project project, BuilderSucceeded built, String why) {
    log.warn(
        "Refused a builder report of project {} ({} refused so far): {}",
        project.getId(),
        REFUSED.incrementAndGet(),
        why);
    return false;
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
