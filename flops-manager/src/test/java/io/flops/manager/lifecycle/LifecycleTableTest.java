package io.flops.manager.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.api.ProjectState;
import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;
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
import io.flops.common.sla.ProjectSla;
import io.flops.common.sla.SlaJson;
import io.flops.manager.project.Action;
import io.flops.manager.project.DeployedService;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectImages;
import io.flops.manager.project.ProjectStore;
import io.flops.manager.project.ServiceRole;
import io.flops.manager.project.TimelineEntry;
import io.flops.manager.project.Trigger;
import io.flops.manager.support.InMemoryProjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Drives projects through every path of the lifecycle table with the real dispatcher and a real
 * store; fails if a row or an action is never exercised.
 */
class LifecycleTableTest {

  private static final Set<Row<?>> EXERCISED_ROWS = new HashSet<>();
  private static final Set<Action> EXERCISED_ACTIONS = EnumSet.noneOf(Action.class);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
  private static final LifecycleTable TABLE = new LifecycleTable(new Records("registry:5000"));

  private static InMemoryProjectStore stores;
  private static ProjectStore store;
  private static final List<Action> actionsRun = new CopyOnWriteArrayList<>();
  private static Lifecycle lifecycle;

  @BeforeAll
  static void start() {
    stores = new InMemoryProjectStore();
    store = stores.store(CLOCK);
    ActionRunner recording =
        (projectId, action) -> {
          actionsRun.add(action);
          EXERCISED_ACTIONS.add(action);
          return Optional.empty();
        };
    lifecycle = new Lifecycle(store, TABLE, recording);
  }

  @AfterAll
  static void everyRowAndActionWasExercised() {
    stores.close();
    assertThat(EXERCISED_ROWS).containsExactlyInAnyOrderElementsOf(TABLE.rows());
    assertThat(EXERCISED_ACTIONS).containsExactlyInAnyOrder(Action.values());
  }

  private static ProjectSla sla(String postTrainingSteps) {
    return SlaJson.readProject(
        """
        {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r","post_training_steps":[%s],
         "training_configuration":{"data_tags":["m"]}}"""
            .formatted(postTrainingSteps)
            .getBytes(StandardCharsets.UTF_8));
  }

  private static final ProjectSla PLAIN = sla("");
  private static final ProjectSla BUILD = sla("\"build_image_for_trained_model\"");
  private static final ProjectSla DEPLOY =
      sla("\"build_image_for_trained_model\",\"deploy_trained_model_image\"");

  private static String id() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** The inputs that take a project along its way; each names the project it is for. */
  enum Input {
    START,
    BUILD,
    REUSE,
    ACTORS_BUILT,
    AGGREGATOR_STARTED,
    TRAINED,
    AGGREGATOR_LOST,
    MODEL_BUILT,
    INFERENCE_READY;

    Object of(String projectId) {
      String event = UUID.randomUUID().toString();
      return switch (this) {
        case START -> new Signal.Start();
        case BUILD -> new Signal.Prepared(images(false));
        case REUSE -> new Signal.Prepared(images(true));
        case ACTORS_BUILT ->
            new BuilderSucceeded(
                event,
                projectId,
                BuildPlan.FL_ACTORS,
                List.of("r/o/r/learner:c1", "r/o/r/aggregator:c1"),
                "c1",
                Map.of(),
                0);
        case AGGREGATOR_STARTED ->
            new AggregatorStarted(event, projectId, AggregatorType.CLASSIC_AGGREGATOR);
        case TRAINED ->
            new AggregatorSucceeded(
                event, projectId, AggregatorType.ROOT_AGGREGATOR, 0.9, 0.1, "e", "run1", "m");
        case AGGREGATOR_LOST -> new Signal.TrainingLost("aggregator lost; resuming", null);
        case MODEL_BUILT ->
            new BuilderSucceeded(
                event, projectId, BuildPlan.TRAINED_MODEL, List.of(), null, Map.of(), 0);
        case INFERENCE_READY -> new Signal.InferenceReady("http://h:1", "answers");
      };
    }

    private static ProjectImages images(boolean reused) {
      return new ProjectImages("c1", "r/o/r/learner:c1", "r/o/r/aggregator:c1", reused, null);
    }
  }

  private static Project create(ProjectSla sla) {
    return store.create(Project.accept(id(), sla, CLOCK.instant()));
  }

  private static Project walk(ProjectSla sla, Input... inputs) {
    Project project = create(sla);
    for (Input input : inputs) {
      ProjectState before = store.find(project.getId()).orElseThrow().getState();
      Lifecycle.Step step = dispatch(project.getId(), input.of(project.getId()));
      assertThat(step.rows()).as("a row for %s in %s", input, before).isNotEmpty();
      assertThat(step.rows().get(0).from()).isEqualTo(before);
    }
    return store.find(project.getId()).orElseThrow();
  }

  private static Lifecycle.Step dispatch(String projectId, Object input) {
    Lifecycle.Step step =
        input instanceof ComponentEvent event
            ? lifecycle.handle(event).orElseThrow()
            : lifecycle.signal(projectId, (Signal) input).orElseThrow();
    EXERCISED_ROWS.addAll(step.rows());
    return step;
  }

  private static List<ProjectState> states(Project project) {
    return project.getTimeline().stream().map(TimelineEntry::to).toList();
  }

  @Test
  void buildTrainAndFinish() {
    Project project =
        walk(
            PLAIN,
            Input.START,
            Input.BUILD,
            Input.ACTORS_BUILT,
            Input.AGGREGATOR_STARTED,
            Input.TRAINED);
    assertThat(project.getState()).isEqualTo(ProjectState.COMPLETED);
    assertThat(states(project))
        .containsExactly(
            ProjectState.ACCEPTED,
            ProjectState.PREPARING,
            ProjectState.BUILDING_IMAGES,
            ProjectState.STARTING_TRAINING,
            ProjectState.TRAINING,
            ProjectState.COMPLETED);
    assertThat(project.getImages().learner()).isEqualTo("r/o/r/learner:c1");
    assertThat(project.getResults().accuracy()).isEqualTo(0.9);
  }

  @Test
  void reuseImagesBuildAndDeployTheInferenceServer() {
    Project project =
        walk(
            DEPLOY,
            Input.START,
            Input.REUSE,
            Input.AGGREGATOR_STARTED,
            Input.TRAINED,
            Input.MODEL_BUILT,
            Input.INFERENCE_READY);
    assertThat(project.getState()).isEqualTo(ProjectState.COMPLETED);
    assertThat(project.getImages().trainedModel())
        .startsWith("registry:5000/")
        .endsWith("/trained_model:run1");
    assertThat(project.getInferenceUrl()).isEqualTo("http://h:1");
  }

  @Test
  void builderReportsNamingImagesThatAreNotTheProjectsOwnChangeNothing() {
    Project building = walk(PLAIN, Input.START, Input.BUILD);
    String id = building.getId();
    for (BuilderSucceeded forged :
        List.of(
            new BuilderSucceeded(
                id(),
                id,
                BuildPlan.FL_ACTORS,
                List.of("victim/o/r/learner:c1", "r/o/r/aggregator:c1"),
                "c1",
                Map.of(),
                0),
            new BuilderSucceeded(
                id(),
                id,
                BuildPlan.FL_ACTORS,
                List.of("r/o/r/learner:c1", "r/o/r/aggregator:c1"),
                "c9",
                Map.of(),
                0))) {
      Lifecycle.Step step = dispatch(id, forged);
      assertThat(step.rows()).as(forged.images() + " " + forged.commit()).isEmpty();
      assertThat(step.project().getState()).isEqualTo(ProjectState.BUILDING_IMAGES);
    }

    Project trained =
        walk(BUILD, Input.START, Input.REUSE, Input.AGGREGATOR_STARTED, Input.TRAINED);
    Lifecycle.Step step =
        dispatch(
            trained.getId(),
            new BuilderSucceeded(
                id(),
                trained.getId(),
                BuildPlan.TRAINED_MODEL,
                List.of("registry:5000/victim/trained_model:their-run"),
                null,
                Map.of(),
                0));
    assertThat(step.rows()).isEmpty();
    assertThat(step.project().getState()).isEqualTo(ProjectState.BUILDING_INFERENCE_IMAGE);
  }

  @Test
  void buildTheInferenceImageWithoutDeploying() {
    Project project =
        walk(
            BUILD,
            Input.START,
            Input.REUSE,
            Input.AGGREGATOR_STARTED,
            Input.TRAINED,
            Input.MODEL_BUILT);
    assertThat(project.getState()).isEqualTo(ProjectState.COMPLETED);
    assertThat(project.getTimeline().get(project.getTimeline().size() - 1).message())
        .isEqualTo("Built " + project.getImages().trainedModel() + ".");
  }

  @Test
  void anAggregatorSuccessWhoseStartWasLostStartsAndFinishesTraining() {
    Project project = walk(PLAIN, Input.START, Input.REUSE, Input.TRAINED);
    assertThat(states(project))
        .endsWith(ProjectState.STARTING_TRAINING, ProjectState.TRAINING, ProjectState.COMPLETED);
  }

  @Test
  void aLostAggregatorWhileStartingOrTrainingResumesTheTrainingAndItFinishes() {
    actionsRun.clear();
    Project project =
        walk(
            PLAIN,
            Input.START,
            Input.REUSE,
            Input.AGGREGATOR_LOST,
            Input.AGGREGATOR_STARTED,
            Input.AGGREGATOR_LOST,
            Input.AGGREGATOR_STARTED,
            Input.TRAINED);
    assertThat(states(project))
        .containsExactly(
            ProjectState.ACCEPTED,
            ProjectState.PREPARING,
            ProjectState.STARTING_TRAINING,
            ProjectState.STARTING_TRAINING,
            ProjectState.TRAINING,
            ProjectState.STARTING_TRAINING,
            ProjectState.TRAINING,
            ProjectState.COMPLETED);
    assertThat(project.getTimeline())
        .filteredOn(step -> step.trigger() == Trigger.RESUME_TRAINING)
        .extracting(TimelineEntry::message)
        .containsExactly("aggregator lost; resuming", "aggregator lost; resuming");
    assertThat(actionsRun).containsSubsequence(Action.RESUME_TRAINING, Action.RESUME_TRAINING);
  }

  @Test
  void everyStepRecordsItsActionAndTheRunnerIsToldToRunIt() {
    actionsRun.clear();
    Project project = walk(DEPLOY, Input.START, Input.BUILD);
    assertThat(actionsRun).containsExactly(Action.PREPARE, Action.BUILD_ACTOR_IMAGES);
    assertThat(project.getPendingAction()).isNull();
  }

  @ParameterizedTest
  @EnumSource(
      value = ProjectState.class,
      mode = EnumSource.Mode.EXCLUDE,
      names = {"COMPLETED", "FAILED", "CANCELLED"})
  void everyRunningStateFailsOnEveryFailureReportAndCanBeCancelled(ProjectState state) {
    for (Ending ending : Ending.values()) {
      Project project = walk(DEPLOY, pathTo(state));
      Lifecycle.Step step = dispatch(project.getId(), ending.of(project));
      Project ended = step.project();
      assertThat(ended.getState()).isEqualTo(ending.state);
      assertThat(ended.getState().isTerminal()).isTrue();
      if (ending.state == ProjectState.FAILED) {
        assertThat(ended.getFailureReason()).contains(ending.reason);
        assertThat(ended.getFailingComponent()).isEqualTo(ending.component);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ProjectState.class,
      names = {"COMPLETED", "FAILED", "CANCELLED"})
  void terminalStatesRefuseCancellingWithTheirHistoryAndIgnoreEverythingElse(
      ProjectState terminal) {
    Project project = walk(PLAIN, pathTo(terminal));
    if (terminal == ProjectState.FAILED) {
      project = dispatch(project.getId(), Ending.ACTION_FAILED.of(project)).project();
    } else if (terminal == ProjectState.CANCELLED) {
      project = dispatch(project.getId(), Ending.CANCELLED.of(project)).project();
    }
    assertThat(project.getState()).isEqualTo(terminal);
    String id = project.getId();
    assertThatThrownBy(() -> lifecycle.cancel(id, "again"))
        .isInstanceOfSatisfying(
            FlopsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
        .hasMessageContaining(id)
        .hasMessageContaining("ACCEPTED → PREPARING");
    for (Input input : Input.values()) {
      assertThat(dispatch(id, input.of(id)).rows()).isEmpty();
    }
    for (Ending ending : Ending.values()) {
      assertThat(dispatch(id, ending.of(store.find(id).orElseThrow())).rows()).isEmpty();
    }
    assertThat(store.find(id).orElseThrow().getTimeline()).hasSameSizeAs(project.getTimeline());
  }

  @Test
  void anInputThatDoesNotFitTheStateChangesNothing() {
    Project project = walk(PLAIN, Input.START);
    Lifecycle.Step step = dispatch(project.getId(), Input.INFERENCE_READY.of(project.getId()));
    assertThat(step.rows()).isEmpty();
    assertThat(step.project().getState()).isEqualTo(ProjectState.PREPARING);
    assertThat(step.project().getTimeline()).hasSize(2);
  }

  @Test
  void aDeadlineOfAStateTheProjectLeftChangesNothing() {
    Project project = walk(PLAIN, Input.START, Input.REUSE);
    Lifecycle.Step step =
        dispatch(project.getId(), new Signal.DeadlinePassed(ProjectState.PREPARING, "late for it"));
    assertThat(step.rows()).isEmpty();
    assertThat(step.project().getState()).isEqualTo(ProjectState.STARTING_TRAINING);
  }

  @Test
  void theWatchdogsVerdictOnAServiceTheProjectUndeployedSinceChangesNothing() {
    Project project = walk(PLAIN, Input.START, Input.BUILD);
    String id = project.getId();
    store.change(
        id,
        p -> {
          p.addService(
              new DeployedService(ServiceRole.FL_ACTORS_BUILDER, "b-1", "b1", "i", null, false));
          p.markUndeployed("b-1");
          p.addService(new DeployedService(ServiceRole.AGGREGATOR, "a-1", "a1", "i", null, false));
        });
    Signal.ServiceFailed stale =
        new Signal.ServiceFailed("fl_actors_builder", "exited without reporting", "b-1");
    assertThat(dispatch(id, stale).rows()).isEmpty();
    assertThat(dispatch(id, new Signal.TrainingLost("lost", "b-1")).rows()).isEmpty();
    assertThat(store.find(id).orElseThrow().getState()).isEqualTo(ProjectState.BUILDING_IMAGES);

    Signal.ServiceFailed live = new Signal.ServiceFailed("aggregator", "is FAILED", "a-1");
    assertThat(dispatch(id, live).rows()).hasSize(1);
    assertThat(store.find(id).orElseThrow().getFailureReason()).contains("is FAILED");
  }

  @Test
  void aDuplicateComponentEventIsAppliedOnce() {
    Project project = walk(PLAIN, Input.START, Input.REUSE);
    ComponentEvent started = (ComponentEvent) Input.AGGREGATOR_STARTED.of(project.getId());
    assertThat(dispatch(project.getId(), started).rows()).hasSize(1);
    assertThat(dispatch(project.getId(), started).rows()).isEmpty();
  }

  @Test
  void reportsWithoutARowAndReportsOfClusterAggregatorsAreIgnored() {
    Project project = walk(PLAIN, Input.START, Input.REUSE);
    String id = project.getId();
    assertThat(lifecycle.handle(new BuilderStarted(id(), id, BuildPlan.FL_ACTORS))).isEmpty();
    Lifecycle.Step cluster =
        dispatch(id, new AggregatorStarted(id(), id, AggregatorType.CLUSTER_AGGREGATOR));
    assertThat(cluster.rows()).isEmpty();
    assertThat(cluster.project().getState()).isEqualTo(ProjectState.STARTING_TRAINING);
  }

  /** The inputs that end a running project. */
  enum Ending {
    ACTOR_BUILDER_FAILED(ProjectState.FAILED, "fl_actors_image_builder", "does not compile"),
    AGGREGATOR_FAILED(ProjectState.FAILED, "aggregator", "Aggregator failed: boom"),
    LEARNER_FAILED(ProjectState.FAILED, "learner", "Learner learner-1 failed: no data"),
    SERVICE_FAILED(ProjectState.FAILED, "learner", "Service flearner1 (learner) is FAILED"),
    ACTION_FAILED(ProjectState.FAILED, "manager", "Repository unreachable"),
    DEADLINE_PASSED(ProjectState.FAILED, "manager", "The project waited longer than"),
    CANCELLED(ProjectState.CANCELLED, null, null);

    final ProjectState state;
    final String component;
    final String reason;

    Ending(ProjectState state, String component, String reason) {
      this.state = state;
      this.component = component;
      this.reason = reason;
    }

    /** The input for {@code project} in its current state. */
    Object of(Project project) {
      return this == DEADLINE_PASSED
          ? new Signal.DeadlinePassed(
              project.getState(), "The project waited longer than PT1M for it (x).")
          : of(project.getId());
    }

    Object of(String projectId) {
      String event = UUID.randomUUID().toString();
      return switch (this) {
        case ACTOR_BUILDER_FAILED ->
            new BuilderFailed(event, projectId, BuildPlan.FL_ACTORS, "does not compile");
        case AGGREGATOR_FAILED ->
            new AggregatorFailed(event, projectId, AggregatorType.CLASSIC_AGGREGATOR, "boom");
        case LEARNER_FAILED -> new LearnerFailed(event, projectId, "learner-1", "no data");
        case SERVICE_FAILED ->
            new Signal.ServiceFailed("learner", "Service flearner1 (learner) is FAILED");
        case ACTION_FAILED -> new Signal.ActionFailed("Repository unreachable");
        case DEADLINE_PASSED -> throw new IllegalStateException("needs the project's state");
        case CANCELLED -> new Signal.Cancel("Cancelled by the user.");
      };
    }
  }

  private static Input[] pathTo(ProjectState state) {
    return switch (state) {
      case ACCEPTED -> new Input[] {};
      case PREPARING -> new Input[] {Input.START};
      case BUILDING_IMAGES -> new Input[] {Input.START, Input.BUILD};
      case STARTING_TRAINING -> new Input[] {Input.START, Input.REUSE};
      case TRAINING -> new Input[] {Input.START, Input.REUSE, Input.AGGREGATOR_STARTED};
      case BUILDING_INFERENCE_IMAGE ->
          new Input[] {Input.START, Input.REUSE, Input.AGGREGATOR_STARTED, Input.TRAINED};
      case DEPLOYING_INFERENCE ->
          new Input[] {
            Input.START, Input.REUSE, Input.AGGREGATOR_STARTED, Input.TRAINED, Input.MODEL_BUILT
          };
      case COMPLETED ->
          new Input[] {Input.START, Input.REUSE, Input.AGGREGATOR_STARTED, Input.TRAINED};
      case FAILED -> new Input[] {Input.START, Input.BUILD};
      case CANCELLED -> new Input[] {Input.START};
    };
  }
}
