package io.flops.images;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real {@code podman} CLI (runc, /etc/containers/containers.conf as .ci/install sets it). */
final class Podman {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final Path logs;
  private int runs;

  Podman(Path logs) {
    this.logs = logs;
  }

  /** Runs {@code podman <arguments>}, failing with its output unless it exits 0. */
  String expect(String... arguments) {
    Command command = command(arguments);
    return command.run("podman", TIMEOUT, nextLog(arguments[0])).expectSuccess(command).trim();
  }

  /** Runs {@code podman <arguments>} and returns its result, whatever the exit code. */
  Command.Result run(String... arguments) {
    return command(arguments).run("podman", TIMEOUT, nextLog(arguments[0]));
  }

  /** Removes a container and its image, ignoring what is already gone. */
  void removeQuietly(String container, String image) {
    run("rm", "-f", "--ignore", container);
    run("rmi", "-f", "--ignore", image);
  }

  /** Removes every container FLOps started (they carry the label {@code io.flops.kind}). */
  void removeAllFlopsContainers() {
    String names =
        run("ps", "-a", "--filter", "label=io.flops.kind", "--format", "{{.Names}}").output();
    for (String name : names.split("\\s+")) {
      if (!name.isBlank()) {
        run("rm", "-f", "--ignore", name);
      }
    }
  }

  /** Removes every image pulled from {@code registry} ({@code host:port}). */
  void removeImagesFrom(String registry) {
    String images = run("images", "--format", "{{.Repository}}:{{.Tag}}").output();
    for (String image : images.split("\\s+")) {
      if (image.startsWith(registry + "/")) {
        run("rmi", "-f", "--ignore", image);
      }
    }
  }

  private Command command(String... arguments) {
    List<String> line = new ArrayList<>(List.of("podman"));
    line.addAll(List.of(arguments));
    return new Command(line, logs, Map.of());
  }

  private Path nextLog(String verb) {
    return logs.resolve("podman-" + (++runs) + "-" + verb + ".log");
  }
}
