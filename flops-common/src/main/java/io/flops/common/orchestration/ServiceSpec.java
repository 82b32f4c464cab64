package io.flops.common.orchestration;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service to run.
 *
 * @param name unique among the orchestrator's live services (e.g. {@code aggr3fa2c1})
 * @param kind what it is
 * @param applicationId from {@link Orchestrator#ensureApplication}
 * @param projectId the FLOps project it belongs to, or null for customer-wide services
 * @param image the image reference (e.g. {@code 127.0.0.1:5000/owner/repo/learner:<sha>})
 * @param command arguments appended to the image's entrypoint (empty: the image's own command)
 * @param environment environment variables
 * @param ports container ports the service listens on; {@link Orchestrator#address} maps them
 * @param resources limits per instance
 * @param placement where it may run
 * @param oneShot true for services that end by themselves (COMPLETED on exit code 0, FAILED
 *     otherwise); false for long-running ones
 * @param privileged needs a privileged container (e.g. some image builders)
 * @param instances how many instances to start
 */
public record ServiceSpec(
    String name,
    ServiceKind kind,
    String applicationId,
    String projectId,
    String image,
    List<String> command,
    Map<String, String> environment,
    List<Integer> ports,
    Resources resources,
    Placement placement,
    boolean oneShot,
    boolean privileged,
    int instances) {

  public ServiceSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(image, "image");
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    ports = List.copyOf(ports);
    resources = resources == null ? Resources.NONE : resources;
    placement = placement == null ? Placement.ANYWHERE : placement;
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be at least 1, was " + instances);
    }
  }
}
