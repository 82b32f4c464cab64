package io.flops.manager.stages;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.api.Milestone;
import io.flops.common.sla.ProjectSla;
import io.flops.common.sla.SlaJson;
import io.flops.manager.project.Project;
import io.flops.manager.project.Trigger;
import io.flops.manager.support.Steps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each milestone is taken from the step of the timeline (or the round) that reaches it. */
class StageTimingsTest {

  private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
  private static final ProjectSla SLA =
      SlaJson.readProject(
          """
          {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r","training_configuration":{"data_tags":["m"]},
           "post_training_steps":["build_image_for_trained_model","deploy_trained_model_image"]}"""
              .getBytes(StandardCharsets.UTF_8));

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void aProjectWithBothPostTrainingStepsReachesEveryStageInOrder() {
    Project project = Project.accept("p1", SLA, T0);
    Steps.fire(project, Trigger.PREPARE, "prepare", at(1));
    Steps.fire(project, Trigger.BUILD_IMAGES, "build", at(2));
    Steps.fire(project, Trigger.IMAGES_BUILT, "built", at(40));
    Steps.fire(project, Trigger.AGGREGATOR_STARTED, "started", at(45));
    project.recordFirstRound(at(70));
    Steps.fire(project, Trigger.BUILD_INFERENCE_IMAGE, "trained", at(120));
    Steps.fire(project, Trigger.DEPLOY_INFERENCE, "image built", at(130));
    Steps.fire(project, Trigger.INFERENCE_RUNNING, "serving", at(140));

    StageTimings timings = StageTimings.of(project);

    assertThat(timings.reached()).containsOnlyKeys(Milestone.values());
    assertThat(timings.reached().keySet())
        .extracting(Milestone::jsonName)
        .containsExactly(
            "accepted",
            "images_built",
            "training_started",
            "first_round",
            "training_done",
            "inference_image_built",
            "inference_ready",
            "ended");
    assertThat(timings.sinceAccepted(Milestone.IMAGES_BUILT)).isEqualTo(Duration.ofSeconds(40));
    assertThat(timings.sinceAccepted(Milestone.FIRST_ROUND)).isEqualTo(Duration.ofSeconds(70));
    assertThat(timings.sinceAccepted(Milestone.INFERENCE_READY)).isEqualTo(Duration.ofSeconds(140));
    assertThat(timings.summary()).startsWith("images_built +40.0s, training_started +45.0s");
  }

  @Test
  void aFailedProjectHasOnlyTheStagesItReached() {
    Project project = Project.accept("p2", SLA, T0);
    Steps.fire(project, Trigger.PREPARE, "prepare", at(1));
    Steps.fire(project, Trigger.BUILD_IMAGES, "build", at(2));
    Steps.fail(project, "fl_actors_image_builder", "does not compile", at(30));

    StageTimings timings = StageTimings.of(project);

    assertThat(timings.reached().keySet())
        .extracting(Milestone::jsonName)
        .containsExactly("accepted", "ended");
    assertThat(timings.sinceAccepted(Milestone.TRAINING_DONE)).isNull();
  }

  @Test
  void theEarliestRoundCountsAsTheFirst() {
    Project project = Project.accept("p3", SLA, T0);
    assertThat(project.recordFirstRound(at(80))).isTrue();
    assertThat(project.recordFirstRound(at(90))).isFalse();
    assertThat(project.recordFirstRound(at(75))).isTrue();
    assertThat(project.getFirstRoundAt()).isEqualTo(at(75));
  }
}
