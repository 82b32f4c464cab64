package io.flops.manager.events;

import io.flops.common.observer.EventLog;
import io.flops.common.observer.JsonLinesEventStore;
import io.flops.manager.config.EventsProperties;
import io.flops.manager.config.FlopsProperties;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Every project's observer events, one bounded {@link EventLog} per project persisted as JSON lines
 * under {@code <flops.data-dir>/events/<project id>.jsonl}; a log is opened on first use.
 */
@Component
public class ProjectEventLogs {

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  private final Path directory;
  private final int maxEvents;
  private final Map<String, EventLog> logs = new ConcurrentHashMap<>();

  public ProjectEventLogs(FlopsProperties flops, EventsProperties properties) {
    this.directory = flops.getDataDir().resolve("events");
    this.maxEvents = properties.getMaxEvents();
  }

  /**
   * The log of {@code projectId}.
   *
   * @throws IllegalArgumentException when the id cannot name a file (e.g. it contains a slash)
   */
  public EventLog of(String projectId) {
    if (!SAFE_ID.matcher(projectId).matches() || projectId.startsWith(".")) {
      throw new IllegalArgumentException(
          "The project id '" + projectId + "' may only use letters, digits, '_', '.' and '-'");
    }
    return logs.computeIfAbsent(
        projectId,
        id -> new EventLog(new JsonLinesEventStore(directory.resolve(id + ".jsonl")), maxEvents));
  }
}
