package io.flops.manager.stages;

import io.flops.common.api.Milestone;
import io.flops.manager.project.Project;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * When a project reached each {@link Milestone}, in milestone order; milestones not reached are
 * absent. The API shows them as {@code stage_timings}.
 *
 * @param reached milestone → instant, ordered
 */
public record StageTimings(Map<Milestone, Instant> reached) {

  public StageTimings {
    Map<Milestone, Instant> ordered = new EnumMap<>(Milestone.class);
    ordered.putAll(reached);
    reached = Collections.unmodifiableMap(ordered);
  }

  /** The timings of {@code project} so far. */
  public static StageTimings of(Project project) {
    Map<Milestone, Instant> reached = new EnumMap<>(Milestone.class);
    for (Milestone milestone : Milestone.values()) {
      Instant at = Milestones.reachedAt(milestone, project);
      if (at != null) {
        reached.put(milestone, at);
      }
    }
    return new StageTimings(reached);
  }

  /** The time from acceptance to {@code milestone}, or null when it was not reached. */
  public Duration sinceAccepted(Milestone milestone) {
    Instant accepted = reached.get(Milestone.ACCEPTED);
    Instant at = reached.get(milestone);
    return accepted == null || at == null ? null : Duration.between(accepted, at);
  }

  /** One line for logs: {@code images_built +42.1s, first_round +61.0s, ...}. */
  public String summary() {
    StringBuilder line = new StringBuilder();
    for (Milestone milestone : reached.keySet()) {
      if (milestone == Milestone.ACCEPTED) {
        continue;
      }
      if (!line.isEmpty()) {
        line.append(", ");
      }
      line.append(milestone.jsonName())
          .append(" +")
          .append(String.format(Locale.ROOT, "%.1fs", seconds(sinceAccepted(milestone))));
    }
    return line.toString();
  }

  static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
