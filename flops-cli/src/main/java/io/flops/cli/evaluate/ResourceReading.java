package io.flops.cli.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What a {@link ResourceSampler} read at one instant: cumulative counters, which {@link
 * ResourceSample#between} turns into rates.
 *
 * @param at when it was read
 * @param cpuTime the CPU time each measured unit (process or container, by id) used since it
 *     started
 * @param memoryBytes the memory all units hold now (resident set sizes or container usage)
 * @param netRxBytes the bytes received so far on the measured network interfaces
 * @param netTxBytes the bytes sent so far on the measured network interfaces
 */
public record ResourceReading(
    Instant at, Map<String, Duration> cpuTime, long memoryBytes, long netRxBytes, long netTxBytes) {

  public ResourceReading {
    cpuTime = Map.copyOf(cpuTime);
  }
}
