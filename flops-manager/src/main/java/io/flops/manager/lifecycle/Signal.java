package io.flops.manager.lifecycle;

import io.flops.common.api.ProjectState;
import io.flops.manager.project.ProjectImages;

/**
 * What the manager itself tells a project's lifecycle; the components speak through {@link
 * io.flops.common.events.ComponentEvent}s. Both are inputs of the {@link LifecycleTable}.
 */
public sealed interface Signal {

  /** Start an accepted project. */
  record Start() implements Signal {}

  /**
   * The outcome of {@link io.flops.manager.project.Action#PREPARE}: the commit's image names and
   * whether they exist already.
   */
  record Prepared(ProjectImages images) implements Signal {}

  /** The inference server runs; {@code message} says whether it answered at {@code url}. */
  record InferenceReady(String url, String message) implements Signal {}

  /**
   * A deployed service failed or vanished, according to the orchestrator.
   *
   * @param deploymentId the deployment the watchdog saw fail; the project ignores the signal when
   *     it no longer runs that deployment (the watchdog looked at an older copy of the project,
   *     e.g. while the service's own report waited in the queue); null when no one deployment is
   *     meant (all training services went with a restarted manager)
   */
  record ServiceFailed(String component, String reason, String deploymentId) implements Signal {

    /** A failure of the project's services as a whole, not of one deployment. */
    public ServiceFailed(String component, String reason) {
      this(component, reason, null);
    }
  }

  /**
   * An aggregator was lost (it crashed, was killed, or went with a restarted manager) and the
   * project's checkpoint lets the training resume; {@code reason} says what happened and which
   * restart this is; {@code deploymentId} as for {@link ServiceFailed}.
   */
  record TrainingLost(String reason, String deploymentId) implements Signal {}

  /** The project waited in {@code state} longer than its deadline; {@code reason} says so. */
  record DeadlinePassed(ProjectState state, String reason) implements Signal {}

  /** An action of the manager failed (Git, registry or orchestrator), with a readable reason. */
  record ActionFailed(String reason) implements Signal {}

  /** The user, or a reset of the database, cancels the project. */
  record Cancel(String reason) implements Signal {}
}
