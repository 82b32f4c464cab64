package io.flops.observer.web;

import io.flops.common.observer.EventLog;
import io.flops.common.observer.EventPage;
import io.flops.common.observer.web.EventStreamRelay;
import io.flops.observer.ObserverSettings;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The observer's API: the project's events as JSON ({@code GET /api/events?since=<seq>}) and as
 * server-sent events ({@code GET /api/events/stream}, each event's SSE id is its {@code seq}), and
 * what the page needs to know about the project ({@code GET /api/project}).
 */
@Validated
@RestController
@RequestMapping("/api")
public class EventsController {

  private final EventLog eventLog;
  private final EventStreamRelay streams;
  private final ObserverSettings properties;

  EventsController(EventLog eventLog, EventStreamRelay streams, ObserverSettings properties) {
    this.eventLog = eventLog;
    this.streams = streams;
    this.properties = properties;
  }

  /** The events after position {@code since} (default 0: all kept events). */
  @GetMapping(path = "/events", produces = MediaType.APPLICATION_JSON_VALUE)
  public EventPage events(@RequestParam(defaultValue = "0") @PositiveOrZero long since) {
    return EventPage.of(properties.projectId(), eventLog, since);
  }

  /**
   * Every event after {@code since}, then each new one as it arrives. A reconnecting browser sends
   * {@code Last-Event-ID}, which wins over an older {@code since}.
   */
  @GetMapping(path = "/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public SseEmitter stream(
      @RequestParam(defaultValue = "0") @PositiveOrZero long since,
      @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
    return streams.open(eventLog, since, lastEventId);
  }

  /** The project this observer follows and the links it knows from its configuration. */
  @GetMapping(path = "/project", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> project() {
    return Map.of(
        "project_id", properties.projectId(),
        "tracking_url", properties.trackingUrl(),
        "max_events", properties.maxEvents(),
        "kept_events", eventLog.size());
  }
}
