package io.flops.manager.lifecycle;

import io.flops.common.events.ComponentEvent.AggregatorFailed;
import io.flops.common.events.ComponentEvent.AggregatorSucceeded;
import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.events.ComponentEvent.BuilderFailed;
import io.flops.common.events.ComponentEvent.BuilderSucceeded;
import io.flops.common.events.ComponentEvent.LearnerFailed;
import io.flops.common.image.ImageNames;
import io.flops.manager.lifecycle.Signal.ActionFailed;
import io.flops.manager.lifecycle.Signal.DeadlinePassed;
import io.flops.manager.lifecycle.Signal.InferenceReady;
import io.flops.manager.lifecycle.Signal.Prepared;
import io.flops.manager.lifecycle.Signal.ServiceFailed;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectImages;
import io.flops.manager.project.TrainingResults;

/**
 * What the {@link LifecycleTable}'s rows write onto a project from their input, each returning the
 * timeline message. Pure: no calls outside the project.
 */
public final class Records {

  private final String registry;

  /**
   * @param registry the registry the builders push to (empty: the local image store)
   */
  public Records(String registry) {
    this.registry = registry;
  }

  static String imagesToBuild(Project project, Prepared prepared) {
    project.setImages(prepared.images());
    return "Building learner and aggregator images of commit " + prepared.images().commit() + ".";
  }

  static String imagesReused(Project project, Prepared prepared) {
    project.setImages(prepared.images());
    return "Latest FLOps images already exist for commit "
        + prepared.images().commit()
        + ": not rebuilding.";
  }

  /** The images the project expected (a guard made sure the report names no others). */
  static String actorImagesBuilt(Project project, BuilderSucceeded built) {
    ProjectImages images = project.getImages();
    project.setImages(
        new ProjectImages(images.commit(), images.learner(), images.aggregator(), false, null));
    return "Built " + images.learner() + " and " + images.aggregator() + ".";
  }

  static String trainedThenBuildModel(Project project, AggregatorSucceeded done) {
    return trained(project, done)
        + " Start handling FL post training: building the trained model's image.";
  }

  static String trainedAndDone(Project project, AggregatorSucceeded done) {
    return trained(project, done) + " No further post training steps requested.";
  }

  private static String trained(Project project, AggregatorSucceeded done) {
    project.setResults(
        new TrainingResults(
            done.accuracy(), done.loss(), done.experimentId(), done.runId(), done.modelUri()));
    return "Aggregator successfully finished training"
        + (done.accuracy() == null
            ? "."
            : " (accuracy " + done.accuracy() + ", loss " + done.loss() + ").");
  }

  /** The trained model's image of the project: its customer's, of its own run. */
  String expectedModelImage(Project project) {
    String runId = project.getResults() == null ? null : project.getResults().runId();
    return ImageNames.trainedModel(
        registry, project.getCustomerId(), runId == null ? project.getId() : runId);
  }

  /** Records the trained model's image (a guard made sure it is the expected one). */
  String modelImageBuilt(Project project, BuilderSucceeded built) {
    String image = expectedModelImage(project);
    project.setImages(project.getImages().withTrainedModel(image));
    return image;
  }

  static String inferenceReady(Project project, InferenceReady ready) {
    project.setInferenceUrl(ready.url());
    return ready.message();
  }

  static String builderFailed(Project project, BuilderFailed failed) {
    String component =
        failed.plan() == BuildPlan.FL_ACTORS
            ? "fl_actors_image_builder"
            : "trained_model_image_builder";
    return failure(project, component, "Image builder failed: " + failed.errorMessage());
  }

  static String aggregatorFailed(Project project, AggregatorFailed failed) {
    return failure(project, "aggregator", "Aggregator failed: " + failed.errorMessage());
  }

  static String learnerFailed(Project project, LearnerFailed failed) {
    String who = failed.learner() == null ? "A learner" : "Learner " + failed.learner();
    return failure(project, "learner", who + " failed: " + failed.errorMessage());
  }

  static String serviceFailed(Project project, ServiceFailed failed) {
    return failure(project, failed.component(), failed.reason());
  }

  static String deadlinePassed(Project project, DeadlinePassed passed) {
    return failure(project, "manager", passed.reason());
  }

  static String actionFailed(Project project, ActionFailed failed) {
    return failure(project, "manager", failed.reason());
  }

  private static String failure(Project project, String component, String reason) {
    project.recordFailure(component, reason);
    return reason;
  }
}
