package io.flops.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.cli.CliRun;
import io.flops.cli.StubManager;
import io.flops.cli.command.ExitCode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** events and logs, from the kept events and from the server-sent-event stream. */
class EventsCommandTest {

  private static final String RUNNING =
      "{\"flops_project_id\":\"p1\",\"customerID\":\"Admin\",\"state\":\"TRAINING\"}";
  private static final String ENDED =
      "{\"flops_project_id\":\"p1\",\"customerID\":\"Admin\",\"state\":\"COMPLETED\"}";

  private final StubManager manager = new StubManager();

  @AfterEach
  void stop() {
    manager.close();
  }

  @Test
  void printsTheKeptEventsAsLinesOrJsonLines() throws Exception {
    manager.on("GET", "/api/flops/projects/p1", 200, ENDED);
    manager.on("GET", "/api/flops/projects/p1/events", 200, page(1, 2, 3));

    CliRun text = CliRun.against(manager, "events", "p1", "--since", "0");
    CliRun json = CliRun.against(manager, "events", "p1", "-o", "json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out().lines().toList())
        .containsExactly(
            "#1     2026-11-23T12:00:01Z manager        INFO  STATE      event 1",
            "#2     2026-11-23T12:00:02Z learner-0      DEBUG LOG        event 2",
            "#3     2026-11-23T12:00:03Z aggregator     INFO  ROUND      event 3 {round=3}");
    List<String> lines = json.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(new ObjectMapper().readTree(lines.get(2)).path("data").path("round").asInt())
        .isEqualTo(3);
  }

  @Test
  void followReadsTheStreamAfterTheKeptEventsAndStopsWhenTheProjectEnds() {
    manager.on("GET", "/api/flops/projects/p1", 200, RUNNING);
    manager.on("GET", "/api/flops/projects/p1/events", 200, page(1));
    manager.on("GET", "/api/flops/projects/p1/events", 200, page());
    manager.onStream(
        "/api/flops/projects/p1/events/stream",
        sse(1) + sse(2) + sse(3) + sse(4, "STATE", "manager", "{\"to\":\"COMPLETED\"}"),
        true);

    CliRun run = CliRun.against(manager, "events", "p1", "--follow");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().map(line -> line.substring(0, 3)).toList())
        .containsExactly("#1 ", "#2 ", "#3 ", "#4 ");
    assertThat(manager.calls())
        .contains("GET /api/flops/projects/p1/events/stream?since=1")
        .last()
        .isEqualTo("GET /api/flops/projects/p1/events?since=4");
  }

  @Test
  void aStreamTheManagerClosesIsReopenedAfterTheLastEvent() {
    manager.on("GET", "/api/flops/projects/p1", 200, RUNNING);
    manager.on("GET", "/api/flops/projects/p1/events", 200, page());
    manager.onStream("/api/flops/projects/p1/events/stream", sse(1) + sse(2), false);
    manager.onStream(
        "/api/flops/projects/p1/events/stream",
        sse(3, "STATE", "manager", "{\"to\":\"FAILED\"}"),
        true);

    CliRun run = CliRun.against(manager, "events", "p1", "-f");

    assertThat(run.out().lines().count()).isEqualTo(3);
    assertThat(manager.calls())
        .contains(
            "GET /api/flops/projects/p1/events/stream?since=0",
            "GET /api/flops/projects/p1/events/stream?since=2");
  }

  @Test
  void logsShowOneComponentsEventsAndLearnerMatchesEveryLearner() {
    manager.on("GET", "/api/flops/projects/p1", 200, ENDED);
    manager.on("GET", "/api/flops/projects/p1/events", 200, page(1, 2, 3));

    CliRun learner = CliRun.against(manager, "logs", "p1", "learner");
    CliRun unknown = CliRun.against(manager, "logs", "p1", "observer");

    assertThat(learner.exitCode()).isZero();
    assertThat(learner.out().lines().toList())
        .containsExactly("2026-11-23T12:00:02Z DEBUG learner-0: event 2");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(unknown.err())
        .contains("no events from 'observer'; its components: aggregator, learner-0, manager");
  }

  private static String page(int... seqs) {
    StringBuilder events = new StringBuilder();
    for (int seq : seqs) {
      events.append(events.isEmpty() ? "" : ",").append(event(seq));
    }
    int last = seqs.length == 0 ? 0 : seqs[seqs.length - 1];
    return "{\"project_id\":\"p1\",\"last_seq\":" + last + ",\"events\":[" + events + "]}";
  }

  private static String event(int seq) {
    return switch (seq) {
      case 1 -> event(1, "STATE", "manager", "INFO", "{\"to\":\"TRAINING\"}");
      case 2 -> event(2, "LOG", "learner-0", "DEBUG", "{}");
      default -> event(seq, "ROUND", "aggregator", "INFO", "{\"round\":3}");
    };
  }

  private static String event(int seq, String kind, String source, String level, String data) {
    return String.format(
        "{\"seq\":%d,\"id\":\"e%d\",\"ts\":\"2026-11-23T12:00:0%dZ\",\"source\":\"%s\","
            + "\"level\":\"%s\",\"kind\":\"%s\",\"message\":\"event %d\",\"data\":%s}",
        seq, seq, seq, source, level, kind, seq, data);
  }

  private static String sse(int seq) {
    return "id:" + seq + "\ndata:" + event(seq) + "\n\n";
  }

  private static String sse(int seq, String kind, String source, String data) {
    return "id:" + seq + "\ndata:" + event(seq, kind, source, "INFO", data) + "\n\n";
  }
}
