package io.flops.manager.orchestration.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the manager JVM is killed with SIGKILL, none of the services it started survives it. */
class ManagerKilledIT {

  @TempDir Path dir;

  @Test
  void noChildProcessOutlivesAKilledManager() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process manager =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                LocalOrchestratorHost.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    List<Long> pids = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(manager.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (pids.isEmpty() && (line = out.readLine()) != null) {
        if (line.startsWith("PIDS")) {
          Arrays.stream(line.substring(4).trim().split(" "))
              .filter(s -> !s.isBlank())
              .map(Long::parseLong)
              .forEach(pids::add);
        }
      }
    } finally {
      assertThat(pids).as("process ids printed by the stand-in manager").hasSizeGreaterThan(5);
      assertThat(pids.stream().filter(this::alive)).hasSizeGreaterThanOrEqualTo(5);
      manager.destroyForcibly();
      assertThat(manager.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(manager.exitValue()).as("killed by SIGKILL").isEqualTo(137);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (pids.stream().anyMatch(this::alive) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(pids.stream().filter(this::alive).toList()).as("processes left behind").isEmpty();
  }

  private boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
