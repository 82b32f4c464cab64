package io.flops.manager.deploy;

import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.Resources;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import java.util.List;
import java.util.Map;

/** A {@link ServiceSpec} under construction, naming each argument of its long constructor. */
final class SpecBuilder {

  private final String name;
  private final ServiceKind kind;
  private final String applicationId;
  private String projectId;
  private String image;
  private Map<String, String> environment = Map.of();
  private List<Integer> ports = List.of();
  private Resources resources = Resources.NONE;
  private Placement placement = Placement.ANYWHERE;
  private boolean oneShot;
  private int instances = 1;

  private SpecBuilder(String name, ServiceKind kind, String applicationId) {
    this.name = name;
    this.kind = kind;
    this.applicationId = applicationId;
  }

  /** A spec named {@code name} of {@code kind} in {@code applicationId}. */
  static SpecBuilder of(String name, ServiceKind kind, String applicationId) {
    return new SpecBuilder(name, kind, applicationId);
  }

  SpecBuilder project(String id) {
    this.projectId = id;
    return this;
  }

  SpecBuilder image(String reference) {
    this.image = reference;
    return this;
  }

  SpecBuilder environment(Map<String, String> variables) {
    this.environment = variables;
    return this;
  }

  SpecBuilder ports(Integer... containerPorts) {
    this.ports = List.of(containerPorts);
    return this;
  }

  SpecBuilder resources(Resources limits) {
    this.resources = limits;
    return this;
  }

  SpecBuilder placement(Placement where) {
    this.placement = where;
    return this;
  }

  /** The service ends by itself. */
  SpecBuilder oneShot() {
    this.oneShot = true;
    return this;
  }

  SpecBuilder instances(int count) {
    this.instances = count;
    return this;
  }

  ServiceSpec build() {
    return new ServiceSpec(
        name,
        kind,
        applicationId,
        projectId,
        image,
        List.of(),
        environment,
        ports,
        resources,
        placement,
        oneShot,
        false,
        instances);
  }
}
