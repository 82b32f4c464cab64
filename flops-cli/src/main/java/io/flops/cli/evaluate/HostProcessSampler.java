package io.flops.cli.evaluate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The resource usage of a process on this host and all its descendants (the embedded manager and
 * every service, data server and builder it started as child processes). CPU time comes from {@link
 * ProcessHandle.Info#totalCpuDuration()}, memory is the sum of the processes' resident set sizes
 * ({@code VmRSS} in {@code /proc/<pid>/status}; shared pages count once per process), and the
 * network counters are those of the root process's network namespace ({@code /proc/<pid>/net/dev},
 * all interfaces with loopback): local processes share it, so it also counts the traffic of other
 * processes on this host.
 */
public final class HostProcessSampler implements ResourceSampler {

  private final ProcessHandle root;
  private final boolean withRoot;
  private final ProcFiles proc;

  HostProcessSampler(ProcessHandle root, boolean withRoot, Path proc) {
    this.root = root;
    this.withRoot = withRoot;
    this.proc = new ProcFiles(proc);
  }

  /** Measures process {@code root} (e.g. a manager started by hand) and its descendants. */
  public static HostProcessSampler treeOf(ProcessHandle root) {
    return new HostProcessSampler(root, true, Path.of("/proc"));
  }

  /**
   * Measures the descendants of this command's process: the manager it started and everything that
   * manager started, without this command itself.
   */
  public static HostProcessSampler descendantsOfThisCommand() {
    return new HostProcessSampler(ProcessHandle.current(), false, Path.of("/proc"));
  }

  @Override
  public String target() {
    return withRoot
        ? "process " + root.pid() + " and its descendants on this host"
        : "the processes this command started on this host";
  }

  @Override
  public ResourceReading read() {
    if (!root.isAlive()) {
      throw new IllegalStateException("The measured process " + root.pid() + " has ended");
    }
    Instant at = Instant.now();
    Map<String, Duration> cpu = new HashMap<>();
    long memory = 0;
    for (ProcessHandle process : processes()) {
      OptionalLong resident = proc.residentBytes(process.pid());
      Duration time = process.info().totalCpuDuration().orElse(null);
      if (resident.isPresent() && time != null) {
        cpu.put(Long.toString(process.pid()), time);
        memory += resident.getAsLong();
      }
    }
    long[] network = proc.networkBytes(root.pid());
    return new ResourceReading(at, cpu, memory, network[0], network[1]);
  }

  private List<ProcessHandle> processes() {
    return (withRoot ? Stream.concat(Stream.of(root), root.descendants()) : root.descendants())
        .toList();
  }
}
