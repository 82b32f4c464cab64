package io.flops.manager.orchestration.local;

import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.DeploymentStatus.InstanceStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One running (or ended) child process of a deployment. */
final class LocalInstance {

  private final int number;
  private final String node;
  private final Process process;
  private final Map<Integer, Integer> ports;
  private final Path logFile;
  private final boolean oneShot;
  private volatile boolean stopped;

  LocalInstance(
      int number,
      String node,
      Process process,
      Map<Integer, Integer> ports,
      Path logFile,
      boolean oneShot) {
    this.number = number;
    this.node = node;
    this.process = process;
    this.ports = Map.copyOf(ports);
    this.logFile = logFile;
    this.oneShot = oneShot;
  }

  int number() {
    return number;
  }

  String node() {
    return node;
  }

  long pid() {
    return process.pid();
  }

  Map<Integer, Integer> ports() {
    return ports;
  }

  Path logFile() {
    return logFile;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  InstanceStatus status() {
    if (stopped) {
      return new InstanceStatus(number, DeploymentState.UNDEPLOYED, exitCodeOrNull(), null);
    }
    if (process.isAlive()) {
      return new InstanceStatus(number, DeploymentState.RUNNING, null, null);
    }
    int code = process.exitValue();
    if (oneShot && code == 0) {
      return new InstanceStatus(number, DeploymentState.COMPLETED, 0, null);
    }
    String message =
        oneShot
            ? "exited with code " + code + " (see " + logFile + ")"
            : "a long-running service ended with code " + code + " (see " + logFile + ")";
    return new InstanceStatus(number, DeploymentState.FAILED, code, message);
  }

  private Integer exitCodeOrNull() {
    return process.isAlive() ? null : process.exitValue();
  }

  /**
   * Stops the process tree: closing standard input makes the watchdog send SIGTERM to the group;
   * whatever still runs after {@code timeout} is killed.
   */
  void stop(Duration timeout) {
    stopped = true;
    List<ProcessHandle> tree = new ArrayList<>(process.toHandle().descendants().toList());
    tree.add(process.toHandle());
    try {
      process.getOutputStream().close();
    } catch (IOException alreadyClosed) {
      // the pipe is closed either way
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle handle : tree) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        handle.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (Exception stillRunning) {
        handle.destroyForcibly();
      }
    }
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
  }
}
