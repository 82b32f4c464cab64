package io.flops.common.observer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import io.flops.common.events.ObserverEvent;
import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.events.ObserverEvent.Level;
import io.flops.common.observer.EventLog;
import io.flops.common.observer.JsonLinesEventStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class EventStreamRelayTest {

  private static final Pattern SSE_ID = Pattern.compile("(?m)^id:(\\d+)$");

  @TempDir Path dir;
  private EventLog log;
  private EventStreamRelay relay;
  private MockMvc mvc;

  @BeforeEach
  void start() {
    log = new EventLog(new JsonLinesEventStore(dir.resolve("events.jsonl")), 100);
    relay = new EventStreamRelay(Runnable::run, Duration.ofMinutes(1));
    mvc = MockMvcBuilders.standaloneSetup(new Streams(log, relay)).build();
    accept("a", "b", "c");
  }

  @Test
  void aStreamRelaysTheEventsAfterSinceThenEachNewOneWithItsSeqAsId() throws Exception {
    MockHttpServletResponse response = open("/stream?since=1", null);
    accept("d");

    assertThat(ids(response)).containsExactly(2L, 3L, 4L);
    assertThat(response.getContentAsString()).contains("\"id\":\"d\"", "\"message\":\"event d\"");
    assertThat(relay.openCount()).isEqualTo(1);
  }

  @Test
  void aReconnectingReadersLastEventIdWinsOverAnOlderSince() throws Exception {
    assertThat(ids(open("/stream?since=1", 2L))).containsExactly(3L);
    assertThat(ids(open("/stream?since=2", 1L))).containsExactly(3L);
    assertThat(ids(open("/stream", null))).containsExactly(1L, 2L, 3L);
  }

  @Test
  void closingTheContextEndsEveryStreamAndItsSubscription() throws Exception {
    open("/stream", null);
    open("/stream", null);
    assertThat(log.subscriptionCount()).isEqualTo(2);

    relay.completeAll();

    assertThat(relay.openCount()).isZero();
    assertThat(log.subscriptionCount()).isZero();
  }

  @Test
  void aHeartbeatIsACommentLine() throws Exception {
    MockHttpServletResponse response = open("/stream?since=3", null);

    relay.heartbeat();

    assertThat(response.getContentAsString()).contains(":heartbeat");
    assertThat(ids(response)).isEmpty();
  }

  private MockHttpServletResponse open(String path, Long lastEventId) throws Exception {
    var request = get(path);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return mvc.perform(request).andExpect(request().asyncStarted()).andReturn().getResponse();
  }

  private void accept(String... ids) {
    for (String id : ids) {
      log.accept(
          new ObserverEvent(
              id,
              Instant.parse("2026-11-23T12:00:00Z"),
              "test",
              Level.INFO,
              Kind.LOG,
              "event " + id,
              Map.of()));
    }
  }

  private static List<Long> ids(MockHttpServletResponse response) throws Exception {
    Matcher ids = SSE_ID.matcher(response.getContentAsString());
    return ids.results().map(id -> Long.parseLong(id.group(1))).toList();
  }

  @RestController
  record Streams(EventLog log, EventStreamRelay relay) {
    @GetMapping("/stream")
    SseEmitter stream(
        @RequestParam(defaultValue = "0") long since,
        @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
      return relay.open(log, since, lastEventId);
    }
  }
}
