package io.flops.manager.events;

import io.flops.common.observer.EventLog;
import io.flops.common.observer.EventPage;
import io.flops.common.observer.web.EventStreamRelay;
import io.flops.manager.access.Caller;
import io.flops.manager.lifecycle.ProjectService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A project's observer events as the manager collected them from {@code project_observer/<id>}: as
 * JSON ({@code ?since=<seq>}) and as server-sent events (each SSE id is the event's {@code seq}).
 */
@Validated
@RestController
@RequestMapping("/api/flops/projects/{id}/events")
public class ProjectEventsController {

  private final ProjectService projects;
  private final ProjectEventLogs logs;
  private final EventStreamRelay streams;

  public ProjectEventsController(
      ProjectService projects, ProjectEventLogs logs, EventStreamRelay streams) {
    this.projects = projects;
    this.logs = logs;
    this.streams = streams;
  }

  @Operation(summary = "A project's observer events after position since (default 0: all kept)")
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public EventPage events(
      @PathVariable("id") String id,
      @RequestParam(name = "since", defaultValue = "0") @PositiveOrZero long since,
      Caller caller) {
    return EventPage.of(id, logOf(id, caller), since);
  }

  @Operation(
      summary = "A project's observer events after since, then each new one, as server-sent events",
      description = "A reconnecting reader's Last-Event-ID wins over an older since.")
  @GetMapping(
      path = {"", "/stream"},
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public SseEmitter stream(
      @PathVariable("id") String id,
      @RequestParam(name = "since", defaultValue = "0") @PositiveOrZero long since,
      @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
      Caller caller) {
    return streams.open(logOf(id, caller), since, lastEventId);
  }

  private EventLog logOf(String id, Caller caller) {
    return logs.of(projects.get(id, caller).getId());
  }
}
