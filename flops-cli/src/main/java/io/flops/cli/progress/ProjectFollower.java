package io.flops.cli.progress;

import io.flops.cli.client.ManagerApiException;
import io.flops.cli.client.ManagerClient;
import io.flops.common.api.ProjectView;
import io.flops.common.observer.EventPage;
import io.flops.common.observer.SequencedEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * Follows one project through the manager's API until it ends: polls its events ({@code GET
 * .../events?since=}) and its state, and hands both to a {@link ProgressView}.
 */
public final class ProjectFollower {

  private static final int TOLERATED_FAILURES = 10;

  private final ManagerClient manager;
  private final ProgressView view;
  private final Duration poll;
  private long since;

  /**
   * @param manager the manager's API
   * @param view where progress goes
   * @param poll the pause between two polls
   */
  public ProjectFollower(ManagerClient manager, ProgressView view, Duration poll) {
    this.manager = manager;
    this.view = view;
    this.poll = poll;
  }

  /**
   * Shows the project's progress until it has ended and returns it as it ended; returns the latest
   * view early when the thread is interrupted.
   *
   * @throws IllegalStateException when it did not end within {@code timeout}, or the manager
   *     stopped answering
   */
  public ProjectView follow(String projectId, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    int failures = 0;
    ProjectView project = null;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        showNewEvents(projectId);
        project = manager.project(projectId);
        view.project(project);
        failures = 0;
        if (project.state().isTerminal()) {
          showNewEvents(projectId);
          return project;
        }
      } catch (ManagerApiException e) {
        if (++failures > TOLERATED_FAILURES) {
          throw new IllegalStateException(
              "Lost the manager while following project " + projectId + ": " + e.getMessage(), e);
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "Project "
                + projectId
                + " did not end within "
                + timeout.toMinutes()
                + " min; it is "
                + (project == null ? "unknown" : project.state()));
      }
      pause();
    }
    return project;
  }

  private void showNewEvents(String projectId) {
    EventPage page = manager.events(projectId, since);
    for (SequencedEvent event : page.events()) {
      view.event(event);
      since = Math.max(since, event.seq());
    }
  }

  private void pause() {
    try {
      Thread.sleep(poll.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
