package io.flops.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.events.ObserverEvent.Level;
import io.flops.common.observer.SequencedEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the progress display prints for a project's events, on a terminal and elsewhere. */
class ProgressViewTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private ProgressView view(boolean tty) {
    return new ProgressView(
        new Terminal(new PrintStream(bytes, true, StandardCharsets.UTF_8), tty));
  }

  private static SequencedEvent event(
      long seq, String source, Level level, Kind kind, String message, Map<String, Object> data) {
    return new SequencedEvent(seq, "e" + seq, Instant.now(), source, level, kind, message, data);
  }

  private static SequencedEvent round(long seq, int round, double loss, double accuracy) {
    return event(
        seq,
        "aggregator",
        Level.INFO,
        Kind.ROUND,
        "Round " + round,
        Map.of(
            "round",
            round,
            "loss",
            loss,
            "accuracy",
            accuracy,
            "learners",
            2,
            "duration_ms",
            21500));
  }

  @Test
  void withoutATerminalEachStateBuildStepAndRoundIsOnePlainLineAndLogsAreLeftOut() {
    ProgressView view = view(false);
    view.event(
        event(
            1,
            "manager",
            Level.INFO,
            Kind.STATE,
            "Building images.",
            Map.of("to", "BUILDING_IMAGES")));
    view.event(
        event(
            2,
            "builder",
            Level.INFO,
            Kind.BUILD_STEP,
            "Compiling with Maven took 23.6 s.",
            Map.of("step", "compile")));
    view.event(event(3, "learner-0", Level.INFO, Kind.LOG, "Fetched 30000 rows", Map.of()));
    view.event(event(4, "builder", Level.DEBUG, Kind.LOG, "Compiling ...", Map.of()));
    view.event(round(5, 1, 0.41234, 0.9012));
    view.event(round(6, 2, 0.2, 0.95));
    view.event(event(7, "learner-1", Level.WARN, Kind.LOG, "slow disk", Map.of()));
    view.tick();

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text.lines())
        .containsSubsequence(
            "[00:00] BUILDING_IMAGES          Building images.",
            "[00:00]   build    Compiling with Maven took 23.6 s.",
            "  source                 round      loss  accuracy learners     time",
            "  aggregator                 1    0.4123    0.9012        2   21.5 s",
            "  aggregator                 2    0.2000    0.9500        2   21.5 s",
            "[00:00]   WARN  learner-1: slow disk");
    assertThat(text).doesNotContain("Fetched 30000 rows", "Compiling ...", "\r", "\033");
  }

  @Test
  void onATerminalTheStatusLineIsRedrawnInPlaceBelowTheFinishedLines() {
    ProgressView view = view(true);
    view.activity("Starting the manager ...");
    view.done("Manager ready");
    view.event(round(1, 1, 0.4, 0.9));
    view.finish();

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("\r\033[2K").contains("Starting the manager ...");
    assertThat(text).contains("[00:00] Manager ready\n");
    assertThat(text).contains("(aggregator round 1: accuracy 0.9000)");
    assertThat(text).endsWith("\r\033[2K");
  }
}
