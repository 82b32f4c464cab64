package io.flops.manager.lifecycle;

import io.flops.common.api.ProjectState;
import io.flops.common.orchestration.DeploymentState;
import io.flops.manager.deploy.ProjectDeployer;
import io.flops.manager.lifecycle.Signal.ServiceFailed;
import io.flops.manager.project.DeployedService;
import io.flops.manager.project.Project;
import io.flops.manager.project.ServiceRole;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a restarted manager does about the services the platform no longer knows (local child
 * processes end with the manager): observers, builders and inference servers are deployed again;
 * training cannot continue without the aggregator's state, so a project that lost it fails with
 * that reason instead of an unknown service's.
 */
public class RestartRecovery {

  /** Why a project that lost its training services fails. */
  public static final String TRAINING_LOST =
      "The manager restarted during training; training state was lost (the aggregator keeps no"
          + " checkpoint yet). Submit the project again.";

  private static final Logger log = LoggerFactory.getLogger(RestartRecovery.class);

  private final Lifecycle lifecycle;
  private final ProjectDeployer deployer;

  public RestartRecovery(Lifecycle lifecycle, ProjectDeployer deployer) {
    this.lifecycle = lifecycle;
    this.deployer = deployer;
  }

  /** Recovers a project after a restart, then resumes its unfinished work. */
  public void recover(Project project) {
    List<DeployedService> lost = lost(project);
    if (project.getState() == ProjectState.COMPLETED) {
      lost.stream()
          .filter(s -> s.role() == ServiceRole.INFERENCE_SERVER)
          .findFirst()
          .ifPresent(server -> redeployInference(project, server));
      return;
    }
    if (project.getState().isTerminal()) {
      return;
    }
    if (lost.stream().anyMatch(s -> s.role().isTraining())) {
      lifecycle.signal(project.getId(), new ServiceFailed("manager", TRAINING_LOST));
      return;
    }
    Project current = project;
    for (DeployedService service : lost) {
      log.info(
          "Project {} lost {} with the restart; deploying it again",
          project.getId(),
          service.name());
      current = deployer.forget(current, service);
    }
    if (lost.stream().anyMatch(s -> s.role() == ServiceRole.OBSERVER)) {
      deployer.ensureObserver(current);
    }
    if (current.getPendingAction() == null && !lost.isEmpty()) {
      lifecycle
          .actionOfState(current)
          .ifPresent(action -> lifecycle.runAgain(project.getId(), action));
    } else {
      lifecycle.resume(project.getId());
    }
  }

  private List<DeployedService> lost(Project project) {
    return project.liveServices().stream()
        .filter(
            s ->
                deployer.orchestrator().status(s.deploymentId()).state() == DeploymentState.UNKNOWN)
        .toList();
  }

  private void redeployInference(Project project, DeployedService server) {
    Project current = deployer.forget(project, server);
    try {
      Optional<String> url = deployer.redeployInferenceServer(current);
      log.info(
          "Inference server of project {} deployed again at {}", project.getId(), url.orElse("?"));
    } catch (RuntimeException e) {
      log.warn("Inference server of project {} is gone: {}", project.getId(), e.getMessage());
      deployer.record(current, p -> p.setInferenceUrl(null));
    }
  }
}
