package io.flops.builder.plan;

import io.flops.common.events.ComponentEvent;

/**
 * One kind of build the builder can run, e.g. <i>fl-actors</i> (a Git repository of ML code →
 * learner and aggregator images) or <i>trained-model</i> (a tracked model → an inference image). A
 * plan runs its steps through {@link BuildContext#step}, which times and reports them, and throws
 * {@link BuildFailure} with one readable sentence when it cannot finish. The {@link PlanRunner}
 * publishes started / success / failed around it.
 */
public interface BuildPlan {

  /** Which plan this is; also decides the MQTT topics its events go to. */
  ComponentEvent.BuildPlan kind();

  /** Runs the plan to its end; returns what was built. */
  BuildOutcome run(BuildContext context) throws BuildFailure;
}
