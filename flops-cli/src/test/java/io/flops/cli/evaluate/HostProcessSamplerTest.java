package io.flops.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostProcessSamplerTest {

  @Test
  void readsTheCpuTimeAndMemoryOfTheChildProcessesWithoutThisOne() throws Exception {
    Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
    try {
      HostProcessSampler sampler = HostProcessSampler.descendantsOfThisCommand();
      ResourceReading first = sampler.read();
      Duration spun = awaitCpuTime(busy, Duration.ofMillis(300));
      ResourceReading second = sampler.read();

      String pid = Long.toString(busy.pid());
      assertThat(second.cpuTime()).containsKey(pid);
      assertThat(second.cpuTime()).doesNotContainKey(Long.toString(ProcessHandle.current().pid()));
      assertThat(second.memoryBytes()).isPositive();
      // the sampler sees the CPU time the kernel accounted to the child, however busy the machine
      assertThat(second.cpuTime().get(pid)).isGreaterThanOrEqualTo(spun.minusMillis(20));
      assertThat(ResourceSample.between(first, second).cpuPercent()).isPositive();
    } finally {
      busy.destroyForcibly().waitFor();
    }
  }

  /** Waits until the process used at least {@code cpu} of CPU time (as the JDK reads it). */
  private static Duration awaitCpuTime(Process process, Duration cpu) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Duration used = process.info().totalCpuDuration().orElse(Duration.ZERO);
      if (used.compareTo(cpu) >= 0) {
        return used;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the busy child got less than " + cpu + " of CPU in 60 s");
  }

  @Test
  void readsTheNetworkCountersOfTheProcessesNamespace() {
    ResourceReading reading = HostProcessSampler.treeOf(ProcessHandle.current()).read();

    assertThat(reading.cpuTime()).containsKey(Long.toString(ProcessHandle.current().pid()));
    assertThat(reading.netRxBytes()).isNotNegative();
    assertThat(reading.at()).isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void sumsTheByteColumnsOfEveryInterface() {
    List<String> netDev =
        List.of(
            "Inter-|   Receive                                                |  Transmit",
            " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed",
            "    lo:  1000      10    0    0    0     0          0         0     1000      10    0    0    0     0       0          0",
            "  eth0: 52000     300    0    0    0     0          0         0     7000      40    0    0    0     0       0          0");

    assertThat(ProcFiles.sumInterfaces(netDev)).containsExactly(53_000L, 8_000L);
  }

  @Test
  void anEndedRootProcessIsASentence(@TempDir Path proc) throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    Files.createDirectories(proc);

    assertThatThrownBy(() -> new HostProcessSampler(done.toHandle(), true, proc).read())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The measured process " + done.pid() + " has ended");
  }
}
