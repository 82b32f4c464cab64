package io.flops.manager.orchestration.docker;

import io.flops.common.orchestration.OrchestrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The host directories a container mounts, made before the container is created. Left to the
 * engine, a missing directory would be made by root with mode 0755, closed to the images' non-root
 * user; made here, each missing directory gets the permissions of its nearest existing ancestor, so
 * a data directory the operator opened to the containers stays open all the way down.
 */
final class HostDirectories {

  private HostDirectories() {}

  /** Makes {@code directory} and its missing parents with their nearest ancestor's permissions. */
  static Path ensure(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    Deque<Path> missing = new ArrayDeque<>();
    Path existing = absolute;
    while (existing != null && !Files.isDirectory(existing)) {
      missing.push(existing);
      existing = existing.getParent();
    }
    try {
      Set<PosixFilePermission> permissions =
          existing == null ? null : Files.getPosixFilePermissions(existing);
      while (!missing.isEmpty()) {
        Path created = Files.createDirectories(missing.pop());
        if (permissions != null) {
          Files.setPosixFilePermissions(created, permissions);
        }
      }
      return absolute;
    } catch (IOException | UnsupportedOperationException e) {
      throw new OrchestrationException(
          "Cannot create the host directory " + absolute + " a container mounts: " + e, false, e);
    }
  }
}
