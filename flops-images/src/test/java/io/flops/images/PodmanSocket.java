package io.flops.images;

import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.PodmanPreflight;
import io.flops.common.testsupport.PodmanService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Podman's Docker-compatible API on a Unix socket, as a Docker engine's {@code
 * /var/run/docker.sock} is: for docker-compose on this host and for a container that mounts it (the
 * compose suite's manager). The given registries are trusted over plain HTTP.
 */
final class PodmanSocket implements AutoCloseable {

  private final Process process;
  private final Path socket;

  private PodmanSocket(Process process, Path socket) {
    this.process = process;
    this.socket = socket;
  }

  static PodmanSocket start(Path workDir, List<String> plainHttpRegistries) throws IOException {
    ExternalServer.requireBinary("podman", "podman runc");
    Path containersConf = PodmanService.containersConf(workDir, List.of());
    PodmanPreflight.require(containersConf, workDir);
    Path registriesConf = PodmanService.registriesConf(workDir, plainHttpRegistries);
    Path socket = workDir.resolve("podman.sock");
    Files.deleteIfExists(socket);
    Process process =
        new ProcessBuilder(
                "env",
                "CONTAINERS_CONF=" + containersConf,
                "CONTAINERS_REGISTRIES_CONF=" + registriesConf,
                "podman",
                "system",
                "service",
                "--time=0",
                "unix://" + socket)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("podman-service.log").toFile())
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!Files.exists(socket)) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        process.destroyForcibly();
        throw new AssertionError(
            "Podman's API service did not open " + socket + "; see " + workDir);
      }
      sleep(100);
    }
    return new PodmanSocket(process, socket);
  }

  Path socket() {
    return socket;
  }

  /** The value of {@code DOCKER_HOST} for clients on this host. */
  String dockerHost() {
    return "unix://" + socket;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
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
