package io.flops.manager.lifecycle;

import io.flops.common.api.ProjectState;
import io.flops.common.events.ComponentEvent.AggregatorSucceeded;
import io.flops.common.events.ComponentEvent.BuilderSucceeded;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.DeploymentStatus;
import io.flops.common.orchestration.Orchestrator;
import io.flops.manager.config.Deadlines;
import io.flops.manager.config.LifecycleProperties;
import io.flops.manager.deploy.InferenceProbe;
import io.flops.manager.deploy.ProjectDeployer;
import io.flops.manager.lifecycle.Signal.DeadlinePassed;
import io.flops.manager.lifecycle.Signal.InferenceReady;
import io.flops.manager.lifecycle.Signal.ServiceFailed;
import io.flops.manager.project.DeployedService;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectRepository;
import io.flops.manager.project.ServiceRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches projects through the orchestrator and tells the {@link Lifecycle} what it sees: a service
 * that failed, vanished or exited without its report (after a grace period, so the component's own
 * MQTT report wins, also while it waits to be applied; a lost training service may let the training
 * resume, see {@link TrainingResumption}), a project that waited in a state longer than its
 * deadline, an inference server that runs and answers; it also retries the clean-up of ended
 * projects and resumes unfinished work at start-up.
 */
public class ProjectWatchdog {

  private static final Logger log = LoggerFactory.getLogger(ProjectWatchdog.class);
  private static final int LOG_LINES = 5;

  private final ProjectRepository repository;
  private final Lifecycle lifecycle;
  private final ProjectDeployer deployer;
  private final LifecycleProperties properties;
  private final InferenceProbe probe;
  private final RestartRecovery recovery;
  private final TrainingResumption resumption;
  private final Clock clock;
  private final Predicate<String> eventsWaiting;
  private final Map<String, Instant> badSince = new ConcurrentHashMap<>();

  public ProjectWatchdog(
      ProjectRepository repository,
      Lifecycle lifecycle,
      ProjectDeployer deployer,
      LifecycleProperties properties,
      InferenceProbe probe,
      Clock clock) {
    this(repository, lifecycle, deployer, properties, probe, clock, projectId -> false);
  }

  /**
   * @param eventsWaiting whether a project has component events received but not applied yet: the
   *     watchdog gives no verdict on its services until they are (one of them may be the report)
   */
  public ProjectWatchdog(
      ProjectRepository repository,
      Lifecycle lifecycle,
      ProjectDeployer deployer,
      LifecycleProperties properties,
      InferenceProbe probe,
      Clock clock,
      Predicate<String> eventsWaiting) {
    this.eventsWaiting = eventsWaiting;
    this.resumption = new TrainingResumption(deployer, properties.getTrainingRestarts());
    this.recovery = new RestartRecovery(lifecycle, deployer, resumption);
    this.repository = repository;
    this.lifecycle = lifecycle;
    this.deployer = deployer;
    this.properties = properties;
    this.probe = probe;
    this.clock = clock;
  }

  /**
   * At start-up: recovers every project that has not ended (services the platform lost, unfinished
   * work) and the inference servers of completed ones, and cleans up ended projects.
   */
  public void resumeAll() {
    for (Project project : repository.findAll()) {
      try {
        if (!project.getState().isTerminal()) {
          log.info("Resuming project {} in {}", project.getId(), project.getState());
        }
        recovery.recover(project);
        if (project.getState().isTerminal() && deployer.needsCleanUp(project)) {
          lifecycle.cleanUp(project.getId());
        }
      } catch (RuntimeException e) {
        log.warn("Could not resume project {}: {}", project.getId(), e.getMessage());
      }
    }
  }

  /** One round of status checks. */
  public void check() {
    List<ProjectState> active =
        EnumSet.allOf(ProjectState.class).stream().filter(s -> !s.isTerminal()).toList();
    for (Project project : repository.findByStateIn(active)) {
      try {
        checkProject(project);
      } catch (RuntimeException e) {
        log.warn("Status check of project {} failed: {}", project.getId(), e.getMessage());
      }
    }
    repository
        .findByStateInAndServicesUndeployedFalse(
            EnumSet.of(ProjectState.FAILED, ProjectState.CANCELLED, ProjectState.COMPLETED))
        .stream()
        .filter(deployer::needsCleanUp)
        .forEach(project -> lifecycle.cleanUp(project.getId()));
  }

  private void checkProject(Project project) {
    checkDeadline(project);
    Orchestrator orchestrator = deployer.orchestrator();
    Map<DeployedService, DeploymentStatus> statuses = new LinkedHashMap<>();
    for (DeployedService service : project.liveServices()) {
      statuses.put(service, orchestrator.status(service.deploymentId()));
    }
    recordChanged(project, statuses);
    statuses.forEach((service, status) -> judge(project, service, status));
  }

  /** Records the platform's statuses that changed, in one save for the project. */
  private void recordChanged(Project project, Map<DeployedService, DeploymentStatus> statuses) {
    Map<String, DeploymentStatus> changed = new LinkedHashMap<>();
    statuses.forEach(
        (service, status) -> {
          if (project.recordPlatformStatus(
              service.deploymentId(), status.state(), status.message())) {
            changed.put(service.deploymentId(), status);
          }
        });
    if (!changed.isEmpty()) {
      deployer.record(
          project,
          p ->
              changed.forEach(
                  (id, status) -> p.recordPlatformStatus(id, status.state(), status.message())));
    }
  }

  /** What the platform's status of one service means for the project. */
  private void judge(Project project, DeployedService service, DeploymentStatus status) {
    DeploymentState state = status.state();
    if (state == DeploymentState.FAILED || state == DeploymentState.UNKNOWN) {
      failAfterGrace(
          project, service, ServiceReports.failed(service, status, logs(service)), p -> true);
    } else if (state == DeploymentState.COMPLETED
        && service.role().reportsItsEnd()
        && awaitsEndOf(project, service.role())) {
      failAfterGrace(
          project,
          service,
          ServiceReports.exitedSilently(service, status, logs(service)),
          current -> awaitsEndOf(current, service.role()));
    } else {
      badSince.remove(service.deploymentId());
      if (service.role() == ServiceRole.OBSERVER
          && state == DeploymentState.RUNNING
          && project.getObserverUrl() == null) {
        deployer
            .observerUrl(service)
            .ifPresent(url -> deployer.record(project, p -> p.setObserverUrl(url)));
      }
      if (service.role() == ServiceRole.INFERENCE_SERVER
          && state == DeploymentState.RUNNING
          && lifecycle.awaits(project, InferenceReady.class)) {
        inferenceRunning(project, service);
      }
    }
  }

  private void checkDeadline(Project project) {
    ProjectState state = project.getState();
    Optional<Duration> deadline = properties.getDeadlines().of(state);
    Instant entered = project.getTimeline().get(project.getTimeline().size() - 1).at();
    if (deadline.isPresent() && clock.instant().isAfter(entered.plus(deadline.get()))) {
      String reason =
          "The project waited longer than "
              + deadline.get()
              + " for "
              + Deadlines.waitingFor(state)
              + " ("
              + Deadlines.setting(state)
              + ").";
      lifecycle.signal(project.getId(), new DeadlinePassed(state, reason));
    }
  }

  private List<String> logs(DeployedService service) {
    try {
      return deployer.orchestrator().recentLogs(service.deploymentId(), 0, LOG_LINES);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /**
   * Whether the project still waits for the report that ends {@code role}'s one-shot service (a
   * builder that exited after its report, while the next step has not undeployed it yet, is no
   * failure).
   */
  private boolean awaitsEndOf(Project project, ServiceRole role) {
    Class<?> report =
        role == ServiceRole.FL_ACTORS_BUILDER || role == ServiceRole.TRAINED_MODEL_BUILDER
            ? BuilderSucceeded.class
            : AggregatorSucceeded.class;
    return lifecycle.awaits(project, report);
  }

  /**
   * Signals {@code failure} once the service was bad for the failure grace, unless the project's
   * events wait to be applied, or the project as stored now (this pass read it earlier) no longer
   * runs the service or no longer {@code stillMeant}.
   */
  private void failAfterGrace(
      Project project,
      DeployedService service,
      ServiceFailed failure,
      Predicate<Project> stillMeant) {
    if (eventsWaiting.test(project.getId())) {
      badSince.remove(service.deploymentId());
      return;
    }
    Instant now = clock.instant();
    Instant since = badSince.computeIfAbsent(service.deploymentId(), id -> now);
    if (now.isBefore(since.plus(properties.getFailureGrace()))) {
      return;
    }
    badSince.remove(service.deploymentId());
    Optional<Project> current = repository.findById(project.getId());
    if (current.isEmpty()
        || !Guards.runs(current.get(), service.deploymentId())
        || !stillMeant.test(current.get())) {
      return;
    }
    lifecycle.signal(
        project.getId(),
        service.role().isTraining() ? resumption.onLoss(current.get(), failure) : failure);
  }

  /**
   * Reports the inference server ready once it answers at its public URL, or, when it never does
   * within the readiness timeout, with the URL and a note (the manager may not reach user
   * networks).
   */
  private void inferenceRunning(Project project, DeployedService service) {
    Optional<String> url = deployer.inferenceUrl(service);
    if (url.isEmpty()) {
      return;
    }
    boolean answers = probe.answers(url.get());
    Instant deployedAt = project.getTimeline().get(project.getTimeline().size() - 1).at();
    if (!answers
        && clock.instant().isBefore(deployedAt.plus(properties.getInferenceReadyTimeout()))) {
      return;
    }
    String message =
        answers
            ? "The inference server answers at " + url.get() + "."
            : "The inference server runs at "
                + url.get()
                + "; the manager could not reach it within "
                + properties.getInferenceReadyTimeout()
                + ".";
    lifecycle.signal(project.getId(), new InferenceReady(url.get(), message));
  }
}
