package io.flops.manager.project;

import io.flops.common.api.ProjectState;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.ComponentEvent.AggregatorFailed;
import io.flops.common.events.ComponentEvent.AggregatorStarted;
import io.flops.common.events.ComponentEvent.AggregatorSucceeded;
import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.events.ComponentEvent.BuilderFailed;
import io.flops.common.events.ComponentEvent.BuilderStarted;
import io.flops.common.events.ComponentEvent.BuilderSucceeded;
import io.flops.common.events.ComponentEvent.LearnerFailed;
import io.flops.common.events.ComponentEvent.MockDataProviderFinished;
import io.flops.common.events.ComponentEvent.ObserverFailed;
import io.flops.common.image.ImageNames;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reacts to the component → manager events as the original does (FLOPS-ORIGINAL §4.3), without its
 * bugs: each event is handled once (its id is remembered with the project), events that do not fit
 * the project's state are ignored with a log line, and failures fail the project with the
 * component's own message.
 */
public class ComponentEventHandler {

  private static final Logger log = LoggerFactory.getLogger(ComponentEventHandler.class);

  private final ProjectLifecycle lifecycle;

  public ComponentEventHandler(ProjectLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  /** Handles one event; never throws. */
  public void handle(ComponentEvent event) {
    if (event instanceof MockDataProviderFinished) {
      log.debug("Mock data provider event for {} is not a project event", event.projectId());
      return;
    }
    lifecycle.step(
        event.projectId(),
        project -> {
          if (!project.markHandled(event.eventId())) {
            log.info("Duplicate event {} for project {} ignored", event.eventId(), project.getId());
            return;
          }
          if (project.getState().isTerminal()) {
            log.info(
                "Project {} has ended ({}); ignoring {}",
                project.getId(),
                project.getState(),
                event.topic());
            return;
          }
          apply(project, event);
        });
  }

  private void apply(Project project, ComponentEvent event) {
    if (event instanceof BuilderStarted started) {
      log.info("{}_IMAGE_BUILDER_STARTED for project {}", started.plan(), project.getId());
    } else if (event instanceof BuilderSucceeded built) {
      if (built.plan() == BuildPlan.FL_ACTORS) {
        actorsBuilt(project, built);
      } else {
        modelImageBuilt(project, built);
      }
    } else if (event instanceof BuilderFailed failed) {
      project.fail(
          component(failed.plan()),
          "Image builder failed: " + failed.errorMessage(),
          lifecycle.now());
    } else if (event instanceof AggregatorStarted started) {
      aggregatorStarted(project, started.aggregatorType());
    } else if (event instanceof AggregatorSucceeded done) {
      trainingDone(project, done);
    } else if (event instanceof AggregatorFailed failed) {
      project.fail("aggregator", "Aggregator failed: " + failed.errorMessage(), lifecycle.now());
    } else if (event instanceof LearnerFailed failed) {
      String who = failed.learner() == null ? "A learner" : "Learner " + failed.learner();
      project.fail("learner", who + " failed: " + failed.errorMessage(), lifecycle.now());
    } else if (event instanceof ObserverFailed failed) {
      log.error("Observer of project {} failed: {}", project.getId(), failed.errorMessage());
    }
  }

  private static String component(BuildPlan plan) {
    return plan == BuildPlan.FL_ACTORS ? "fl_actors_image_builder" : "trained_model_image_builder";
  }

  private void actorsBuilt(Project project, BuilderSucceeded built) {
    if (project.getState() != ProjectState.BUILDING_IMAGES) {
      log.info("Project {} is {}; builder success ignored", project.getId(), project.getState());
      return;
    }
    ProjectImages images = project.getImages();
    String learner = pick(built, ImageNames::isLearner, images.learner());
    String aggregator = pick(built, ImageNames::isAggregator, images.aggregator());
    String commit = built.commit() == null ? images.commit() : built.commit();
    project.setImages(new ProjectImages(commit, learner, aggregator, false, null));
    project.fire(
        Trigger.IMAGES_BUILT, "Built " + learner + " and " + aggregator + ".", lifecycle.now());
  }

  private void modelImageBuilt(Project project, BuilderSucceeded built) {
    if (project.getState() != ProjectState.BUILDING_INFERENCE_IMAGE) {
      log.info(
          "Project {} is {}; model builder success ignored", project.getId(), project.getState());
      return;
    }
    String runId = project.getResults() == null ? null : project.getResults().runId();
    String expected =
        ImageNames.trainedModel(
            lifecycle.registry(), project.getCustomerId(), runId == null ? project.getId() : runId);
    String image = built.images().isEmpty() ? expected : built.images().get(0);
    lifecycle.finishInferenceImage(project, image);
  }

  private static String pick(BuilderSucceeded built, Predicate<String> role, String fallback) {
    return built.images().stream().filter(role).findFirst().orElse(fallback);
  }

  private void aggregatorStarted(Project project, AggregatorType type) {
    if (type == AggregatorType.CLUSTER_AGGREGATOR) {
      return;
    }
    if (project.getState() == ProjectState.STARTING_TRAINING) {
      project.fire(
          Trigger.AGGREGATOR_STARTED, "AGGREGATOR_STARTED: training runs.", lifecycle.now());
    }
  }

  private void trainingDone(Project project, AggregatorSucceeded done) {
    if (done.aggregatorType() == AggregatorType.CLUSTER_AGGREGATOR) {
      return;
    }
    aggregatorStarted(project, done.aggregatorType());
    if (project.getState() != ProjectState.TRAINING) {
      log.info("Project {} is {}; aggregator success ignored", project.getId(), project.getState());
      return;
    }
    project.setResults(
        new TrainingResults(
            done.accuracy(), done.loss(), done.experimentId(), done.runId(), done.modelUri()));
    lifecycle.finishTraining(
        project,
        "Aggregator successfully finished training"
            + (done.accuracy() == null
                ? "."
                : " (accuracy " + done.accuracy() + ", loss " + done.loss() + ")."));
  }
}
