package io.flops.manager.deploy;

import io.flops.common.launch.ServiceLaunch;
import io.flops.common.launch.TrackingLaunch;
import io.flops.common.orchestration.Locality;
import io.flops.common.orchestration.Resources;
import io.flops.common.sla.ResourceConstraints;
import io.flops.manager.config.TrackingProperties;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.project.Project;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** The launch settings every service of a project shares. */
final class ProjectLaunches {

  private final ServiceLaunches services;
  private final TrackingProperties tracking;
  private final Locality locality;

  ProjectLaunches(ServiceLaunches services, TrackingProperties tracking, Locality locality) {
    this.services = services;
    this.tracking = tracking;
    this.locality = locality;
  }

  /**
   * The project id, the broker as services reach it with the project's credential, the SLA's
   * verbosity, the project's event key and where listeners bind ({@link Locality#bindHost()}).
   */
  ServiceLaunch service(Project project) {
    return services.of(project.getId(), project.getSla().verbose()).boundTo(locality.bindHost());
  }

  /** The token that reads the project's observer events. */
  String observerReadToken(Project project) {
    return services.observerReadToken(project.getId());
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
