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
 * lost training resumes from the aggregator's checkpoint where the project keeps one ({@link
 * TrainingResumption}), else the project fails with that reason instead of an unknown service's.
 */
public class RestartRecovery {

  /** What happened to a project that lost its training services with a restart. */
  public static final String TRAINING_LOST =
      "The manager restarted during training and the training services went with it.";

  private static final Logger log = LoggerFactory.getLogger(RestartRecovery.class);

  private final Lifecycle lifecycle;
  private final ProjectDeployer deployer;
  private final TrainingResumption resumption;

  RestartRecovery(Lifecycle lifecycle, ProjectDeployer deployer, TrainingResumption resumption) {
    this.lifecycle = lifecycle;
    this.deployer = deployer;
    this.resumption = resumption;
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
    Signal training = null;
    if (lost.stream().anyMatch(s -> s.role().isTraining())) {
      training = resumption.onLoss(project, new ServiceFailed("manager", TRAINING_LOST));
      if (training instanceof ServiceFailed) {
        lifecycle.signal(project.getId(), training);
        return;
      }
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
    if (training != null) {
      lifecycle.signal(project.getId(), training);
      return;
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
