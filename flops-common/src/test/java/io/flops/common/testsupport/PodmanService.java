package io.flops.common.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Podman's Docker-compatible API service on a free loopback port, with runc and the ulimits that
 * work on these machines (FEASIBILITY-INFRA §4) and {@code registry} trusted over plain HTTP. The
 * first start in a JVM runs {@link PodmanPreflight} and fails with its sentence when containers
 * cannot run on a bridge network or resolve each other's names.
 */
public final class PodmanService {

  private PodmanService() {}

  /**
   * Writes the {@code containers.conf} the tests use (runc, cgroupfs, ulimits below the sandbox's
   * hard limits) into {@code workDir}, with {@code extraEngineLines} added to its {@code [engine]}
   * table.
   */
  public static Path containersConf(Path workDir, List<String> extraEngineLines)
      throws IOException {
    Files.createDirectories(workDir);
    List<String> lines =
        new java.util.ArrayList<>(
            List.of(
                "[containers]",
                "default_ulimits = [\"nofile=1024:1024\", \"nproc=1024:1024\"]",
                "[engine]",
                "runtime = \"runc\"",
                "cgroup_manager = \"cgroupfs\"",
                "events_logger = \"file\""));
    lines.addAll(extraEngineLines);
    return Files.writeString(workDir.resolve("containers.conf"), String.join("\n", lines) + "\n");
  }

  /**
   * Writes a {@code registries.conf} into {@code workDir} that trusts {@code plainHttpRegistries}
   * ({@code host:port} each) over plain HTTP.
   */
  public static Path registriesConf(Path workDir, List<String> plainHttpRegistries)
      throws IOException {
    StringBuilder conf = new StringBuilder();
    for (String registry : plainHttpRegistries) {
      conf.append("[[registry]]\nlocation = \"").append(registry).append("\"\ninsecure = true\n");
    }
    return Files.writeString(workDir.resolve("registries.conf"), conf);
  }

  /** Starts the service with no registry trusted over plain HTTP; the caller closes it. */
  public static ExternalServer start(Path workDir) {
    return start(workDir, null);
  }

  /**
   * Starts the service trusting {@code registry} ({@code host:port}, or null for none); the caller
   * closes it.
   */
  public static ExternalServer start(Path workDir, String registry) {
    ExternalServer.requireBinary("podman", "podman runc");
    int port = ExternalServer.freePort();
    try {
      Path containersConf = containersConf(workDir, List.of());
      PodmanPreflight.require(containersConf, workDir);
      Path registriesConf =
          registriesConf(workDir, registry == null ? List.of() : List.of(registry));
      return ExternalServer.start(
          "podman",
          "podman runc",
          List.of(
              "env",
              "CONTAINERS_CONF=" + containersConf,
              "CONTAINERS_REGISTRIES_CONF=" + registriesConf,
              "podman",
              "system",
              "service",
              "--time=0",
              "tcp://127.0.0.1:" + port),
          port,
          workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
