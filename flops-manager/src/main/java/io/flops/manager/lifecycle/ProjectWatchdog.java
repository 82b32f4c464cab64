package io.flops.manager.lifecycle;

import io.flops.common.api.ProjectState;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.DeploymentStatus;
import io.flops.common.orchestration.Orchestrator;
import io.flops.manager.config.LifecycleProperties;
import io.flops.manager.deploy.InferenceProbe;
import io.flops.manager.deploy.ProjectDeployer;
import io.flops.manager.lifecycle.Signal.InferenceReady;
import io.flops.manager.lifecycle.Signal.ServiceFailed;
import io.flops.manager.project.DeployedService;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectRepository;
import io.flops.manager.project.ServiceRole;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches projects through the orchestrator and tells the {@link Lifecycle} what it sees: a service
 * that failed or vanished (after a grace period, so the component's own MQTT report wins), an
 * inference server that runs and answers; it also retries the clean-up of ended projects and
 * resumes unfinished work at start-up.
 */
public class ProjectWatchdog {

  private static final Logger log = LoggerFactory.getLogger(ProjectWatchdog.class);

  private final ProjectRepository repository;
  private final Lifecycle lifecycle;
  private final ProjectDeployer deployer;
  private final LifecycleProperties properties;
  private final InferenceProbe probe;
  private final Clock clock;
  private final Map<String, Instant> badSince = new ConcurrentHashMap<>();

  public ProjectWatchdog(
      ProjectRepository repository,
      Lifecycle lifecycle,
      ProjectDeployer deployer,
      LifecycleProperties properties,
      InferenceProbe probe,
      Clock clock) {
    this.repository = repository;
    this.lifecycle = lifecycle;
    this.deployer = deployer;
    this.properties = properties;
    this.probe = probe;
    this.clock = clock;
  }

  /** Resumes every project that has not ended (and cleans up ended ones): run at start-up. */
  public void resumeAll() {
    for (Project project : repository.findAll()) {
      if (!project.getState().isTerminal() || deployer.needsCleanUp(project)) {
        log.info("Resuming project {} in {}", project.getId(), project.getState());
        lifecycle.resume(project.getId());
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
        .findByStateIn(
            EnumSet.of(ProjectState.FAILED, ProjectState.CANCELLED, ProjectState.COMPLETED))
        .stream()
        .filter(deployer::needsCleanUp)
        .forEach(project -> lifecycle.cleanUp(project.getId()));
  }

  private void checkProject(Project project) {
    Orchestrator orchestrator = deployer.orchestrator();
    for (DeployedService service : project.liveServices()) {
      DeploymentStatus status = orchestrator.status(service.deploymentId());
      if (status.state() == DeploymentState.FAILED || status.state() == DeploymentState.UNKNOWN) {
        failAfterGrace(project, service, status);
      } else {
        badSince.remove(service.deploymentId());
        if (service.role() == ServiceRole.INFERENCE_SERVER
            && status.state() == DeploymentState.RUNNING
            && lifecycle.awaits(project, InferenceReady.class)) {
          inferenceRunning(project, service);
        }
      }
    }
  }

  private void failAfterGrace(Project project, DeployedService service, DeploymentStatus status) {
    Instant now = clock.instant();
    Instant since = badSince.computeIfAbsent(service.deploymentId(), id -> now);
    if (now.isBefore(since.plus(properties.getFailureGrace()))) {
      return;
    }
    badSince.remove(service.deploymentId());
    String component = service.role().name().toLowerCase(Locale.ROOT);
    String reason =
        "Service "
            + service.name()
            + " ("
            + component
            + ") is "
            + status.state()
            + (status.message() == null ? "" : ": " + status.message());
    lifecycle.signal(project.getId(), new ServiceFailed(component, reason));
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
