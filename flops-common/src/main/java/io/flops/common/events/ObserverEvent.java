package io.flops.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of a project's human-readable event stream on {@code project_observer/<project id>},
 * collected by the project's observer and shown to the user.
 *
 * @param id unique id, so receivers drop duplicates
 * @param ts when it happened
 * @param source who reports: {@code manager}, {@code builder}, {@code aggregator}, {@code
 *     learner-<n>}, ...
 * @param level how it should be shown
 * @param kind what it is about, so a page can chart rounds and draw the timeline
 * @param message one readable sentence
 * @param data structured details (round metrics, step timings, state names, URLs)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObserverEvent(
    String id,
    Instant ts,
    String source,
    Level level,
    Kind kind,
    String message,
    Map<String, Object> data) {

  public ObserverEvent {
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** Severity of an event. */
  public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  /** What an event is about. */
  public enum Kind {
    /** A project state transition; data: {@code from}, {@code to}. */
    STATE,
    /** A builder step; data: {@code step}, {@code duration_ms}. */
    BUILD_STEP,
    /** A finished FL round; data: {@code round}, {@code loss}, {@code accuracy}, ... */
    ROUND,
    /** A learner joined, dropped or failed; data: {@code learner}, {@code status}. */
    LEARNER,
    /** Data loaded or pushed; data: {@code rows}, {@code tags}. */
    DATA,
    /** Tracking links; data: {@code tracking_url}, {@code experiment_id}, {@code run_id}. */
    TRACKING,
    /** Inference server deployed or ready; data: {@code url}, {@code image}. */
    INFERENCE,
    /** Anything else worth a line. */
    LOG
  }
}
