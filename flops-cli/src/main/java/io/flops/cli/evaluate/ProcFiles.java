package io.flops.cli.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** The Linux {@code /proc} files the host sampler reads. */
final class ProcFiles {

  private final Path proc;

  ProcFiles(Path proc) {
    this.proc = proc;
  }

  /** The resident set size of process {@code pid}, empty once it ended. */
  OptionalLong residentBytes(long pid) {
    try {
      for (String line : Files.readAllLines(proc.resolve(pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          String kilobytes = line.substring("VmRSS:".length()).trim().split("\\s+")[0];
          return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
        }
      }
      return OptionalLong.of(0);
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The bytes received and sent on every interface of the network namespace of process {@code pid},
   * loopback included ({@code /proc/<pid>/net/dev}).
   *
   * @return {received, sent}
   */
  long[] networkBytes(long pid) {
    Path file = proc.resolve(pid + "/net/dev");
    try {
      return sumInterfaces(Files.readAllLines(file));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Could not read the network counters in " + file, e);
    }
  }

  /** Sums the receive and transmit byte columns of a {@code net/dev} table. */
  static long[] sumInterfaces(List<String> lines) {
    long received = 0;
    long sent = 0;
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0 || line.contains("|")) {
        continue;
      }
      String[] fields = line.substring(colon + 1).trim().split("\\s+");
      received += Long.parseLong(fields[0]);
      sent += Long.parseLong(fields[8]);
    }
    return new long[] {received, sent};
  }
}
