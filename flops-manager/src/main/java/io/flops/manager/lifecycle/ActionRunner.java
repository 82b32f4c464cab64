package io.flops.manager.lifecycle;

import io.flops.manager.project.Action;
import java.util.Optional;

/**
 * Runs a lifecycle {@link Action}: the side effects of a step (Git, registry, orchestrator calls).
 * Implementations are idempotent: they do only what the stored project does not record as done yet,
 * and record each outcome through the project store as it comes.
 */
@FunctionalInterface
public interface ActionRunner {

  /**
   * Runs {@code action} for the project.
   *
   * @return the input the outcome feeds back into the lifecycle, if any
   * @throws RuntimeException with a readable message when the action failed; the project fails
   */
  Optional<Signal> run(String projectId, Action action);
}
