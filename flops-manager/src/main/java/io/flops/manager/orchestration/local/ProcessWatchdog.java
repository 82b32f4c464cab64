package io.flops.manager.orchestration.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps every child in a small shell script that runs it in its own process group and stops that
 * whole group as soon as its standard input closes. The manager holds the other end of that pipe,
 * so the group stops on undeploy (the manager closes it) and whenever the manager dies, even by
 * {@code kill -9} (the kernel closes it): no child outlives the manager.
 */
final class ProcessWatchdog {

  private static final String SCRIPT =
      """
      #!/bin/sh
      # FLOps local orchestrator: run "$@" until standard input closes, then stop the process group.
      # (a background list reads /dev/null unless redirected, so the pipe is kept as descriptor 3)
      grace="$1"; shift
      exec 3<&0
      "$@" </dev/null 3<&- &
      child=$!
      (
        trap '' TERM
        while read -r _line <&3; do :; done
        kill -TERM 0 2>/dev/null
        waited=0
        while kill -0 "$child" 2>/dev/null && [ "$waited" -lt "$grace" ]; do
          sleep 1; waited=$((waited + 1))
        done
        kill -KILL 0 2>/dev/null
      ) &
      watcher=$!
      wait "$child"
      code=$?
      kill -KILL "$watcher" 2>/dev/null
      exit "$code"
      """;

  private final Path script;
  private final long graceSeconds;

  ProcessWatchdog(Path workDir, Duration stopTimeout) {
    this.graceSeconds = Math.max(1, stopTimeout.toSeconds());
    try {
      Files.createDirectories(workDir);
      this.script = workDir.resolve("flops-watchdog.sh");
      Files.writeString(script, SCRIPT);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the process watchdog in " + workDir, e);
    }
  }

  /** The command that runs {@code command} under the watchdog in a new session. */
  List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of("setsid", "-w", "/bin/sh", script.toString()));
    wrapped.add(Long.toString(graceSeconds));
    wrapped.addAll(command);
    return wrapped;
  }
}
