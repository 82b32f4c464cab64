package io.flops.manager.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.api.ProjectState;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.Locality;
import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.Resources;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.sla.SlaJson;
import io.flops.manager.config.LifecycleProperties;
import io.flops.manager.deploy.InferenceProbe;
import io.flops.manager.deploy.ProjectDeployer;
import io.flops.manager.deploy.TrainingCheckpoints;
import io.flops.manager.project.DeployedService;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectImages;
import io.flops.manager.project.ProjectStore;
import io.flops.manager.project.ServiceRole;
import io.flops.manager.support.InMemoryOrchestrator;
import io.flops.manager.support.InMemoryProjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No waiting state lasts forever: deadlines, and one-shot services that exit without a word. */
class ProjectWatchdogTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final InMemoryOrchestrator orchestrator = new InMemoryOrchestrator();
  private final LifecycleProperties properties = new LifecycleProperties();
  private InMemoryProjectStore stores;
  private ProjectStore store;
  private Lifecycle lifecycle;
  private ProjectWatchdog watchdog;

  @BeforeEach
  void start() {
    stores = new InMemoryProjectStore();
    store = stores.store(clock);
    lifecycle =
        new Lifecycle(store, new LifecycleTable(new Records("")), (id, action) -> Optional.empty());
    ProjectDeployer deployer =
        new ProjectDeployer(orchestrator, store, null, null, null, Duration.ZERO, clock);
    watchdog =
        new ProjectWatchdog(
            stores.repository(), lifecycle, deployer, properties, new InferenceProbe(), clock);
  }

  @AfterEach
  void stop() {
    stores.close();
  }

  private Project buildingImages() {
    Project project =
        store.create(
            Project.accept(
                "p" + System.nanoTime(),
                SlaJson.readProject(
                    """
                    {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r",
                     "training_configuration":{"data_tags":["m"]}}"""
                        .getBytes(StandardCharsets.UTF_8)),
                clock.instant()));
    lifecycle.signal(project.getId(), new Signal.Start());
    lifecycle.signal(
        project.getId(), new Signal.Prepared(new ProjectImages("c1", "l:c1", "a:c1", false, null)));
    return store.find(project.getId()).orElseThrow();
  }

  @Test
  void aProjectThatWaitsLongerThanItsStatesDeadlineFailsSayingForWhatAndWhichSetting() {
    Project project = buildingImages();
    clock.advance(Duration.ofMinutes(29));
    watchdog.check();
    assertThat(store.find(project.getId()).orElseThrow().getState())
        .isEqualTo(ProjectState.BUILDING_IMAGES);

    clock.advance(Duration.ofMinutes(2));
    watchdog.check();

    Project failed = store.find(project.getId()).orElseThrow();
    assertThat(failed.getState()).isEqualTo(ProjectState.FAILED);
    assertThat(failed.getFailingComponent()).isEqualTo("manager");
    assertThat(failed.getFailureReason())
        .isEqualTo(
            "The project waited longer than PT30M for its learner and aggregator images"
                + " (flops.lifecycle.deadlines.building-images).");
  }

  @Test
  void aBuilderThatExitedWithoutItsReportFailsTheProjectAfterTheGrace() {
    Project project = buildingImages();
    String builder = deploy(project, "builder" + project.getId(), ServiceRole.FL_ACTORS_BUILDER);
    orchestrator.setState(builder, DeploymentState.COMPLETED);

    watchdog.check();
    assertThat(store.find(project.getId()).orElseThrow().getState())
        .as("the builder's own report may still come within the grace")
        .isEqualTo(ProjectState.BUILDING_IMAGES);
    clock.advance(properties.getFailureGrace().plusSeconds(1));
    watchdog.check();

    Project failed = store.find(project.getId()).orElseThrow();
    assertThat(failed.getState()).isEqualTo(ProjectState.FAILED);
    assertThat(failed.getFailingComponent()).isEqualTo("fl_actors_builder");
    assertThat(failed.getFailureReason())
        .isEqualTo(
            "fl_actors_builder builder" + project.getId() + " exited (code 0) without reporting.");
  }

  @Test
  void aBuilderWhoseReportWaitsInTheProjectsQueueIsNotFailedForExitingSilently() {
    Set<String> waiting = ConcurrentHashMap.newKeySet();
    ProjectWatchdog queueAware =
        new ProjectWatchdog(
            stores.repository(),
            lifecycle,
            new ProjectDeployer(orchestrator, store, null, null, null, Duration.ZERO, clock),
            properties,
            new InferenceProbe(),
            clock,
            waiting::contains);
    Project project = buildingImages();
    String builder = deploy(project, "builder" + project.getId(), ServiceRole.FL_ACTORS_BUILDER);
    orchestrator.setState(builder, DeploymentState.COMPLETED);
    waiting.add(project.getId());

    for (int check = 0; check < 3; check++) {
      queueAware.check();
      clock.advance(properties.getFailureGrace().plusSeconds(1));
    }
    assertThat(store.find(project.getId()).orElseThrow().getState())
        .as("its report is received and waits to be applied")
        .isEqualTo(ProjectState.BUILDING_IMAGES);

    waiting.clear();
    queueAware.check();
    assertThat(store.find(project.getId()).orElseThrow().getState())
        .as("a new grace starts once the queue is empty")
        .isEqualTo(ProjectState.BUILDING_IMAGES);
    clock.advance(properties.getFailureGrace().plusSeconds(1));
    queueAware.check();
    assertThat(store.find(project.getId()).orElseThrow().getFailureReason())
        .isEqualTo(
            "fl_actors_builder builder" + project.getId() + " exited (code 0) without reporting.");
  }

  @Test
  void aBuilderThatExitedAfterItsReportIsNoFailureWhileTheNextStepHasNotUndeployedIt() {
    Project project = buildingImages();
    String builder = deploy(project, "builder" + project.getId(), ServiceRole.FL_ACTORS_BUILDER);
    lifecycle.handle(
        new ComponentEvent.BuilderSucceeded(
            "built-" + project.getId(),
            project.getId(),
            ComponentEvent.BuildPlan.FL_ACTORS,
            List.of("l:c1", "a:c1"),
            "c1",
            Map.of(),
            0));
    orchestrator.setState(builder, DeploymentState.COMPLETED);

    for (int check = 0; check < 3; check++) {
      watchdog.check();
      clock.advance(properties.getFailureGrace().plusSeconds(1));
    }

    Project starting = store.find(project.getId()).orElseThrow();
    assertThat(starting.getState()).isEqualTo(ProjectState.STARTING_TRAINING);
    assertThat(starting.liveOne(ServiceRole.FL_ACTORS_BUILDER))
        .as("the step's action undeploys it later")
        .isPresent();
  }

  @Test
  void thePlatformsOwnStatusIsShownWhileTheProjectWaits() {
    Project project = buildingImages();
    String builder = deploy(project, "builder" + project.getId(), ServiceRole.FL_ACTORS_BUILDER);
    orchestrator.setState(builder, DeploymentState.SCHEDULED);

    watchdog.check();

    assertThat(store.find(project.getId()).orElseThrow().getServices())
        .singleElement()
        .satisfies(s -> assertThat(s.platformState()).isEqualTo(DeploymentState.SCHEDULED));
    orchestrator.setState(builder, DeploymentState.RUNNING);
    watchdog.check();
    assertThat(store.find(project.getId()).orElseThrow().getServices().get(0).platformState())
        .isEqualTo(DeploymentState.RUNNING);
  }

  @Test
  void learnersThatFinishedAreNoReasonToFail() {
    Project project = buildingImages();
    String learners = deploy(project, "flearner" + project.getId(), ServiceRole.LEARNER);
    orchestrator.setState(learners, DeploymentState.COMPLETED);

    watchdog.check();
    clock.advance(properties.getFailureGrace().plusSeconds(1));
    watchdog.check();

    assertThat(store.find(project.getId()).orElseThrow().getState())
        .isEqualTo(ProjectState.BUILDING_IMAGES);
  }

  @Test
  void aLostAggregatorResumesTheTrainingFromItsCheckpointUntilTheRestartsAreUsedUp(
      @TempDir Path data) {
    properties.setTrainingRestarts(2);
    ProjectDeployer deployer =
        new ProjectDeployer(
            orchestrator,
            store,
            null,
            null,
            new TrainingCheckpoints(data, Locality.HOST_PROCESSES, false),
            Duration.ZERO,
            clock);
    ProjectWatchdog resuming =
        new ProjectWatchdog(
            stores.repository(), lifecycle, deployer, properties, new InferenceProbe(), clock);
    Project project = training(buildingImages());

    for (int restart = 1; restart <= 2; restart++) {
      loseAggregator(project, resuming);
      Project resumed = store.find(project.getId()).orElseThrow();
      assertThat(resumed.getState()).isEqualTo(ProjectState.STARTING_TRAINING);
      assertThat(resumed.getTimeline().get(resumed.getTimeline().size() - 1).message())
          .startsWith("Service aggr" + project.getId() + " (aggregator) is FAILED")
          .endsWith(
              "Training resumes from the aggregator's last checkpoint (restart "
                  + restart
                  + " of 2).");
      lifecycle.handle(
          new ComponentEvent.AggregatorStarted(
              "e" + restart, project.getId(), AggregatorType.CLASSIC_AGGREGATOR));
    }
    loseAggregator(project, resuming);

    Project failed = store.find(project.getId()).orElseThrow();
    assertThat(failed.getState()).isEqualTo(ProjectState.FAILED);
    assertThat(failed.getFailingComponent()).isEqualTo("aggregator");
    assertThat(failed.getFailureReason())
        .endsWith(
            "The training was resumed 2 time(s) already (flops.lifecycle.training-restarts).");
  }

  @Test
  void aLostAggregatorFailsTheProjectWhereThePlatformKeepsNoCheckpoint() {
    Project project = training(buildingImages());

    loseAggregator(project, watchdog);

    Project failed = store.find(project.getId()).orElseThrow();
    assertThat(failed.getState()).isEqualTo(ProjectState.FAILED);
    assertThat(failed.getFailureReason()).doesNotContain("resumes");
  }

  private Project training(Project building) {
    lifecycle.handle(
        new ComponentEvent.BuilderSucceeded(
            "b", building.getId(), BuildPlan.FL_ACTORS, List.of(), "c1", Map.of(), 1));
    lifecycle.handle(
        new ComponentEvent.AggregatorStarted(
            "a", building.getId(), AggregatorType.CLASSIC_AGGREGATOR));
    Project project = store.find(building.getId()).orElseThrow();
    assertThat(project.getState()).isEqualTo(ProjectState.TRAINING);
    return project;
  }

  /** The project's aggregator fails on the platform, and the grace passes. */
  private void loseAggregator(Project project, ProjectWatchdog watching) {
    String aggregator = deploy(project, "aggr" + project.getId(), ServiceRole.AGGREGATOR);
    orchestrator.setState(aggregator, DeploymentState.FAILED);
    watching.check();
    clock.advance(properties.getFailureGrace().plusSeconds(1));
    watching.check();
    orchestrator.undeploy(aggregator);
    store.change(project.getId(), p -> p.markUndeployed(aggregator));
  }

  private String deploy(Project project, String name, ServiceRole role) {
    ServiceSpec spec =
        new ServiceSpec(
            name,
            ServiceKind.IMAGE_BUILDER,
            "app",
            project.getId(),
            "image:1",
            List.of(),
            Map.of(),
            List.of(),
            Resources.NONE,
            Placement.ANYWHERE,
            true,
            false,
            1);
    String id = orchestrator.deploy(spec);
    store.change(
        project.getId(),
        p -> p.addService(new DeployedService(role, id, name, "image:1", null, false)));
    return id;
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
