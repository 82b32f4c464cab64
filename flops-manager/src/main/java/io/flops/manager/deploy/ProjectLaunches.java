package io.flops.manager.deploy;

import io.flops.common.launch.ServiceLaunch;
import io.flops.common.launch.TrackingLaunch;
import io.flops.common.orchestration.Resources;
import io.flops.common.sla.ResourceConstraints;
import io.flops.manager.config.TrackingProperties;
import io.flops.manager.mqtt.EventKeys;
import io.flops.manager.mqtt.MqttEndpoint;
import io.flops.manager.project.Project;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** The launch settings every service of a project shares. */
final class ProjectLaunches {

  private final MqttEndpoint mqtt;
  private final TrackingProperties tracking;
  private final EventKeys keys;

  ProjectLaunches(MqttEndpoint mqtt, TrackingProperties tracking, EventKeys keys) {
    this.mqtt = mqtt;
    this.tracking = tracking;
    this.keys = keys;
  }

  /**
   * The project id, the broker as services reach it, the SLA's verbosity and the project's event
   * key.
   */
  ServiceLaunch service(Project project) {
    return new ServiceLaunch(
        project.getId(),
        mqtt.publicUrl(),
        mqtt.username(),
        mqtt.password(),
        project.getSla().verbose(),
        keys.keyOf(project.getId()));
  }

  /** The project's tracking URI with the configured credentials. */
  TrackingLaunch tracking(Project project) {
    return tracking.launch(project.getTrackingUri());
  }

  /**
   * The directory of the project's file-store tracking, which a service on this host must reach at
   * the same path; none for a tracking server.
   */
  static List<Path> trackingDirectories(Project project) {
    String uri = project.getTrackingUri();
    if (uri == null || uri.isBlank() || uri.startsWith("http")) {
      return List.of();
    }
    return List.of(
        uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri).toAbsolutePath());
  }

  /**
   * The SLA's resource constraints, per instance; a memory limit below {@value
   * ResourceConstraints#MIN_JVM_MEMORY_MIB} MiB is raised to it (a JVM learner or aggregator cannot
   * start with less).
   */
  static Resources resources(Project project) {
    ResourceConstraints limits = project.getSla().resourceConstraints();
    int memory =
        limits.memory() == 0
            ? 0
            : Math.max(limits.memory(), ResourceConstraints.MIN_JVM_MEMORY_MIB);
    return new Resources(memory, limits.vcpus(), limits.storage());
  }
}
