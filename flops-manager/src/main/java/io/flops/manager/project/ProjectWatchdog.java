package io.flops.manager.project;

import io.flops.common.api.ProjectState;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.DeploymentStatus;
import io.flops.common.orchestration.Orchestrator;
import io.flops.manager.config.LifecycleProperties;
import io.flops.manager.deploy.InferenceProbe;
import io.flops.manager.deploy.ProjectDeployer;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives projects by orchestrator status: fails a project whose service failed or vanished (after a
 * grace period, so the component's own MQTT report wins), completes the inference deployment once
 * the server runs, and retries the clean-up of ended projects.
 */
public class ProjectWatchdog {

  private static final Logger log = LoggerFactory.getLogger(ProjectWatchdog.class);

  private final ProjectRepository repository;
  private final ProjectLifecycle lifecycle;
  private final ProjectDeployer deployer;
  private final LifecycleProperties properties;
  private final InferenceProbe probe;
  private final Map<String, Instant> badSince = new ConcurrentHashMap<>();

  public ProjectWatchdog(
      ProjectRepository repository,
      ProjectLifecycle lifecycle,
      ProjectDeployer deployer,
      LifecycleProperties properties,
      InferenceProbe probe) {
    this.repository = repository;
    this.lifecycle = lifecycle;
    this.deployer = deployer;
    this.properties = properties;
    this.probe = probe;
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
        .forEach(project -> lifecycle.resume(project.getId()));
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
            && project.getState() == ProjectState.DEPLOYING_INFERENCE) {
          inferenceRunning(project, service);
        }
      }
    }
  }

  private void failAfterGrace(Project project, DeployedService service, DeploymentStatus status) {
    Instant now = lifecycle.now();
    Instant since = badSince.computeIfAbsent(service.deploymentId(), id -> now);
    if (now.isBefore(since.plus(properties.getFailureGrace()))) {
      return;
    }
    badSince.remove(service.deploymentId());
    String reason =
        "Service "
            + service.name()
            + " ("
            + service.role().name().toLowerCase()
            + ") is "
            + status.state()
            + (status.message() == null ? "" : ": " + status.message());
    lifecycle.fail(project.getId(), service.role().name().toLowerCase(), reason);
  }

  /**
   * Completes the deployment once the server answers at its public URL, or, when it never does
   * within the readiness timeout, with the URL and a note (the manager may not reach user
   * networks).
   */
  private void inferenceRunning(Project seen, DeployedService service) {
    Optional<String> url = deployer.inferenceUrl(service);
    if (url.isEmpty()) {
      return;
    }
    boolean answers = probe.answers(url.get());
    Instant deployedAt = seen.getTimeline().get(seen.getTimeline().size() - 1).at();
    if (!answers
        && lifecycle.now().isBefore(deployedAt.plus(properties.getInferenceReadyTimeout()))) {
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
    lifecycle.step(
        seen.getId(),
        project -> {
          if (project.getState() == ProjectState.DEPLOYING_INFERENCE) {
            project.setInferenceUrl(url.get());
            project.fire(Trigger.INFERENCE_RUNNING, message, lifecycle.now());
          }
        });
  }
}
