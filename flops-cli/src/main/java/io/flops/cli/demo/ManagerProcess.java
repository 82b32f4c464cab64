package io.flops.cli.demo;

import io.flops.cli.client.ManagerClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The manager as a child process of this command, started from its exec jar on the embedded
 * defaults. It runs under a small watchdog in its own session, so Ctrl-C reaches this command first
 * (which cancels the project before stopping it), and it stops as soon as this command's end of its
 * standard input closes — on {@link #stop()}, and also when this command dies. Every process it
 * starts is remembered, so {@link #stop()} can check that none is left.
 */
public final class ManagerProcess {

  private static final String WATCHDOG =
      """
      #!/bin/sh
      # flops demo: run "$@" until standard input closes, then stop the process group.
      exec 3<&0
      "$@" </dev/null 3<&- &
      child=$!
      (
        trap '' TERM
        while read -r _line <&3; do :; done
        kill -TERM 0 2>/dev/null
      ) &
      watcher=$!
      wait "$child"
      code=$?
      kill -KILL "$watcher" 2>/dev/null
      exit "$code"
      """;

  /** The file the manager keeps its admin token in (under its data directory). */
  static final String ADMIN_TOKEN_FILE = "admin-token";

  private final Process process;
  private final OutputStream lifeline;
  private final Path log;
  private final Path dataDir;
  private volatile ManagerClient client;
  private final Map<Long, ProcessHandle> seen = new ConcurrentHashMap<>();
  private final Thread tracker;

  private ManagerProcess(Process process, Path log, Path dataDir, ManagerClient client) {
    this.process = process;
    this.lifeline = process.getOutputStream();
    this.log = log;
    this.dataDir = dataDir;
    this.client = client;
    this.tracker = new Thread(this::track, "flops-demo-processes");
    tracker.setDaemon(true);
    tracker.start();
  }

  /**
   * Starts the manager of installation {@code home} on {@code port} with its data under {@code
   * dataDir}; its output goes to {@code <dataDir>/manager.log}.
   *
   * @param extraArgs more {@code --property=value} arguments for the manager
   */
  public static ManagerProcess start(Path home, Path dataDir, int port, List<String> extraArgs) {
    Path jar = Installation.execJar(home, "manager");
    try {
      Files.createDirectories(dataDir);
      Path watchdog = dataDir.resolve("flops-demo-watchdog.sh");
      Files.writeString(watchdog, WATCHDOG);
      List<String> command =
          new ArrayList<>(List.of("setsid", "-w", "/bin/sh", watchdog.toString()));
      command.addAll(
          List.of(
              Installation.java(),
              // the manager mostly waits on I/O: the quick start matters more than peak speed
              "-XX:TieredStopAtLevel=1",
              "-jar",
              jar.toString(),
              "--server.port=" + port,
              "--flops.data-dir=" + dataDir,
              "--flops.orchestrator.local.home=" + home,
              "--flops.images.runtime-home=" + home,
              "--flops.mqtt.embedded-port=" + FreePorts.any()));
      command.addAll(extraArgs);
      Path log = dataDir.resolve("manager.log");
      Process process =
          new ProcessBuilder(command)
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      ManagerClient client =
          new ManagerClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(30));
      return new ManagerProcess(process, log, dataDir, client);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the manager from " + jar, e);
    }
  }

  /** The manager's API, with its admin token once {@link #awaitReady} returned. */
  public ManagerClient client() {
    return client;
  }

  /** The manager's log file. */
  public Path log() {
    return log;
  }

  /** Waits until the manager answers, or fails with the end of its log when it stops or is slow. */
  public void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!client.alive()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The manager stopped with exit code "
                + process.exitValue()
                + " before it answered; the end of "
                + log
                + ":\n"
                + LogTail.of(log, 15));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "The manager did not answer within " + timeout.toSeconds() + " s; see " + log);
      }
      Sleep.millis(300);
    }
    client = client.withToken(adminToken(dataDir));
  }

  /** The admin token the manager keeps in {@code dataDir} (created on its first start). */
  public static String adminToken(Path dataDir) {
    Path file = dataDir.resolve(ADMIN_TOKEN_FILE);
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("The manager wrote no admin token to " + file, e);
    }
  }

  /** The processes the manager runs now (services, data servers, their watchdogs). */
  public List<ProcessHandle> children() {
    remember();
    return process.toHandle().descendants().filter(ProcessHandle::isAlive).toList();
  }

  /**
   * Stops the manager (and with it everything it started) and waits for every process it ever
   * started to end; processes still alive after {@code grace} are killed and returned.
   */
  public List<String> stop(Duration grace) {
    remember();
    try {
      lifeline.close();
    } catch (IOException e) {
      process.destroy();
    }
    Instant deadline = Instant.now().plus(grace);
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tracker.interrupt();
    List<String> forced = new ArrayList<>();
    for (ProcessHandle handle : seen.values()) {
      while (handle.isAlive() && Instant.now().isBefore(deadline)) {
        Sleep.millis(200);
      }
      if (handle.isAlive()) {
        forced.add(handle.pid() + " " + handle.info().commandLine().orElse("?"));
        handle.destroyForcibly();
      }
    }
    return forced;
  }

  /** The processes this manager started that are still alive (none after {@link #stop}). */
  public List<ProcessHandle> leftovers() {
    return seen.values().stream().filter(ProcessHandle::isAlive).toList();
  }

  private void track() {
    while (!Thread.currentThread().isInterrupted() && process.isAlive()) {
      remember();
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void remember() {
    seen.putIfAbsent(process.pid(), process.toHandle());
    process.toHandle().descendants().forEach(handle -> seen.putIfAbsent(handle.pid(), handle));
  }
}
