package io.flops.manager.lifecycle;

import static io.flops.common.api.ProjectState.ACCEPTED;
import static io.flops.common.api.ProjectState.BUILDING_IMAGES;
import static io.flops.common.api.ProjectState.BUILDING_INFERENCE_IMAGE;
import static io.flops.common.api.ProjectState.CANCELLED;
import static io.flops.common.api.ProjectState.COMPLETED;
import static io.flops.common.api.ProjectState.DEPLOYING_INFERENCE;
import static io.flops.common.api.ProjectState.FAILED;
import static io.flops.common.api.ProjectState.PREPARING;
import static io.flops.common.api.ProjectState.STARTING_TRAINING;
import static io.flops.common.api.ProjectState.TRAINING;
import static io.flops.manager.lifecycle.Row.in;

import io.flops.common.api.ProjectState;
import io.flops.common.events.ComponentEvent.AggregatorFailed;
import io.flops.common.events.ComponentEvent.AggregatorStarted;
import io.flops.common.events.ComponentEvent.AggregatorSucceeded;
import io.flops.common.events.ComponentEvent.BuilderFailed;
import io.flops.common.events.ComponentEvent.BuilderSucceeded;
import io.flops.common.events.ComponentEvent.LearnerFailed;
import io.flops.manager.lifecycle.Signal.ActionFailed;
import io.flops.manager.lifecycle.Signal.Cancel;
import io.flops.manager.lifecycle.Signal.DeadlinePassed;
import io.flops.manager.lifecycle.Signal.InferenceReady;
import io.flops.manager.lifecycle.Signal.Prepared;
import io.flops.manager.lifecycle.Signal.ServiceFailed;
import io.flops.manager.lifecycle.Signal.Start;
import io.flops.manager.lifecycle.Signal.TrainingLost;
import io.flops.manager.project.Action;
import io.flops.manager.project.Project;
import io.flops.manager.project.TimelineEntry;
import io.flops.manager.project.Trigger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The project lifecycle as one table (the Temporal SDK's state machines are the model): each row is
 * (state, input, guard) → (step, state, record, action). Inputs are the components' {@link
 * io.flops.common.events.ComponentEvent}s and the manager's own {@link Signal}s. An input no row
 * takes is ignored (a late, duplicate or foreign report); terminal states have no rows.
 */
public final class LifecycleTable {

  private final List<Row<?>> rows;

  /**
   * @param records what the rows write onto a project
   */
  public LifecycleTable(Records records) {
    this.rows = build(records);
  }

  private static List<Row<?>> build(Records r) {
    List<Row<?>> rows =
        new ArrayList<>(
            List.of(
                in(ACCEPTED)
                    .on(Start.class)
                    .take(Trigger.PREPARE, PREPARING)
                    .recording((p, s) -> "Preparing the project's applications and observer.")
                    .then(Action.PREPARE),
                in(PREPARING)
                    .on(Prepared.class)
                    .when((p, s) -> !s.images().reused())
                    .take(Trigger.BUILD_IMAGES, BUILDING_IMAGES)
                    .recording(Records::imagesToBuild)
                    .then(Action.BUILD_ACTOR_IMAGES),
                in(PREPARING)
                    .on(Prepared.class)
                    .when((p, s) -> s.images().reused())
                    .take(Trigger.REUSE_IMAGES, STARTING_TRAINING)
                    .recording(Records::imagesReused)
                    .then(Action.START_TRAINING),
                in(BUILDING_IMAGES)
                    .on(BuilderSucceeded.class)
                    .when((p, e) -> Guards.buildsActors(e) && Guards.namesOwnActorImages(p, e))
                    .take(Trigger.IMAGES_BUILT, STARTING_TRAINING)
                    .recording(Records::actorImagesBuilt)
                    .then(Action.START_TRAINING),
                in(STARTING_TRAINING)
                    .on(AggregatorStarted.class)
                    .when((p, e) -> Guards.leadsTraining(e.aggregatorType()))
                    .take(Trigger.AGGREGATOR_STARTED, TRAINING)
                    .recording((p, e) -> "AGGREGATOR_STARTED: training runs.")
                    .andWait(),
                in(STARTING_TRAINING)
                    .on(AggregatorSucceeded.class)
                    .when((p, e) -> Guards.leadsTraining(e.aggregatorType()))
                    .take(Trigger.AGGREGATOR_STARTED, TRAINING)
                    .recording((p, e) -> "AGGREGATOR_STARTED: training runs.")
                    .thenReplay(),
                in(STARTING_TRAINING)
                    .on(TrainingLost.class)
                    .when((p, lost) -> Guards.runs(p, lost.deploymentId()))
                    .take(Trigger.RESUME_TRAINING, STARTING_TRAINING)
                    .recording((p, lost) -> lost.reason())
                    .then(Action.RESUME_TRAINING),
                in(TRAINING)
                    .on(TrainingLost.class)
                    .when((p, lost) -> Guards.runs(p, lost.deploymentId()))
                    .take(Trigger.RESUME_TRAINING, STARTING_TRAINING)
                    .recording((p, lost) -> lost.reason())
                    .then(Action.RESUME_TRAINING),
                in(TRAINING)
                    .on(AggregatorSucceeded.class)
                    .when(
                        (p, e) -> Guards.leadsTraining(e.aggregatorType()) && Guards.buildsModel(p))
                    .take(Trigger.BUILD_INFERENCE_IMAGE, BUILDING_INFERENCE_IMAGE)
                    .recording(Records::trainedThenBuildModel)
                    .then(Action.BUILD_MODEL_IMAGE),
                in(TRAINING)
                    .on(AggregatorSucceeded.class)
                    .when(
                        (p, e) ->
                            Guards.leadsTraining(e.aggregatorType()) && !Guards.buildsModel(p))
                    .take(Trigger.TRAINING_FINISHED, COMPLETED)
                    .recording(Records::trainedAndDone)
                    .then(Action.CLEAN_UP),
                in(BUILDING_INFERENCE_IMAGE)
                    .on(BuilderSucceeded.class)
                    .when(
                        (p, e) ->
                            Guards.buildsModel(e)
                                && Guards.deploysModel(p)
                                && Guards.namesOnly(p, e, r.expectedModelImage(p)))
                    .take(Trigger.DEPLOY_INFERENCE, DEPLOYING_INFERENCE)
                    .recording((p, e) -> "Built " + r.modelImageBuilt(p, e) + "; deploying it.")
                    .then(Action.DEPLOY_INFERENCE),
                in(BUILDING_INFERENCE_IMAGE)
                    .on(BuilderSucceeded.class)
                    .when(
                        (p, e) ->
                            Guards.buildsModel(e)
                                && !Guards.deploysModel(p)
                                && Guards.namesOnly(p, e, r.expectedModelImage(p)))
                    .take(Trigger.INFERENCE_IMAGE_BUILT, COMPLETED)
                    .recording((p, e) -> "Built " + r.modelImageBuilt(p, e) + ".")
                    .then(Action.CLEAN_UP),
                in(DEPLOYING_INFERENCE)
                    .on(InferenceReady.class)
                    .take(Trigger.INFERENCE_RUNNING, COMPLETED)
                    .recording(Records::inferenceReady)
                    .then(Action.CLEAN_UP)));
    Arrays.stream(ProjectState.values())
        .filter(state -> !state.isTerminal())
        .forEach(state -> rows.addAll(endings(state)));
    return List.copyOf(rows);
  }

  /** Every running state fails on a component's failure report or the manager's, and cancels. */
  private static List<Row<?>> endings(ProjectState state) {
    return List.of(
        in(state)
            .on(BuilderFailed.class)
            .take(Trigger.FAIL, FAILED)
            .recording(Records::builderFailed)
            .then(Action.CLEAN_UP),
        in(state)
            .on(AggregatorFailed.class)
            .take(Trigger.FAIL, FAILED)
            .recording(Records::aggregatorFailed)
            .then(Action.CLEAN_UP),
        in(state)
            .on(LearnerFailed.class)
            .take(Trigger.FAIL, FAILED)
            .recording(Records::learnerFailed)
            .then(Action.CLEAN_UP),
        in(state)
            .on(ServiceFailed.class)
            .when((p, failed) -> Guards.runs(p, failed.deploymentId()))
            .take(Trigger.FAIL, FAILED)
            .recording(Records::serviceFailed)
            .then(Action.CLEAN_UP),
        in(state)
            .on(DeadlinePassed.class)
            .when((p, d) -> d.state() == p.getState())
            .take(Trigger.FAIL, FAILED)
            .recording(Records::deadlinePassed)
            .then(Action.CLEAN_UP),
        in(state)
            .on(ActionFailed.class)
            .take(Trigger.FAIL, FAILED)
            .recording(Records::actionFailed)
            .then(Action.CLEAN_UP),
        in(state)
            .on(Cancel.class)
            .take(Trigger.CANCEL, CANCELLED)
            .recording((p, c) -> c.reason())
            .then(Action.CLEAN_UP));
  }

  /** Every row, in table order. */
  public List<Row<?>> rows() {
    return rows;
  }

  /** The row that takes {@code input} for {@code project} now, if any. */
  public Optional<Row<?>> find(Project project, Object input) {
    return rows.stream().filter(row -> row.matches(project, input)).findFirst();
  }

  /** The row of the project's last step (the one that brought it into its state), if any. */
  public Optional<Row<?>> rowInto(Project project) {
    List<TimelineEntry> timeline = project.getTimeline();
    TimelineEntry last = timeline.get(timeline.size() - 1);
    return rows.stream()
        .filter(row -> row.from() == last.from() && row.trigger() == last.trigger())
        .filter(row -> row.to() == last.to())
        .findFirst();
  }

  /** Whether any row takes inputs of {@code type}. */
  public boolean handles(Class<?> type) {
    return rows.stream().anyMatch(row -> row.on().isAssignableFrom(type));
  }

  /** Whether a project in {@code state} waits for inputs of {@code type}. */
  public boolean awaits(ProjectState state, Class<?> type) {
    return rows.stream().anyMatch(row -> row.from() == state && row.on().isAssignableFrom(type));
  }
}
