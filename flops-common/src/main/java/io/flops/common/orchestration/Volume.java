package io.flops.common.orchestration;

import java.util.Objects;

/**
 * A durable volume a service mounts: the platform keeps its data beyond the instance, so a later
 * service mounting a volume of the same name finds it (e.g. an aggregator's round checkpoints,
 * which a replacement aggregator on another worker resumes from). Only platforms whose {@link
 * Orchestrator#keepsVolumes()} is true accept services with volumes.
 *
 * @param name the volume's name, unique per project (letters, digits and dashes)
 * @param mountPath where the service sees it, an absolute path inside its container
 */
public record Volume(String name, String mountPath) {

  public Volume {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-zA-Z0-9-]{1,63}")) {
      throw new IllegalArgumentException(
          "Volume name '" + name + "' must be 1 to 63 letters, digits and dashes");
    }
    if (mountPath == null || !mountPath.startsWith("/")) {
      throw new IllegalArgumentException("Volume mount path must be absolute, was " + mountPath);
    }
  }

  /**
   * Refuses {@code spec} if it mounts volumes, for platforms that keep none.
   *
   * @throws OrchestrationException naming the service, its volumes and {@code platform}
   */
  public static void refuseAny(ServiceSpec spec, String platform) {
    if (!spec.volumes().isEmpty()) {
      throw new OrchestrationException(
          "Service "
              + spec.name()
              + " mounts volumes "
              + spec.volumes()
              + ", which "
              + platform
              + " does not keep");
    }
  }
}
