package io.flops.cli.evaluate;

import io.flops.common.testsupport.ExternalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Podman's Docker-compatible API service on a free loopback port, with runc and the ulimits that
 * work on these machines (FEASIBILITY-INFRA §4).
 */
final class PodmanEngine {

  private PodmanEngine() {}

  static ExternalServer start(Path workDir) {
    ExternalServer.requireBinary("podman", "podman runc");
    int port = ExternalServer.freePort();
    try {
      Files.createDirectories(workDir);
      Path containersConf = workDir.resolve("containers.conf");
      Files.writeString(
          containersConf,
          String.join(
              "\n",
              "[containers]",
              "default_ulimits = [\"nofile=1024:1024\", \"nproc=1024:1024\"]",
              "[engine]",
              "runtime = \"runc\"",
              "cgroup_manager = \"cgroupfs\"",
              "events_logger = \"file\"",
              ""));
      return ExternalServer.start(
          "podman",
          "podman runc",
          List.of(
              "env",
              "CONTAINERS_CONF=" + containersConf,
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
