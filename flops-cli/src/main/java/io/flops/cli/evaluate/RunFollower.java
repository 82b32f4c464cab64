package io.flops.cli.evaluate;

import io.flops.cli.client.ManagerApiException;
import io.flops.cli.client.ManagerClient;
import io.flops.common.api.ProjectView;
import io.flops.common.api.Stage;
import io.flops.common.observer.SequencedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Follows one project until it ends: polls its state and its observer events, keeps its rounds, and
 * reports each stage it enters.
 */
final class RunFollower {

  private static final int TOLERATED_FAILURES = 10;

  private final ManagerClient manager;
  private final Duration poll;
  private final Consumer<String> progress;
  private final List<RoundResult> rounds = new ArrayList<>();
  private long since;

  RunFollower(ManagerClient manager, Duration poll, Consumer<String> progress) {
    this.manager = manager;
    this.poll = poll;
    this.progress = progress;
  }

  /** The rounds seen so far. */
  List<RoundResult> rounds() {
    return List.copyOf(rounds);
  }

  /**
   * Waits until project {@code id} ended and returns it as it ended; a project that did not end
   * within {@code timeout} is cancelled, and returned as the cancellation left it.
   *
   * @throws IllegalStateException when the manager stopped answering, or the thread was interrupted
   */
  ProjectView follow(String id, Instant submitted, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    int failures = 0;
    Stage shown = null;
    while (true) {
      try {
        ProjectView project = manager.project(id);
        collectRounds(id);
        Stage stage =
            new StageTimeline(submitted, project.stageTimings())
                .stageAt(Instant.now())
                .orElse(null);
        if (stage != null && stage != shown) {
          progress.accept("  stage " + stage.label());
          shown = stage;
        }
        if (project.state().isTerminal()) {
          return project;
        }
        failures = 0;
      } catch (ManagerApiException e) {
        if (++failures > TOLERATED_FAILURES) {
          throw new IllegalStateException(
              "Lost the manager while following project " + id + ": " + e.getMessage(), e);
        }
      }
      if (Instant.now().isAfter(deadline)) {
        progress.accept(
            "  project "
                + id
                + " did not end within "
                + timeout.toMinutes()
                + " min: cancelling it");
        return manager.cancel(id);
      }
      pause(id);
    }
  }

  private void collectRounds(String id) {
    for (SequencedEvent event : manager.events(id, since).events()) {
      RoundResult.of(event).ifPresent(rounds::add);
      since = Math.max(since, event.seq());
    }
  }

  private void pause(String id) {
    try {
      Thread.sleep(poll.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while following project " + id, e);
    }
  }
}
