package io.flops.cli.evaluate;

import static io.flops.cli.evaluate.SyntheticRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceSampleTest {

  @Test
  void cpuIsTheCpuTimeUsedInTheIntervalInPercentOfOneCore() {
    ResourceReading before =
        new ResourceReading(
            T0, Map.of("1", Duration.ofSeconds(10), "2", Duration.ofSeconds(3)), 100, 1_000, 2_000);
    ResourceReading after =
        new ResourceReading(
            T0.plusSeconds(2),
            Map.of("1", Duration.ofMillis(12_500), "3", Duration.ofMillis(500)),
            300,
            1_600,
            2_100);

    ResourceSample sample = ResourceSample.between(before, after);

    // process 1 used 2.5 s, the new process 3 used 0.5 s, process 2 ended: 3 s in 2 s
    assertThat(sample.cpuPercent()).isCloseTo(150.0, within(1e-9));
    assertThat(sample.memoryBytes()).isEqualTo(300);
    assertThat(sample.netRxBytes()).isEqualTo(600);
    assertThat(sample.netTxBytes()).isEqualTo(100);
    assertThat(sample.units()).isEqualTo(2);
    assertThat(sample.at()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void countersThatWentBackwardsCountAsNothing() {
    ResourceReading before =
        new ResourceReading(T0, Map.of("1", Duration.ofSeconds(5)), 10, 500, 500);
    ResourceReading after =
        new ResourceReading(T0.plusSeconds(1), Map.of("1", Duration.ofSeconds(1)), 10, 100, 100);

    ResourceSample sample = ResourceSample.between(before, after);

    assertThat(sample.cpuPercent()).isZero();
    assertThat(sample.netRxBytes()).isZero();
    assertThat(sample.netTxBytes()).isZero();
  }
}
