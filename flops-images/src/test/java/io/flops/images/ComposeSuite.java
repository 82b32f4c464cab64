package io.flops.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/docker-compose.yml with the stand-in override, driven by Debian's docker-compose against
 * Podman's Docker API. Podman runs health checks from systemd timers; this machine has no systemd,
 * so while the suite comes up this class runs {@code podman healthcheck run} on its containers
 * every two seconds, as the timers would.
 */
final class ComposeSuite {

  private static final Path DEPLOY = Images.root().resolve("deploy");

  private final String project;
  private final Path envFile;
  private final String dockerHost;
  private final Path logs;
  private final Podman podman;
  private final Map<String, Instant> nextCheck = new HashMap<>();

  private static final Pattern GO_DURATION = Pattern.compile("(\\d+)(h|ms|m|s)");

  ComposeSuite(String project, Map<String, String> env, String dockerHost, Path logs)
      throws IOException {
    this.project = project;
    this.dockerHost = dockerHost;
    this.logs = Files.createDirectories(logs);
    StringBuilder lines = new StringBuilder();
    env.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
    this.envFile = Files.writeString(logs.resolve("suite.env"), lines);
    this.podman = new Podman(logs);
  }

  /** The compose project name: a prefix of every container, volume and network it makes. */
  String project() {
    return project;
  }

  /**
   * {@code docker-compose up -d}, running health checks until it has started every service (it
   * waits for the health conditions of {@code depends_on}).
   */
  void up(Duration timeout) {
    Process up = start("up", "-d");
    Instant deadline = Instant.now().plus(timeout);
    try {
      while (!up.waitFor(2, TimeUnit.SECONDS)) {
        if (Instant.now().isAfter(deadline)) {
          up.destroyForcibly().waitFor();
          throw new AssertionError(
              "docker-compose up did not finish within " + timeout + ": " + states());
        }
        runHealthChecks();
      }
      if (up.exitValue() != 0) {
        throw new AssertionError(
            "docker-compose up exited "
                + up.exitValue()
                + ":\n"
                + read("compose-up.log")
                + "\nStates: "
                + states()
                + "\n"
                + unhealthyLogs());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs health checks until every container of the suite is healthy; their states otherwise. */
  Map<String, String> awaitHealthy(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Map<String, String> states = states();
    while (!states.values().stream().allMatch("healthy"::equals)
        && Instant.now().isBefore(deadline)) {
      runHealthChecks();
      sleep(2000);
      states = states();
    }
    return states;
  }

  /** {@code docker-compose down -v}: removes its containers, network and volumes. */
  void down() {
    Process down = start("down", "-v", "--remove-orphans");
    try {
      if (!down.waitFor(3, TimeUnit.MINUTES)) {
        down.destroyForcibly().waitFor();
        throw new AssertionError("docker-compose down did not finish within 3 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Every container of the suite by service name, with its health (or state without a check). */
  Map<String, String> states() {
    Map<String, String> states = new LinkedHashMap<>();
    String lines =
        podman
            .run(
                "ps",
                "-a",
                "--filter",
                "label=com.docker.compose.project=" + project,
                "--format",
                "{{index .Labels \"com.docker.compose.service\"}} {{.Names}}")
            .output();
    for (String line : lines.split("\n")) {
      String[] parts = line.trim().split(" ");
      if (parts.length == 2) {
        String health =
            podman.run("inspect", "--format", "{{.State.Health.Status}}", parts[1]).output().trim();
        states.put(parts[0], health.isEmpty() ? "no health check" : health);
      }
    }
    return states;
  }

  /** Names of what the suite left: containers, volumes and networks labelled with its project. */
  List<String> leftovers() {
    List<String> left = new ArrayList<>();
    String label = "label=com.docker.compose.project=" + project;
    for (List<String> listing :
        List.of(
            List.of("ps", "-a", "--filter", label, "--format", "container {{.Names}}"),
            List.of("volume", "ls", "--filter", label, "--format", "volume {{.Name}}"),
            List.of("network", "ls", "--filter", label, "--format", "network {{.Name}}"),
            List.of("ps", "-a", "--filter", "label=io.flops.kind", "--format", "{{.Names}}"))) {
      for (String line : podman.run(listing.toArray(String[]::new)).output().split("\n")) {
        if (!line.isBlank()) {
          left.add(line.trim());
        }
      }
    }
    return left;
  }

  /** The last log lines of every container that is not healthy. */
  String unhealthyLogs() {
    StringBuilder logs = new StringBuilder();
    states()
        .forEach(
            (service, health) -> {
              if (!"healthy".equals(health)) {
                logs.append("--- ").append(service).append(" (").append(health).append("):\n");
                logs.append(logsOf(service)).append('\n');
              }
            });
    return logs.toString();
  }

  String logsOf(String service) {
    Process logsCommand = start("logs", "--no-color", "--tail", "80", service);
    try {
      logsCommand.waitFor(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return read("compose-logs.log");
  }

  /**
   * Runs the health check of every running container of the suite whose interval has passed since
   * its last run (or since it was first seen), as Podman's systemd timer would.
   */
  private void runHealthChecks() {
    Instant now = Instant.now();
    for (String name :
        podman
            .run(
                "ps",
                "--filter",
                "label=com.docker.compose.project=" + project,
                "--format",
                "{{.Names}}")
            .output()
            .split("\n")) {
      if (name.isBlank()) {
        continue;
      }
      String container = name.trim();
      Instant due = nextCheck.computeIfAbsent(container, c -> now.plus(interval(c)));
      if (!now.isBefore(due)) {
        podman.run("healthcheck", "run", container);
        nextCheck.put(container, now.plus(interval(container)));
      }
    }
  }

  /** The container's health-check interval (Go's duration format, e.g. {@code 1m0s}). */
  private Duration interval(String container) {
    String text =
        podman
            .run("inspect", "--format", "{{.Config.Healthcheck.Interval}}", container)
            .output()
            .trim();
    Matcher part = GO_DURATION.matcher(text);
    Duration interval = Duration.ZERO;
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      interval =
          interval.plus(
              switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
              });
    }
    return interval.isZero() ? Duration.ofSeconds(30) : interval;
  }

  private Process start(String... arguments) {
    List<String> line =
        new ArrayList<>(
            List.of(
                "docker-compose",
                "--env-file",
                envFile.toString(),
                "-p",
                project,
                "-f",
                "docker-compose.yml",
                "-f",
                "test/docker-compose.stand-ins.yml"));
    line.addAll(List.of(arguments));
    io.flops.common.testsupport.ExternalServer.requireBinary("docker-compose", "docker-compose");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(line)
              .directory(DEPLOY.toFile())
              .redirectErrorStream(true)
              .redirectOutput(logs.resolve("compose-" + arguments[0] + ".log").toFile());
      builder.environment().put("DOCKER_HOST", dockerHost);
      builder.environment().put("COMPOSE_PROFILES", "local-workers");
      return builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run docker-compose: " + e.getMessage(), e);
    }
  }

  private String read(String log) {
    try {
      return Files.readString(logs.resolve(log));
    } catch (IOException e) {
      return "(no " + log + ": " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
