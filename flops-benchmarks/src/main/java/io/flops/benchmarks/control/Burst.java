package io.flops.benchmarks.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The largest group of simulated builders that reported at one instant, read from the projects'
 * timelines. With {@code flops.orchestrator.simulated.aligned}, a builder reports on the first
 * multiple of the step delay at least one step after its deployment; builders deployed late (a busy
 * manager prepares projects for a while after their POSTs) report one tick later. A project left
 * BUILDING_IMAGES when its report was applied, within one step of its tick, so the tick is the
 * multiple of the step just before that.
 *
 * @param instant the tick the group's builders reported at (epoch milliseconds)
 * @param projects the projects whose builders reported then
 * @param lastApplied when the last of them left BUILDING_IMAGES (epoch milliseconds)
 * @param others the projects whose builders reported at another tick
 */
record Burst(long instant, int projects, long lastApplied, int others) {

  private static final String STATE = "BUILDING_IMAGES";

  static Burst of(List<JsonNode> views, long step) {
    Map<Long, List<Long>> byTick =
        views.stream()
            .map(Burst::leftAt)
            .filter(left -> left > 0)
            .collect(
                Collectors.groupingBy(
                    left -> Math.floorDiv(left, step) * step, TreeMap::new, Collectors.toList()));
    Map.Entry<Long, List<Long>> largest =
        byTick.entrySet().stream()
            .max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size()))
            .orElseThrow(() -> new IllegalStateException("No project left " + STATE));
    long last = largest.getValue().stream().mapToLong(Long::longValue).max().orElseThrow();
    int size = largest.getValue().size();
    return new Burst(largest.getKey(), size, last, views.size() - size);
  }

  /** Seconds from the instant to the last report applied. */
  double seconds() {
    return (lastApplied - instant) / 1000.0;
  }

  /** When {@code project} left BUILDING_IMAGES (epoch milliseconds; 0 if it never did). */
  private static long leftAt(JsonNode project) {
    long left = 0;
    for (JsonNode step : project.path("timeline")) {
      if (STATE.equals(step.path("from").asText())) {
        left = Math.max(left, Instant.parse(step.path("at").asText()).toEpochMilli());
      }
    }
    return left;
  }
}
