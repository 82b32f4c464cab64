package io.flops.manager.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.api.ProjectState;
import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;
import io.flops.common.sla.ProjectSla;
import io.flops.common.sla.SlaJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Drives projects through every path of the table; fails if a row is never exercised. */
class TransitionsTest {

  private static final Set<Transitions.Transition> EXERCISED = new HashSet<>();
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final ProjectSla SLA =
      SlaJson.readProject(
          """
          {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r","training_configuration":{"data_tags":["m"]}}"""
              .getBytes(StandardCharsets.UTF_8));

  private static Project walk(Trigger... triggers) {
    Project project = Project.accept("p1", SLA, NOW);
    for (Trigger trigger : triggers) {
      ProjectState before = project.getState();
      Transitions.Transition taken = project.fire(trigger, trigger.name(), NOW);
      assertThat(taken.from()).isEqualTo(before);
      EXERCISED.add(taken);
    }
    return project;
  }

  @AfterAll
  static void everyTransitionWasExercised() {
    assertThat(EXERCISED).containsExactlyInAnyOrderElementsOf(Transitions.all());
  }

  @Test
  void buildTrainAndFinish() {
    Project project =
        walk(
            Trigger.PREPARE,
            Trigger.BUILD_IMAGES,
            Trigger.IMAGES_BUILT,
            Trigger.AGGREGATOR_STARTED,
            Trigger.TRAINING_FINISHED);
    assertThat(project.getState()).isEqualTo(ProjectState.COMPLETED);
    assertThat(project.getTimeline())
        .extracting(TimelineEntry::to)
        .containsExactly(
            ProjectState.ACCEPTED,
            ProjectState.PREPARING,
            ProjectState.BUILDING_IMAGES,
            ProjectState.STARTING_TRAINING,
            ProjectState.TRAINING,
            ProjectState.COMPLETED);
  }

  @Test
  void reuseImagesBuildAndDeployTheInferenceServer() {
    Project project =
        walk(
            Trigger.PREPARE,
            Trigger.REUSE_IMAGES,
            Trigger.AGGREGATOR_STARTED,
            Trigger.BUILD_INFERENCE_IMAGE,
            Trigger.DEPLOY_INFERENCE,
            Trigger.INFERENCE_RUNNING);
    assertThat(project.getState()).isEqualTo(ProjectState.COMPLETED);
  }

  @Test
  void buildTheInferenceImageWithoutDeploying() {
    Project project =
        walk(
            Trigger.PREPARE,
            Trigger.REUSE_IMAGES,
            Trigger.AGGREGATOR_STARTED,
            Trigger.BUILD_INFERENCE_IMAGE,
            Trigger.INFERENCE_IMAGE_BUILT);
    assertThat(project.getState()).isEqualTo(ProjectState.COMPLETED);
  }

  @ParameterizedTest
  @EnumSource(
      value = ProjectState.class,
      mode = EnumSource.Mode.EXCLUDE,
      names = {"COMPLETED", "FAILED", "CANCELLED"})
  void everyRunningStateCanFailAndBeCancelled(ProjectState state) {
    for (Trigger end : List.of(Trigger.FAIL, Trigger.CANCEL)) {
      Project project = walk(pathTo(state));
      Transitions.Transition taken = project.fire(end, "stop", NOW);
      EXERCISED.add(taken);
      assertThat(project.getState())
          .isEqualTo(end == Trigger.FAIL ? ProjectState.FAILED : ProjectState.CANCELLED);
      assertThat(project.getState().isTerminal()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ProjectState.class,
      names = {"COMPLETED", "FAILED", "CANCELLED"})
  void terminalStatesRefuseEveryTriggerWithTheirHistory(ProjectState terminal) {
    Project project = walk(pathTo(terminal));
    for (Trigger trigger : Trigger.values()) {
      assertThatThrownBy(() -> project.fire(trigger, "again", NOW))
          .isInstanceOfSatisfying(
              FlopsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
          .hasMessageContaining("p1")
          .hasMessageContaining("ACCEPTED → PREPARING");
    }
  }

  @Test
  void anInvalidTriggerIsAConflictAndChangesNothing() {
    Project project = walk(Trigger.PREPARE);
    assertThatThrownBy(() -> project.fire(Trigger.INFERENCE_RUNNING, "x", NOW))
        .isInstanceOf(FlopsException.class)
        .hasMessageContaining("cannot take INFERENCE_RUNNING in state PREPARING");
    assertThat(project.getState()).isEqualTo(ProjectState.PREPARING);
    assertThat(project.getTimeline()).hasSize(2);
  }

  private static Trigger[] pathTo(ProjectState state) {
    return switch (state) {
      case ACCEPTED -> new Trigger[] {};
      case PREPARING -> new Trigger[] {Trigger.PREPARE};
      case BUILDING_IMAGES -> new Trigger[] {Trigger.PREPARE, Trigger.BUILD_IMAGES};
      case STARTING_TRAINING -> new Trigger[] {Trigger.PREPARE, Trigger.REUSE_IMAGES};
      case TRAINING ->
          new Trigger[] {Trigger.PREPARE, Trigger.REUSE_IMAGES, Trigger.AGGREGATOR_STARTED};
      case BUILDING_INFERENCE_IMAGE ->
          new Trigger[] {
            Trigger.PREPARE,
            Trigger.REUSE_IMAGES,
            Trigger.AGGREGATOR_STARTED,
            Trigger.BUILD_INFERENCE_IMAGE
          };
      case DEPLOYING_INFERENCE ->
          new Trigger[] {
            Trigger.PREPARE,
            Trigger.REUSE_IMAGES,
            Trigger.AGGREGATOR_STARTED,
            Trigger.BUILD_INFERENCE_IMAGE,
            Trigger.DEPLOY_INFERENCE
          };
      case COMPLETED ->
          new Trigger[] {
            Trigger.PREPARE,
            Trigger.REUSE_IMAGES,
            Trigger.AGGREGATOR_STARTED,
            Trigger.TRAINING_FINISHED
          };
      case FAILED -> new Trigger[] {Trigger.PREPARE, Trigger.FAIL};
      case CANCELLED -> new Trigger[] {Trigger.PREPARE, Trigger.CANCEL};
    };
  }
}
