package io.flops.manager.orchestration.simulated;

import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.ServiceSpec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** One simulated deployment: its spec, its state, and what its component played so far. */
final class SimulatedService {

  private static final int LOG_LINES = 50;

  private final ServiceSpec spec;
  private final Deque<String> log = new ArrayDeque<>();
  private volatile DeploymentState state = DeploymentState.RUNNING;
  private volatile int instances;

  SimulatedService(ServiceSpec spec) {
    this.spec = spec;
    this.instances = spec.instances();
  }

  ServiceSpec spec() {
    return spec;
  }

  DeploymentState state() {
    return state;
  }

  int instances() {
    return instances;
  }

  void scale(int count) {
    instances = count;
  }

  /**
   * Plays {@code step}; a one-shot service completes after its last step, and any service fails
   * when a step throws.
   */
  void play(SimulatedComponents.Step step, boolean last) {
    if (state != DeploymentState.RUNNING) {
      return;
    }
    try {
      step.play();
      note(step.name());
      if (last && spec.oneShot()) {
        state = DeploymentState.COMPLETED;
      }
    } catch (RuntimeException e) {
      note(step.name() + " failed: " + e);
      state = DeploymentState.FAILED;
    }
  }

  synchronized List<String> log(int lines) {
    return log.stream().skip(Math.max(0, log.size() - lines)).toList();
  }

  private synchronized void note(String line) {
    log.addLast(line);
    if (log.size() > LOG_LINES) {
      log.removeFirst();
    }
  }
}
