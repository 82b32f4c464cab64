package io.flops.cli.project;

import io.flops.cli.client.ManagerApiException;
import io.flops.cli.client.ManagerClient;
import io.flops.cli.command.ExitCode;
import io.flops.cli.progress.ProgressView;
import io.flops.cli.progress.ProjectFollower;
import io.flops.cli.progress.Terminal;
import io.flops.common.api.ProjectView;
import java.time.Duration;

/**
 * Shows a project's progress until it ends, with the demo's view (states, build steps, the rounds'
 * table, a status line on a terminal), then what it ended with. Ctrl-C stops watching only: the
 * project keeps running.
 */
public final class Watching {

  /** How long to watch when no {@code --timeout} is given. */
  public static final Duration FOREVER = Duration.ofDays(365);

  private static final Duration POLL = Duration.ofSeconds(1);

  private final ManagerClient manager;
  private final Terminal terminal;

  public Watching(ManagerClient manager, Terminal terminal) {
    this.manager = manager;
    this.terminal = terminal;
  }

  /**
   * Watches project {@code id} until it ended or {@code timeout} passed.
   *
   * @return {@link ExitCode#OK} when it completed, else the code of how it ended
   * @throws ManagerApiException when the project is unknown or the manager stopped answering
   */
  public ExitCode watch(String id, Duration timeout) {
    manager.project(id);
    ProgressView view = new ProgressView(terminal);
    Thread hook = new Thread(() -> interrupted(view, id), "flops-watch-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      ProjectView ended = new ProjectFollower(manager, view, POLL).follow(id, timeout);
      view.finish();
      if (ended == null || !ended.state().isTerminal()) {
        return ExitCode.INTERRUPTED;
      }
      ProjectText.outcome(ended).forEach(terminal::line);
      return ExitCode.of(ended.state());
    } catch (IllegalStateException e) {
      view.finish();
      if (e.getCause() instanceof ManagerApiException lost) {
        throw lost;
      }
      terminal.line(e.getMessage() + "; it keeps running (flops cancel " + id + " stops it).");
      return ExitCode.TIMED_OUT;
    } finally {
      removeHook(hook);
    }
  }

  private static void interrupted(ProgressView view, String id) {
    view.finish();
    view.line(
        "Stopped watching; project "
            + id
            + " keeps running (flops watch "
            + id
            + " follows it again, flops cancel "
            + id
            + " stops it).");
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs and says how to follow the project again
    }
  }
}
