package io.flops.manager.lifecycle;

import io.flops.common.api.ProjectState;
import io.flops.manager.deploy.ProjectDeployer;
import io.flops.manager.lifecycle.Signal.ServiceFailed;
import io.flops.manager.lifecycle.Signal.TrainingLost;
import io.flops.manager.project.Project;
import io.flops.manager.project.Trigger;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the loss of a training service (an aggregator or learners that crashed, were killed, or went
 * with a restarted manager) means for its project: while the project starts or runs its training,
 * keeps a checkpoint and has restarts left ({@code flops.lifecycle.training-restarts}), the
 * training resumes from the checkpoint ({@link TrainingLost}); otherwise the project fails with the
 * loss's reason.
 */
final class TrainingResumption {

  private static final Set<ProjectState> TRAINING_STATES =
      EnumSet.of(ProjectState.STARTING_TRAINING, ProjectState.TRAINING);

  private final ProjectDeployer deployer;
  private final int maxRestarts;

  TrainingResumption(ProjectDeployer deployer, int maxRestarts) {
    this.deployer = deployer;
    this.maxRestarts = maxRestarts;
  }

  /** The input for the project's lifecycle: {@link TrainingLost} or {@code loss} itself. */
  Signal onLoss(Project project, ServiceFailed loss) {
    if (!TRAINING_STATES.contains(project.getState()) || !deployer.canResumeTraining(project)) {
      return loss;
    }
    long restarts =
        project.getTimeline().stream()
            .filter(step -> step.trigger() == Trigger.RESUME_TRAINING)
            .count();
    if (restarts >= maxRestarts) {
      return maxRestarts == 0
          ? loss
          : new ServiceFailed(
              loss.component(),
              loss.reason()
                  + " The training was resumed "
                  + restarts
                  + " time(s) already (flops.lifecycle.training-restarts).",
              loss.deploymentId());
    }
    return new TrainingLost(
        loss.reason()
            + " Training resumes from the aggregator's last checkpoint (restart "
            + (restarts + 1)
            + " of "
            + maxRestarts
            + ").",
        loss.deploymentId());
  }
}
