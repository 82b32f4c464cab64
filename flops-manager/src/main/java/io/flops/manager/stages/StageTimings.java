package io.flops.manager.stages;

import io.flops.manager.project.Project;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When a project reached each {@link Stage}, in stage order; stages not reached are absent.
 *
 * @param reached stage → instant, ordered
 */
public record StageTimings(Map<Stage, Instant> reached) {

  public StageTimings {
    reached = Collections.unmodifiableMap(new LinkedHashMap<>(reached));
  }

  /** The timings of {@code project} so far. */
  public static StageTimings of(Project project) {
    Map<Stage, Instant> reached = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      Instant at = stage.reachedAt(project);
      if (at != null) {
        reached.put(stage, at);
      }
    }
    return new StageTimings(reached);
  }

  /** Stage name → instant, for the API. */
  public Map<String, Instant> byName() {
    Map<String, Instant> named = new LinkedHashMap<>();
    reached.forEach((stage, at) -> named.put(stage.jsonName(), at));
    return named;
  }

  /** The time from acceptance to {@code stage}, or null when it was not reached. */
  public Duration sinceAccepted(Stage stage) {
    Instant accepted = reached.get(Stage.ACCEPTED);
    Instant at = reached.get(stage);
    return accepted == null || at == null ? null : Duration.between(accepted, at);
  }

  /** One line for logs: {@code images_built +42.1s, first_round +61.0s, ...}. */
  public String summary() {
    StringBuilder line = new StringBuilder();
    for (Stage stage : reached.keySet()) {
      if (stage == Stage.ACCEPTED) {
        continue;
      }
      if (!line.isEmpty()) {
        line.append(", ");
      }
      line.append(stage.jsonName())
          .append(" +")
          .append(String.format(Locale.ROOT, "%.1fs", seconds(sinceAccepted(stage))));
    }
    return line.toString();
  }

  static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
