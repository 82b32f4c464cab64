package io.flops.cli.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The resource usage over one sampling interval.
 *
 * @param at the end of the interval
 * @param cpuPercent the CPU used in the interval, in percent of one core (100: one core busy; the
 *     maximum is 100 × cores), as {@code docker stats} and psutil count it
 * @param memoryBytes the memory held at its end
 * @param netRxBytes the bytes received in the interval
 * @param netTxBytes the bytes sent in the interval
 * @param units the processes or containers measured at its end
 */
public record ResourceSample(
    Instant at, double cpuPercent, long memoryBytes, long netRxBytes, long netTxBytes, int units) {

  /**
   * The usage between two readings. A unit new in {@code current} counts with all its CPU time (it
   * started within the interval); a unit that ended within it is missing from both sums.
   */
  public static ResourceSample between(ResourceReading previous, ResourceReading current) {
    long wallNanos = Math.max(1, Duration.between(previous.at(), current.at()).toNanos());
    long cpuNanos = 0;
    for (Map.Entry<String, Duration> unit : current.cpuTime().entrySet()) {
      Duration before = previous.cpuTime().getOrDefault(unit.getKey(), Duration.ZERO);
      cpuNanos += Math.max(0, unit.getValue().minus(before).toNanos());
    }
    return new ResourceSample(
        current.at(),
        100.0 * cpuNanos / wallNanos,
        current.memoryBytes(),
        Math.max(0, current.netRxBytes() - previous.netRxBytes()),
        Math.max(0, current.netTxBytes() - previous.netTxBytes()),
        current.cpuTime().size());
  }
}
