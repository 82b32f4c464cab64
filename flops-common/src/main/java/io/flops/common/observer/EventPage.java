package io.flops.common.observer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer of {@code GET /api/events?since=<seq>}.
 *
 * @param projectId the project whose events these are
 * @param events the events after {@code since}, in order
 * @param lastSeq the position of the newest event the log holds (0 when empty); pass it as the next
 *     {@code since} to read incrementally
 */
public record EventPage(
    @JsonProperty("project_id") String projectId,
    @JsonProperty("events") List<SequencedEvent> events,
    @JsonProperty("last_seq") long lastSeq) {

  public EventPage {
    events = events == null ? List.of() : List.copyOf(events);
  }

  /** The events of {@code log} after {@code since}, as the observer and the manager answer them. */
  public static EventPage of(String projectId, EventLog log, long since) {
    long lastSeq = log.lastSeq();
    return new EventPage(projectId, log.after(since), lastSeq);
  }
}
