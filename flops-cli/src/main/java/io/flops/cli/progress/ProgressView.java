package io.flops.cli.progress;

import io.flops.common.api.ProjectView;
import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.events.ObserverEvent.Level;
import io.flops.common.observer.SequencedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Shows a project's progress: a line per state change, build step, learner change and warning, a
 * table of the rounds (loss, accuracy), and a status line with the current state and the latest
 * round. Debug and informational log events are left out: this is a progress display, not a log.
 */
public final class ProgressView {

  private static final String SPINNER = "|/-\\";

  private final Terminal terminal;
  private final Instant started = Instant.now();
  private final RoundTable rounds = new RoundTable();
  private String activity = "";
  private String state = "";
  private String latestRound = "";
  private int ticks;

  public ProgressView(Terminal terminal) {
    this.terminal = terminal;
  }

  /** The terminal this view writes to. */
  public Terminal terminal() {
    return terminal;
  }

  /** Shows what is being done now (before a project runs: starting, pushing data). */
  public synchronized void activity(String text) {
    activity = text;
    tick();
  }

  /** Prints a finished step. */
  public synchronized void done(String text) {
    activity = "";
    terminal.line(prefix() + text);
  }

  /** Prints a line as it is. */
  public synchronized void line(String text) {
    terminal.line(text);
  }

  /** Takes the project's state for the status line. */
  public synchronized void project(ProjectView project) {
    state = project.state() == null ? "" : project.state().name();
    tick();
  }

  /** Shows one of the project's observer events. */
  public synchronized void event(SequencedEvent event) {
    if (event.level() == Level.DEBUG || event.kind() == null) {
      return;
    }
    Kind kind = event.kind();
    switch (kind) {
      case STATE -> {
        Object to = event.data().get("to");
        terminal.line(prefix() + String.format(Locale.ROOT, "%-24s %s", to, event.message()));
      }
      case ROUND -> {
        terminal.line(rounds.rows(event.source(), event.data()));
        latestRound =
            String.format(
                Locale.ROOT,
                "%s round %s: accuracy %s",
                event.source(),
                event.data().get("round"),
                event.data().get("accuracy") instanceof Number n
                    ? String.format(Locale.ROOT, "%.4f", n.doubleValue())
                    : "-");
      }
      case BUILD_STEP -> terminal.line(prefix() + "  build    " + event.message());
      case LOG -> {
        if (event.level() == Level.WARN || event.level() == Level.ERROR) {
          terminal.line(
              prefix() + "  " + event.level() + "  " + event.source() + ": " + event.message());
        }
      }
      default ->
          terminal.line(
              prefix()
                  + "  "
                  + String.format(Locale.ROOT, "%-8s ", kind.name().toLowerCase(Locale.ROOT))
                  + event.message());
    }
    tick();
  }

  /** Redraws the status line (spinner, elapsed time, state, latest round). */
  public synchronized void tick() {
    ticks++;
    StringBuilder text = new StringBuilder();
    text.append(SPINNER.charAt(ticks % SPINNER.length())).append(' ').append(elapsed());
    if (!state.isEmpty()) {
      text.append("  ").append(state);
    }
    if (!activity.isEmpty()) {
      text.append("  ").append(activity);
    } else if (!latestRound.isEmpty()) {
      text.append("  (").append(latestRound).append(')');
    }
    terminal.status(text.toString());
  }

  /** Removes the status line, before a summary. */
  public synchronized void finish() {
    terminal.clearStatus();
  }

  private String prefix() {
    return "[" + elapsed() + "] ";
  }

  private String elapsed() {
    long seconds = Duration.between(started, Instant.now()).toSeconds();
    return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
  }
}
